import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { GateConfig, MnistConfig, Xor2Config } from '../../src/shared/config'
import { toCsv } from '../../src/services/csv'
import { allRunsCsv, runCsv, runsCsv, weightsCsv } from '../../src/services/csv-exports'
import { RunStore } from '../../src/services/store/run-store'
import { parseCsv } from './csv-reader'
import { tempDir } from './tmp'

describe('CSV', () => {
  it('quotes, doubles quotes and ends lines with CRLF', () => {
    const text = toCsv(['a', 'b,c'], [['say "hi"', 'line\r\nbreak'], [1.5, null]])
    expect(text).toBe('a,"b,c"\r\n"say ""hi""","line\r\nbreak"\r\n1.5,\r\n')
    expect(parseCsv(text)).toEqual([['a', 'b,c'], ['say "hi"', 'line\r\nbreak'], ['1.5', '']])
  })

  it('neutralises text that a spreadsheet would run as a formula, and leaves numbers alone', () => {
    const cells = ['=HYPERLINK("http://x","click")', '+1', '-cmd', '@SUM(A1)', '\tTAB', '\rCR', 'plain', '  =1+1', ' @x', '   -2', 'a =b']
    const [, row] = parseCsv(toCsv(cells.map((_, i) => `c${i}`), [[...cells, -0.5]]))
    expect(row).toEqual([
      "'=HYPERLINK(\"http://x\",\"click\")", "'+1", "'-cmd", "'@SUM(A1)", "'\tTAB", "'\rCR", 'plain',
      // spreadsheets skip leading spaces before a formula
      "'  =1+1", "' @x", "'   -2", 'a =b', '-0.5'
    ])
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
      // the values this test wrote, not the store's reading of them
      expect(one.slice(1).map((r) => Number(r[h.indexOf('loss')]))).toEqual([0.123456789012345, 1e-17])
      expect(one.slice(1).map((r) => Number(r[h.indexOf('step')]))).toEqual([1, 2])
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

  it('exports every run under one header, each value under its own column, across kinds and past 100 runs', () => {
    const s = new RunStore(join(tempDir(), 'lab.db'))
    try {
      const gate: GateConfig = { kind: 'gate', gate: 'NAND', seed: 4, lr: 0.25, epochs: 2, h: 1e-5, gradient: 'backprop', logEvery: 1 }
      const xor2: Xor2Config = { kind: 'xor2', seed: 5, schedule: [{ lr: 0.3, epochs: 1 }], h: 1e-4, gradient: 'numerical', logEvery: 1 }
      const mnist: MnistConfig = { kind: 'mnist', seed: 6, hidden: 8, batch: 10, iterations: 2, lr: 0.05, gradient: 'backprop', formulation: 'standard', h: 1e-4, evalEvery: 2, snapshotEvery: 7 }
      // 100 gate runs first: the old export:runsCsv chunks of 100 put xor2 and MNIST under gate columns
      for (let i = 0; i < 100; i++) s.createRun({ config: gate, totalSteps: 2, status: 'done' })
      const g = s.createRun({ config: gate, totalSteps: 2 })
      s.append(g, [{ step: 1, loss: 0.75, lr: 0.25 }, { step: 2, loss: 0.5, lr: 0.25 }])
      const x = s.createRun({ config: xor2, totalSteps: 1 })
      s.append(x, [{ step: 1, loss: 0.125, lr: 0.3 }])
      const m = s.createRun({ config: mnist, totalSteps: 2 })
      s.append(m, [{ step: 1, loss: 2.25, lr: 0.05 }, { step: 2, loss: 2, lr: 0.05, trainAcc: 0.5, testAcc: 0.375 }])

      const file = allRunsCsv(s)
      const [H, ...rows] = parseCsv(file.content)
      expect(new Set(H).size).toBe(H.length)
      expect(rows).toHaveLength(5)
      // each row under the columns of every kind: a kind's empty where another kind's setting stands
      const cols = ['run_id', 'kind', 'step', 'loss', 'lr', 'train_acc', 'test_acc', 'config.gate', 'config.seed', 'config.lr', 'config.epochs',
        'config.schedule', 'config.h', 'config.hidden', 'config.batch', 'config.formulation', 'config.snapshotEvery', 'config.logEvery']
      expect(cols.filter((c) => !H.includes(c))).toEqual([])
      expect(rows.map((r) => cols.map((c) => r[H.indexOf(c)]))).toEqual([
        [`${g}`, 'gate', '1', '0.75', '0.25', '', '', 'NAND', '4', '0.25', '2', '', '0.00001', '', '', '', '', '1'],
        [`${g}`, 'gate', '2', '0.5', '0.25', '', '', 'NAND', '4', '0.25', '2', '', '0.00001', '', '', '', '', '1'],
        [`${x}`, 'xor2', '1', '0.125', '0.3', '', '', '', '5', '', '', '[{"lr":0.3,"epochs":1}]', '0.0001', '', '', '', '', '1'],
        [`${m}`, 'mnist', '1', '2.25', '0.05', '', '', '', '6', '0.05', '', '', '0.0001', '8', '10', 'standard', '7', ''],
        [`${m}`, 'mnist', '2', '2', '0.05', '0.5', '0.375', '', '6', '0.05', '', '', '0.0001', '8', '10', 'standard', '7', '']
      ])
      expect(rows.every((r) => r.length === H.length)).toBe(true)
      expect(H.slice(-2)).toEqual(['created_at', 'finished_at'])
    } finally {
      s.close()
    }
  })
})
