// `npm run lint` fails on an import cycle (eslint.config.mjs, import-x/no-cycle): two real files
// that import each other, written to a scratch folder under src/ (the rule resolves imports on
// disk), are linted with ESLint's Node API; the same pair with one import made type-only, which
// vanishes at run time, passes, and so does a .svelte file importing a .ts file that imports
// nothing back.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { ESLint } from 'eslint'
import { afterAll, describe, expect, it } from 'vitest'

const eslint = new ESLint({ cwd: process.cwd() })
const folder = mkdtempSync(join(process.cwd(), 'src', 'services', '.cycle-test-'))
afterAll(() => rmSync(folder, { recursive: true, force: true }))

async function cycleErrors(files: Record<string, string>, linted: string): Promise<string[]> {
  for (const [name, code] of Object.entries(files)) writeFileSync(join(folder, name), code)
  const [result] = await eslint.lintFiles([join(folder, linted)])
  return result.messages.map((m) => `${m.ruleId}: ${m.message}`)
}

describe('import cycles', () => {
  it.each([
    [
      'a value import cycle of two files',
      {
        'a.ts': "import { b } from './b'\nexport const a = (): number => b + 1\n",
        'b.ts': "import { a } from './a'\nexport const b = 1\nexport const useA = (): number => a()\n"
      },
      'a.ts',
      'import-x/no-cycle: Dependency cycle detected'
    ],
    [
      'a cycle through three files, one of them a .svelte component,',
      {
        'c.ts': "import View from './View.svelte'\nexport const view = View\n",
        'View.svelte': '<script lang="ts">\n  import { d } from \'./d\'\n  const x: number = d\n</script>\n<p>{x}</p>\n',
        'd.ts': "import { view } from './c'\nexport const d = 1\nexport const again = view\n"
      },
      'c.ts',
      'import-x/no-cycle: Dependency cycle via "./d:2"'
    ]
  ])('%s fails', async (_what, files, linted, error) => {
    expect(await cycleErrors(files, linted)).toEqual([error])
  })

  it('the same pair with the way back type-only passes', async () => {
    const errors = await cycleErrors(
      {
        'e.ts': "import { f } from './f'\nexport type E = { n: number }\nexport const e = f\n",
        'f.ts': "import type { E } from './e'\nexport const f = (x: E): number => x.n\n"
      },
      'e.ts'
    )
    expect(errors).toEqual([])
  })
})
