import { createHash } from 'node:crypto'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createTrainer } from '../../src/engine'
import type { StepRecord } from '../../src/engine/types'
import { notebook } from '../../src/shared/config'
import { exportRunFile, importRunFile } from '../../src/services/runfile'
import { RunStore } from '../../src/services/store/run-store'
import { tempDir } from './tmp'

const open: RunStore[] = []
afterEach(() => open.splice(0).forEach((s) => s.close()))
const store = (): RunStore => {
  const s = new RunStore(join(tempDir(), 'lab.db'))
  open.push(s)
  return s
}

const m = (rows: number, cols: number, values: number[]) => ({ rows, cols, data: Float64Array.from(values) })

function sourceRun(s: RunStore): number {
  const id = s.createRun({ config: { kind: 'xor2', seed: 3, schedule: [{ lr: 0.1, epochs: 2 }, { lr: 0.3, epochs: 1 }], h: 1e-5, gradient: 'numerical', logEvery: 1 }, name: 'xor "quoted"', totalSteps: 3 })
  const records: StepRecord[] = [1, 2, 3].map((step) => ({
    step,
    loss: 1 / (step + 7),
    lr: step < 3 ? 0.1 : 0.3,
    params: { W1: m(1, 2, [step / 3, -step]), b1: m(1, 2, [0.1 * step, 1e-300]), W2: m(1, 2, [Math.E, step]), b2: m(1, 1, [-step / 7]) },
    grads: { dW1: m(1, 2, [1e-9, -2e-9]), db1: m(1, 2, [0, 0]), dW2: m(1, 2, [3, 4]), db2: m(1, 1, [5]) }
  }))
  s.append(id, records)
  s.setNote(id, 'a note')
  s.finish(id, 'done', null, [0.01, 0.98, 0.97, 0.02])
  return id
}

function replayView(s: RunStore, id: number) {
  const { id: _id, ...run } = s.getRun(id)!
  return { run, metrics: s.metrics(id), snapshots: [...s.snapshots(id)] }
}

/** Re-sign an edited body, as a careful forger would. */
function resign(text: string, edit: (run: Record<string, unknown>) => void): string {
  const f = JSON.parse(text)
  edit(f.run)
  const body = JSON.stringify(f.run)
  return JSON.stringify({ ...f, sha256: createHash('sha256').update(body).digest('hex'), run: f.run })
}

describe('run files', () => {
  it('imports into another database a run that replays identically', () => {
    const a = store()
    const id = sourceRun(a)
    const file = exportRunFile(a, id)
    const b = store()
    b.createRun({ config: { kind: 'gate', gate: 'OR', seed: 1, lr: 1, epochs: 1, h: 1e-5, gradient: 'backprop', logEvery: 1 }, totalSteps: 1, status: 'done' })
    const imported = importRunFile(b, file.content)
    expect(imported).not.toBe(id)
    expect(replayView(b, imported)).toEqual(replayView(a, id))
  })

  it('refuses a truncated, edited or reordered file and changes nothing', () => {
    const a = store()
    const good = exportRunFile(a, sourceRun(a)).content
    const b = store()
    const before = replayView(a, 1)
    const attempts: [string, RegExp][] = [
      [good.slice(0, Math.floor(good.length * 0.7)), /not complete JSON.*truncated/],
      [good.replace('"loss":[0.125', '"loss":[0.5'), /checksum does not match/],
      [resign(good, (r) => ((r.metrics as { step: number[] }).step = [1, 3, 2])), /out of order \(3 then 2\)/],
      [resign(good, (r) => ((r.config as { h: number }).h = -1)), /run\.config\.h must be a number greater than 0/],
      [resign(good, (r) => ((r.metrics as { loss: number[] }).loss = [1])), /run\.metrics\.loss has 1 values for 3 steps/],
      [good.replace('"gradient-lab-run"', '"something-else"'), /not a Gradient Lab run file/],
      [
        resign(good, (r) => ((r.snapshots as { params: Record<string, unknown> }[])[1].params.W1 = { rows: 2, cols: 1, data: [1, 2] })),
        /run\.snapshots\[1\]\.params\.W1 is 2x1; a xor2 run's W1 is 1x2/
      ],
      [
        resign(good, (r) => ((r.snapshots as { grads: Record<string, unknown> }[])[0].grads.db2 = { rows: 1, cols: 2, data: [1, 2] })),
        /run\.snapshots\[0\]\.grads\.db2 is 1x2; a xor2 run's db2 is 1x1/
      ],
      [resign(good, (r) => delete (r.snapshots as { params: Record<string, unknown> }[])[2].params.b2), /run\.snapshots\[2\]\.params has no b2 \(expected W1, b1, W2, b2\)/],
      [
        resign(good, (r) => ((r.snapshots as { params: Record<string, unknown> }[])[0].params.W3 = { rows: 1, cols: 1, data: [1] })),
        /run\.snapshots\[0\]\.params\.W3 is not a xor2 parameter \(expected W1, b1, W2, b2\)/
      ],
      [resign(good, (r) => ((r.config as Record<string, unknown>).colour = 'red')), /unknown field run\.config\.colour \(allowed: kind, seed, schedule, h, gradient, logEvery\)/]
    ]
    for (const [content, why] of attempts) {
      expect(() => importRunFile(b, content)).toThrow(why)
      expect(() => importRunFile(b, content)).toThrow(/Nothing was changed/)
    }
    expect(b.listRuns()).toEqual([])
    expect(b.db.prepare('SELECT (SELECT count(*) FROM metrics) + (SELECT count(*) FROM snapshots) AS n').get()).toEqual({ n: 0 })
    expect(replayView(a, 1)).toEqual(before)
  })

  it('imports runs the engine really trained, whose snapshots have the shapes a kind must have', () => {
    const a = store()
    const gate = a.createRun({ config: { ...notebook.gate, epochs: 3 }, totalSteps: 3 })
    const t = createTrainer({ ...notebook.gate, epochs: 3 })
    a.append(gate, [t.step()!, t.step()!, t.step()!])
    a.finish(gate, 'done')
    const mnistConfig = { ...notebook.mnist, hidden: 3, iterations: 1 }
    const mnist = a.createRun({ config: mnistConfig, totalSteps: 1 })
    // MNIST weights are W1 784xH, b1 1xH, W2 Hx10, b2 1x10 with H = config.hidden
    const mat = (rows: number, cols: number) => ({ rows, cols, data: new Float64Array(rows * cols).fill(0.5) })
    a.append(mnist, [{ step: 1, loss: 2.3, lr: 0.1, params: { W1: mat(784, 3), b1: mat(1, 3), W2: mat(3, 10), b2: mat(1, 10) } }])
    a.finish(mnist, 'done')
    const b = store()
    expect(b.getRun(importRunFile(b, exportRunFile(a, gate).content))!.snapshotSteps).toEqual([1, 2, 3])
    const good = exportRunFile(a, mnist).content
    expect(b.getRun(importRunFile(b, good))!.config).toEqual(mnistConfig)
    // the same run claiming a hidden layer of 4 no longer fits its weights
    const bad = resign(good, (r) => ((r.config as { hidden: number }).hidden = 4))
    expect(() => importRunFile(b, bad)).toThrow(/run\.snapshots\[0\]\.params\.W1 is 784x3; a mnist run's W1 is 784x4/)
  })
})
