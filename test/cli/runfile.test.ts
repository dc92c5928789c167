// `lab export-run` and `lab import`: a run file through the command line, into another database.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { tempDir } from '../services/tmp'
import { jsonLines, lab } from './lab'

describe('lab export-run and import', () => {
  it('moves a run to another database once, and says so the second time', () => {
    const dir = tempDir()
    const a = join(dir, 'a.db')
    const b = join(dir, 'b.db')
    const file = join(dir, 'gate.glrun')
    expect(lab(['train', 'gate', '--epochs', '50', '--log-every', '10', '--db', a, '--json']).code).toBe(0)
    expect(lab(['export-run', '1', '--db', a, '--out', file])).toMatchObject({ code: 0, stdout: '', stderr: '' })
    // without --out the same file goes to stdout
    expect(lab(['export-run', '1', '--db', a]).stdout).toBe(readFileSync(file, 'utf8'))

    expect(lab(['import', file, '--db', b])).toMatchObject({ code: 0, stdout: `imported ${file} as run 1\n` })
    expect(lab(['import', file, '--db', b, '--json'])).toMatchObject({ code: 0, stdout: '{"runId":1,"duplicate":true}\n' })
    const [fromA] = jsonLines(lab(['runs', '--db', a, '--json']).stdout)[0] as unknown as Record<string, unknown>[]
    const [fromB] = jsonLines(lab(['runs', '--db', b, '--json']).stdout)[0] as unknown as Record<string, unknown>[]
    expect(fromB).toEqual(fromA)
    expect(lab(['export-run', '7', '--db', a])).toMatchObject({ code: 2, stderr: `lab: there is no run 7 in ${a} (see \`lab runs\`)\n` })
  })
})
