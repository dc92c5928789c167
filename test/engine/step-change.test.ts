// What an MNIST update did (the explained step's summary): the largest moves against the
// snapshots either side of it, and the batch loss either side against the loss each formulation
// reports (docs/models.md: standard before the update, twolayernet after).
import { describe, expect, it } from 'vitest'
import { largestChanges } from '../../src/engine/changes'
import { matrix } from '../../src/engine/linalg'
import { createMnistTrainer } from '../../src/engine/mnist'
import type { StepRecord } from '../../src/engine/types'
import { mnistQuickStart, type MnistConfig } from '../../src/shared/kinds'
import { loadMnist } from '../../src/services/mnist'

function run(config: MnistConfig): StepRecord[] {
  const trainer = createMnistTrainer(config, loadMnist())
  const out: StepRecord[] = []
  for (let r = trainer.step(); r; r = trainer.step()) out.push(r)
  return out
}

describe('largestChanges', () => {
  it('lists the entries that moved most, largest first, by hand', () => {
    const before = { a: matrix(1, 3, [0, 1, 2]), b: matrix(1, 2, [5, 5]) }
    const after = { a: matrix(1, 3, [0.5, 1, -1]), b: matrix(1, 2, [5.25, 7]) }
    expect(largestChanges(before, after, 3)).toEqual([
      { param: 'a', index: 2, before: 2, after: -1 },
      { param: 'b', index: 1, before: 5, after: 7 },
      { param: 'a', index: 0, before: 0, after: 0.5 }
    ])
  })
})

describe('an MNIST step with a snapshot says what its update did', () => {
  const config: MnistConfig = { ...mnistQuickStart, hidden: 16, iterations: 3, snapshotEvery: 1, evalEvery: 0 }

  it('standard: the loss before is the loss reported; the largest moves are those between the snapshots', () => {
    const records = run(config)
    for (const r of records) expect(r.change!.lossBefore).toBe(r.loss)
    const [r1, r2] = records
    let max = 0
    for (const name of Object.keys(r2.params!)) {
      const a = r1.params![name].data
      r2.params![name].data.forEach((v, i) => (max = Math.max(max, Math.abs(v - a[i]))))
    }
    const top = r2.change!.largest
    expect(top).toHaveLength(8)
    expect(Math.abs(top[0].after - top[0].before)).toBe(max)
    for (const e of top) {
      expect(e.before).toBe(r1.params![e.param].data[e.index])
      expect(e.after).toBe(r2.params![e.param].data[e.index])
    }
  })

  it('twolayernet: the loss after is the loss reported, and the update lowered the batch loss', () => {
    for (const r of run({ ...config, formulation: 'twolayernet' })) {
      expect(r.change!.lossAfter).toBe(r.loss)
      expect(r.change!.lossAfter).toBeLessThan(r.change!.lossBefore)
    }
  })
})
