// The `lab` contract of DESIGN.md, through the real command and a real database file.
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { tempDir } from '../services/tmp'
import { jsonLines, lab, npmLab } from './lab'

/** An RFC 4180 reader for the exported file (the fields here need no quotes beyond the name). */
function csvRows(text: string): string[][] {
  expect(text.endsWith('\r\n')).toBe(true)
  return text
    .slice(0, -2)
    .split('\r\n')
    .map((line) => line.match(/("([^"]|"")*"|[^,]*)(,|$)/g)!.slice(0, -1).map((c) => c.replace(/,$/, '').replace(/^"(.*)"$/, '$1').replace(/""/g, '"')))
}

describe('lab CLI contract', () => {
  it('train gate -> runs lists it done -> export has the same losses', () => {
    const db = join(tempDir(), 'lab.db')
    const train = npmLab(['train', 'gate', '--gate', 'AND', '--seed', '1', '--db', db, '--json'])
    expect(train.stderr).toBe('')
    expect(train.code).toBe(0)
    const lines = jsonLines(train.stdout)
    const steps = lines.slice(0, -1)
    expect(steps.map((l) => l.epoch)).toEqual([100, 200, 300, 400, 500, 600, 700, 800, 900, 1000])
    // the notebook's printed AND run (seed 1, lr 0.1)
    expect(steps[0].loss as number).toBeCloseTo(0.6886489498071491, 10)
    expect((steps[0].weights as number[]).map((w) => +w.toFixed(8))).toEqual([1.56426876, 0.79168393])
    expect((steps[0].bias as number[]).map((w) => +w.toFixed(8))).toEqual([-2.14871589])
    const last = lines[lines.length - 1] as { done: boolean; predictions: number[]; runId: number }
    expect(last.done).toBe(true)
    expect(last.predictions.map((p) => +p.toFixed(8))).toEqual([0.00135483, 0.08867878, 0.08889176, 0.87496677])

    const runs = lab(['runs', '--db', db, '--json'])
    expect(runs.code).toBe(0)
    const list = JSON.parse(runs.stdout) as { id: number; kind: string; status: string; createdAt: string; config: unknown; steps: number }[]
    expect(list).toHaveLength(1)
    expect(list[0]).toMatchObject({ id: last.runId, kind: 'gate', status: 'done', steps: 10, config: { kind: 'gate', gate: 'AND', seed: 1, lr: 0.1 } })
    expect(Number.isNaN(Date.parse(list[0].createdAt))).toBe(false)

    const csv = lab(['export', String(last.runId), '--db', db])
    expect(csv.code).toBe(0)
    const [header, ...rows] = csvRows(csv.stdout)
    expect(rows.map((r) => Number(r[header.indexOf('step')]))).toEqual(steps.map((l) => l.epoch))
    expect(rows.map((r) => Number(r[header.indexOf('loss')]))).toEqual(steps.map((l) => l.loss))

    const out = join(tempDir(), 'run.csv')
    expect(lab(['export', String(last.runId), '--db', db, '--out', out]).code).toBe(0)
  })

  it('simplenet prints the notebook numbers', () => {
    const r = lab(['simplenet', '--seed', '1', '--x', '0.6,0.9', '--t', '0,0,1', '--json'])
    expect(r.code).toBe(0)
    const [o] = jsonLines(r.stdout) as { W: number[][]; p: number[]; argmax: number; loss: number; dW: number[][] }[]
    expect(o.W.flat().map((v) => +v.toFixed(8))).toEqual([1.62434536, -0.61175641, -0.52817175, -1.07296862, 0.86540763, -2.3015387])
    expect(o.p.map((v) => +v.toFixed(8))).toEqual([0.00893546, 0.41181302, -2.38828788])
    expect(o.argmax).toBe(1)
    expect(o.loss).toBeCloseTo(3.344918677423258, 12)
    expect(o.dW.flat().map((v) => +v.toFixed(8))).toEqual([0.23126277, 0.34599771, -0.57726048, 0.34689416, 0.51899657, -0.86589073])
  })

  it('xor2 follows its schedule and mnist logs accuracy every K iterations', () => {
    const db = join(tempDir(), 'lab.db')
    const x = lab(['train', 'xor2', '--seed', '1', '--schedule', '0.1x20,0.3x10', '--log-every', '10', '--db', db, '--json'])
    expect(x.code).toBe(0)
    const xl = jsonLines(x.stdout)
    expect(xl.slice(0, -1).map((l) => [l.epoch, l.lr])).toEqual([[10, 0.1], [20, 0.1], [30, 0.3]])
    expect(Object.keys(xl[0].params as object)).toEqual(['W1', 'b1', 'W2', 'b2'])
    expect(xl[3]).toMatchObject({ done: true, runId: 1 })

    const m = lab(['train', 'mnist', '--seed', '1', '--hidden', '8', '--batch', '10', '--iterations', '4', '--lr', '0.1', '--gradient', 'backprop', '--eval-every', '2', '--db', db, '--json'])
    expect(m.stderr).toBe('')
    const ml = jsonLines(m.stdout)
    expect(ml.map((l) => l.iteration ?? 'end')).toEqual([1, 2, 3, 4, 'end'])
    expect(ml[0].trainAcc).toBeUndefined()
    expect(typeof ml[1].trainAcc).toBe('number')
    expect(typeof ml[1].testAcc).toBe('number')
    expect(ml[4]).toEqual({ done: true, runId: 2 })
    expect((JSON.parse(lab(['runs', '--db', db, '--json']).stdout) as { status: string }[]).map((r) => r.status)).toEqual(['done', 'done'])
  })

  it('--no-save stores nothing; human mode prints lines and progress', () => {
    const db = join(tempDir(), 'lab.db')
    const r = lab(['train', 'gate', '--gate', 'or', '--epochs', '200', '--no-save', '--db', db])
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/^Epochs : 100, Loss : [\d.]+, Weights : \[/m)
    expect(r.stderr).toMatch(/epoch 200\/200 .* epochs\/s/)
    expect(lab(['runs', '--db', db, '--json']).stdout.trim()).toBe('[]')
  })

  it.each([
    [['train', 'gate', '--lr', 'abc'], '--lr must be a number greater than 0 and at most 1000 (got "abc")'],
    [['train', 'gate', '--lr', '0'], '--lr must be a number greater than 0 and at most 1000 (got 0)'],
    [['train', 'gate', '--gate', 'XNOR'], '--gate must be one of AND, OR, NAND, XOR (got "XNOR")'],
    [['train', 'mnist', '--hidden', '0'], '--hidden must be an integer from 1 to 512 (got 0)'],
    [['simplenet', '--x', '0.6'], '--x must be a list of 2 to 2 items (got an array of 1)'],
    [['simplenet', '--x', '0.6,zz'], '--x[1] must be a number at least -1000 and at most 1000 (got "zz")'],
    [['simplenet', '--t', '1,1,0'], '--t must be one-hot'],
    [['train', 'xor2', '--schedule', '0.1*1000'], '--schedule must be segments LRxEPOCHS'],
    [['train', 'gate', '--epochs'], '--epochs needs a value'],
    [['train', 'gate', '--lr', '--json'], '--lr needs a value'],
    [['train', 'gate', '--bogus', '1'], 'unknown option --bogus for `train gate`'],
    [['train', 'cnn'], 'train needs a model: gate, xor2 or mnist (got "cnn")'],
    [['export', 'abc'], 'RUN_ID must be an integer'],
    [['frobnicate'], 'unknown command "frobnicate"']
  ])('lab %j fails with a message naming what is allowed', (args, message) => {
    const r = lab(args, { LAB_DB: join(tempDir(), 'lab.db') })
    expect(r.code).not.toBe(0)
    expect(r.stderr).toContain(message)
    expect(r.stdout).toBe('')
  })
})
