// The `lab` contract (docs/cli.md), through the real command and a real database file.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { RunStore } from '../../src/services/store/run-store'
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

/** `lab args` exits non-zero, saying `message` on stderr and nothing on stdout. */
function refused(args: string[], message: string): void {
  const r = lab(args, { LAB_DB: join(tempDir(), 'lab.db') })
  expect(r.code).not.toBe(0)
  expect(r.stderr).toContain(message)
  expect(r.stdout).toBe('')
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
    const saved = lab(['export', String(last.runId), '--db', db, '--out', out])
    expect(saved.code).toBe(0)
    expect(saved.stdout).toBe('')
    // the file holds the same CSV, byte for byte, that stdout carried
    expect(readFileSync(out, 'utf8')).toBe(csv.stdout)
  })

  it('--log-every K prints only multiples of K, and stores them and the final epoch', () => {
    const db = join(tempDir(), 'lab.db')
    const train = lab(['train', 'gate', '--gate', 'AND', '--seed', '1', '--epochs', '250', '--log-every', '100', '--db', db, '--json'])
    expect(train.code).toBe(0)
    const lines = jsonLines(train.stdout)
    expect(lines.map((l) => l.epoch ?? 'end')).toEqual([100, 200, 'end'])
    expect(lines[2]).toMatchObject({ done: true, runId: 1 })
    // the notebook's AND run at epoch 100, as above
    expect(lines[0].loss as number).toBeCloseTo(0.6886489498071491, 10)
    const [header, ...rows] = csvRows(lab(['export', '1', '--db', db]).stdout)
    expect(rows.map((r) => Number(r[header.indexOf('step')]))).toEqual([100, 200, 250])
    expect(rows.slice(0, 2).map((r) => Number(r[header.indexOf('loss')]))).toEqual(lines.slice(0, 2).map((l) => l.loss))
    expect((JSON.parse(lab(['runs', '--db', db, '--json']).stdout) as { steps: number }[])[0].steps).toBe(3)

    const x = lab(['train', 'xor2', '--schedule', '0.1x120,0.3x35', '--log-every', '50', '--db', db, '--json'])
    expect(jsonLines(x.stdout).map((l) => [l.epoch ?? 'end', l.lr ?? 'end'])).toEqual([[50, 0.1], [100, 0.1], [150, 0.3], ['end', 'end']])
  })

  it('a diverging run fails at the epoch it diverged, not at the next logged one, keeping the logged steps and that one', () => {
    const db = join(tempDir(), 'lab.db')
    // 150 calm epochs, then lr 1000: the loss leaves the numbers a few epochs later
    const schedule = ['train', 'xor2', '--seed', '1', '--schedule', '0.1x150,1000x100', '--db', db, '--json']
    const every1 = lab([...schedule, '--log-every', '1'])
    const failedAt = Number(/loss became NaN at step (\d+)/.exec(every1.stderr)![1])
    expect(failedAt).toBeGreaterThan(150)
    expect(failedAt).toBeLessThan(200)
    expect(jsonLines(every1.stdout).slice(-2)[0].epoch).toBe(failedAt)

    const every100 = lab([...schedule, '--log-every', '100'])
    expect(every100.code).toBe(1)
    expect(every100.stderr).toContain(`Training failed: loss became NaN at step ${failedAt}. Run 2 was saved as failed.`)
    const lines = jsonLines(every100.stdout)
    expect(lines.map((l) => l.epoch ?? l.status)).toEqual([100, 'failed'])
    expect(lines[1]).toEqual({ done: false, status: 'failed', reason: `loss became NaN at step ${failedAt}`, runId: 2 })
    const run = (JSON.parse(lab(['runs', '--db', db, '--json']).stdout) as { id: number; status: string; steps: number }[])[0]
    // stored like the app stores it: the logged epoch and the one it diverged at
    expect(run).toMatchObject({ id: 2, status: 'failed', steps: 2 })

    // the notebook's command with an absurd rate fails at once
    const gate = lab(['train', 'gate', '--lr', '1000', '--log-every', '100', '--db', db])
    expect(gate.stderr).toContain('loss became NaN at step 1.')
  })

  it('runs --json shows a paused run as running (the contract has no paused)', () => {
    const db = join(tempDir(), 'lab.db')
    const s = new RunStore(db)
    const id = s.createRun({ config: { kind: 'gate', gate: 'OR', seed: 1, lr: 0.1, epochs: 5, h: 1e-5, gradient: 'backprop', logEvery: 1 }, totalSteps: 5 })
    s.setStatus(id, 'paused')
    // its owner is this (live) test process, so `lab runs` leaves it as it is
    const list = JSON.parse(lab(['runs', '--db', db, '--json']).stdout) as { id: number; status: string }[]
    s.close()
    expect(list).toEqual([expect.objectContaining({ id, status: 'running' })])
  })

  it('file and database problems are one line on stderr, not a stack trace', () => {
    const dir = tempDir()
    const db = join(dir, 'lab.db')
    expect(lab(['train', 'gate', '--epochs', '1', '--log-every', '1', '--db', db]).code).toBe(0)
    const noDir = lab(['export', '1', '--db', db, '--out', '/nonexistent/x.csv'])
    expect(noDir.code).not.toBe(0)
    expect(noDir.stderr).toBe('lab: cannot write /nonexistent/x.csv: ENOENT: no such file or directory\n')
    const folder = lab(['runs', '--db', dir])
    expect(folder.code).not.toBe(0)
    expect(folder.stderr).toMatch(new RegExp(`^lab: cannot open database ${dir}: [^\n]+\n$`))
    const noCommand = lab(['--db', db])
    expect(noCommand.code).not.toBe(0)
    expect(noCommand.stdout).toBe('')
    expect(noCommand.stderr).toMatch(/^usage: lab <command>/)
  })

  it('simplenet prints the notebook numbers', () => {
    const db = join(tempDir(), 'lab.db')
    const r = lab(['simplenet', '--seed', '1', '--x', '0.6,0.9', '--t', '0,0,1', '--db', db, '--json'])
    expect(r.code).toBe(0)
    const [o] = jsonLines(r.stdout) as { W: number[][]; p: number[]; argmax: number; loss: number; dW: number[][] }[]
    expect(o.W.flat().map((v) => +v.toFixed(8))).toEqual([1.62434536, -0.61175641, -0.52817175, -1.07296862, 0.86540763, -2.3015387])
    expect(o.p.map((v) => +v.toFixed(8))).toEqual([0.00893546, 0.41181302, -2.38828788])
    expect(o.argmax).toBe(1)
    expect(o.loss).toBeCloseTo(3.344918677423258, 12)
    expect(o.dW.flat().map((v) => +v.toFixed(8))).toEqual([0.23126277, 0.34599771, -0.57726048, 0.34689416, 0.51899657, -0.86589073])
    // stored like the app stores it: done, one step (step 0), the notebook's loss
    const [run] = JSON.parse(lab(['runs', '--db', db, '--json']).stdout) as { kind: string; status: string; steps: number }[]
    expect(run).toMatchObject({ kind: 'simplenet', status: 'done', steps: 1 })
    expect(lab(['simplenet', '--seed', '1', '--no-save', '--db', db, '--json']).code).toBe(0)
    expect(JSON.parse(lab(['runs', '--db', db, '--json']).stdout)).toHaveLength(1)
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
    [['train', 'gate', '--lr', '0'], '--lr must be a number greater than 0 and at most 1000 (got 0)'],
    [['train', 'gate', '--gate', 'XNOR'], '--gate must be one of AND, OR, NAND, XOR (got "XNOR")'],
    [['train', 'mnist', '--hidden', '0'], '--hidden must be an integer from 1 to 512 (got 0)'],
    [['simplenet', '--x', '0.6'], '--x must be exactly 2 numbers (got an array of 1)'],
    [['simplenet', '--W', '1,2,3'], '--W must be exactly 6 numbers (got an array of 3)'],
    [['train', 'gate', '--epochs', '0b1'], '--epochs must be an integer from 1 to 100000 (got "0b1")'],
    [['simplenet', '--x', '0.6,zz'], '--x[1] must be a number at least -1000 and at most 1000 (got "zz")'],
    [['simplenet', '--t', '1,1,0'], '--t must be one-hot'],
    [['train', 'xor2', '--schedule', '0.1*1000'], '--schedule must be segments LRxEPOCHS'],
    [['train', 'gate', '--epochs'], '--epochs needs a value'],
    [['train', 'gate', '--lr', '--json'], '--lr needs a value'],
    [['train', 'gate', '--bogus', '1'], 'unknown option --bogus for `train gate`'],
    [['train', 'cnn'], 'train needs a model: descent, gate, xor2, mnist or playground (got "cnn")'],
    [['export', 'abc'], 'RUN_ID must be an integer'],
    [['frobnicate'], 'unknown command "frobnicate"']
  ])('lab %j fails with a message naming what is allowed', refused)

  // text that is not a plain decimal number is refused as the text it is, quoted
  it.each(['abc', '0x10', '', ' 0.1', 'Infinity'])('lab train gate --lr %j fails naming the allowed range', (value) =>
    refused(['train', 'gate', '--lr', value], `--lr must be a number greater than 0 and at most 1000 (got "${value}")`)
  )
})
