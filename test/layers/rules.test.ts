// The layer rules (eslint.config.mjs) fail on a forbidden import: one snippet per rule, linted
// with ESLint's Node API as if it were a file in that layer, and the same layer's allowed
// imports pass.
import { ESLint } from 'eslint'
import { describe, expect, it } from 'vitest'

const eslint = new ESLint({ cwd: process.cwd() })

async function importErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath })
  return result.messages.map((m) => `${m.ruleId}: ${m.message}`)
}

const RULE = '@typescript-eslint/no-restricted-imports'

describe('layer rules', () => {
  it.each([
    ['engine -> shared', 'src/engine/x.ts', "import { fields } from '../shared/config'\n"],
    ['engine -> a package', 'src/engine/x.ts', "import Database from 'better-sqlite3'\n"],
    ['engine -> mathjs outside src/engine/expr', 'src/engine/x.ts', "import { parse } from 'mathjs'\n"],
    ['engine/expr -> another package', 'src/engine/expr/x.ts', "import Database from 'better-sqlite3'\n"],
    ['engine -> Node', 'src/engine/mnist/x.ts', "import { readFileSync } from 'node:fs'\n"],
    ['shared -> engine values', 'src/shared/x.ts', "import { createTrainer } from '../engine'\n"],
    ['shared -> services', 'src/shared/x.ts', "import type { RunStore } from '../services/store/run-store'\n"],
    ['services -> electron', 'src/services/x.ts', "import { app } from 'electron'\n"],
    ['services -> main', 'src/services/x.ts', "import { unavailable } from '../main/ipc'\n"],
    ['renderer -> services', 'src/renderer/src/x.ts', "import { LabService } from '../../services/lab-service'\n"],
    ['renderer -> main', 'src/renderer/src/x.ts', "import { EVENT_CHANNEL } from '../../main/ipc'\n"],
    ['renderer -> node:', 'src/renderer/src/x.ts', "import { join } from 'node:path'\n"],
    ['renderer -> a Node module by bare name', 'src/renderer/src/x.ts', "import { readFile } from 'fs'\n"],
    ['renderer -> the WebAssembly kernels', 'src/renderer/src/x.ts', "import { timesW } from '../../engine/mnist/kernels'\n"],
    ['renderer (Svelte) -> services', 'src/renderer/src/X.svelte', "<script lang=\"ts\">\n  import { LabService } from '../../services/lab-service'\n</script>\n"],
    ['preload -> main', 'src/preload/x.ts', "import { connectIpc } from '../main/ipc'\n"],
    ['preload -> a package', 'src/preload/x.ts', "import WebSocket from 'ws'\n"],
    ['cli -> electron', 'src/cli/x.ts', "import { app } from 'electron'\n"]
  ])('%s fails', async (_rule, filePath, code) => {
    const errors = await importErrors(filePath, code)
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatch(RULE)
  })

  it.each([
    ['engine -> engine', 'src/engine/mnist/x.ts', "import type { Matrix } from '../types'\nimport { RandomState } from '../random'\n"],
    ['engine/expr -> mathjs', 'src/engine/expr/x.ts', "import { create } from 'mathjs'\nimport { lex } from './lex'\n"],
    ['shared -> engine types', 'src/shared/x.ts', "import type { Matrix } from '../engine/types'\nimport { fields } from './config'\n"],
    ['renderer -> shared and the pure engine', 'src/renderer/src/x.ts', "import { predict } from '../../engine'\nimport { requests } from '../../shared/api'\n"],
    ['preload -> electron and shared', 'src/preload/x.ts', "import { ipcRenderer } from 'electron'\nimport { isChannel } from '../shared/api'\n"],
    ['services -> Node and shared', 'src/services/x.ts', "import { join } from 'node:path'\nimport { requests } from '../shared/api'\n"]
  ])('%s passes', async (_rule, filePath, code) => {
    expect(await importErrors(filePath, code)).toEqual([])
  })
})
