import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { toCsv } from '../../src/services/csv'
import { runCsv, runsCsv, weightsCsv } from '../../src/services/csv-exports'
import { RunStore } from '../../src/services/store/run-store'
import { tempDir } from './tmp'

/** A small RFC 4180 reader written for this test, independent of the writer. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let cell = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (cell += '"'), i++
      else if (c === '"') quoted = false
      else cell += c
    } else if (c === '"') quoted = true
    else if (c === ',') row.push(cell), (cell = '')
    else if (c === '\r' && text[i + 1] === '\n') row.push(cell), rows.push(row), (row = []), (cell = ''), i++
    else if (c === '\n') throw new Error(`bare LF at ${i}: RFC 4180 lines end with CRLF`)
    else cell += c
  }
  if (cell !== '' || row.length) throw new Error('last line has no CRLF')
  return rows
}

describe('CSV', () => {
  it('quotes, doubles quotes and ends lines with CRLF', () => {
    const text = toCsv(['a', 'b,c'], [['say "hi"', 'line\r\nbreak'], [1.5, null]])
    expect(text).toBe('a,"b,c"\r\n"say ""hi""","line\r\nbreak"\r\n1.5,\r\n')
    expect(parseCsv(text)).toEqual([['a', 'b,c'], ['say "hi"', 'line\r\nbreak'], ['1.5', '']])
  })

  it('neutralises text that a spreadsheet would run as a formula, and leaves numbers alone', () => {
    const cells = ['=HYPERLINK("http://x","click")', '+1', '-cmd', '@SUM(A1)', '\tTAB', '\rCR', 'plain']
    const [, row] = parseCsv(toCsv(cells.map((_, i) => `c${i}`), [[...cells, -0.5]]))
    expect(row).toEqual(["'=HYPERLINK(\"http://x\",\"click\")", "'+1", "'-cmd", "'@SUM(A1)", "'\tTAB", "'\rCR", 'plain', '-0.5'])
  })

  it("exports a run's metrics standing alone, and many runs in long format, equal to the database", () => {
    const s = new RunStore(join(tempDir(), 'lab.db'))
    try {
      const a = s.createRun({ config: { kind: 'gate', gate: 'AND', seed: 1, lr: 0.1, epochs: 2, h: 1e-5, gradient: 'numerical', logEvery: 1 }, name: '=HYPERLINK("evil")', totalSteps: 2 })
      s.append(a, [
        { step: 1, loss: 0.123456789012345, lr: 0.1, params: { w: { rows: 1, cols: 2, data: Float64Array.of(-0.5, 2) } } },
        { step: 2, loss: 1e-17, lr: 0.1 }
      ])
      s.finish(a, 'done')
      const b = s.createRun({ config: { kind: 'xor2', seed: 2, schedule: [{ lr: 0.3, epochs: 1 }], h: 1e-5, gradient: 'backprop', logEvery: 1 }, name: 'b', totalSteps: 1 })
      s.append(b, [{ step: 1, loss: 0.5, lr: 0.3 }])

      const one = parseCsv(runCsv(s, a).content)
      const h = one[0]
      expect(h.slice(0, 9)).toEqual(['run_id', 'run_name', 'kind', 'status', 'step', 'loss', 'lr', 'train_acc', 'test_acc'])
      expect(h).toContain('config.gate')
      expect(h.slice(-2)).toEqual(['created_at', 'finished_at'])
      expect(one.slice(1).map((r) => r[h.indexOf('run_name')])).toEqual(["'=HYPERLINK(\"evil\")", "'=HYPERLINK(\"evil\")"])
      expect(one.slice(1).map((r) => Number(r[h.indexOf('loss')]))).toEqual(s.metrics(a).loss)
      expect(one[1][h.indexOf('config.gate')]).toBe('AND')

      const many = parseCsv(runsCsv(s, [a, b]).content)
      const H = many[0]
      expect(many.slice(1).map((r) => [Number(r[H.indexOf('run_id')]), Number(r[H.indexOf('step')]), Number(r[H.indexOf('loss')])])).toEqual([
        [a, 1, 0.123456789012345],
        [a, 2, 1e-17],
        [b, 1, 0.5]
      ])
      // xor2 has no gate: blank, not shifted
      expect(many[3][H.indexOf('config.gate')]).toBe('')
      expect(many[3][H.indexOf('config.schedule')]).toBe('[{"lr":0.3,"epochs":1}]')

      expect(parseCsv(weightsCsv(s, a, 2).content)).toEqual([
        ['step', 'param', 'row', 'col', 'value'],
        ['1', 'w', '0', '0', '-0.5'],
        ['1', 'w', '0', '1', '2']
      ])
    } finally {
      s.close()
    }
  })
})
