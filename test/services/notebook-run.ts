// Executes an exported notebook the way Jupyter's "Run All" would, with plain python3: every
// code cell in order, in one namespace. Used by the notebook tests; no Jupyter needed.
import { spawnSync } from 'node:child_process'
import { dirname } from 'node:path'

const RUNNER = `
import json, sys
notebook = json.load(open(sys.argv[1], encoding='utf-8'))
namespace = {'__name__': '__main__'}
for cell in notebook['cells']:
    if cell['cell_type'] == 'code':
        exec(compile(''.join(cell['source']), 'cell', 'exec'), namespace)
`

/** Why notebooks cannot be executed here, or null when python3 with numpy is available. */
export function pythonMissing(): string | null {
  const r = spawnSync('python3', ['-c', 'import numpy'], { encoding: 'utf8' })
  if (r.error) return `python3 is not installed (${r.error.message})`
  if (r.status !== 0) return 'python3 cannot import numpy'
  return null
}

export interface Execution {
  code: number | null
  stdout: string
  stderr: string
}

/** Runs in the notebook's folder, as Jupyter does (./mnist is looked for there). */
export function runNotebookFile(file: string, env: NodeJS.ProcessEnv = {}): Execution {
  const options = { cwd: dirname(file), encoding: 'utf8' as const, env: { ...process.env, ...env }, maxBuffer: 64 << 20 }
  const r = spawnSync('python3', ['-c', RUNNER, file], options)
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}

/** The summary line a notebook ends with, parsed; throws when the last line is anything else. */
export function summary(stdout: string): { difference: number; steps: number } {
  const last = stdout.trimEnd().split('\n').at(-1) ?? ''
  const m = /^max relative difference: (\S+) over (\d+) logged steps$/.exec(last)
  if (!m) throw new Error(`the notebook's last line is not the summary: ${JSON.stringify(last)}`)
  const difference = m[1] === 'inf' ? Infinity : Number(m[1])
  return { difference, steps: Number(m[2]) }
}
