// The `twolayernet` formulation is the book's TwoLayerNet trained by the book's loop: 20
// iterations of backprop against the numpy class itself (fixtures/make_twolayernet_fixture.py),
// the reported losses and the final parameters to 1e-12.
import { describe, expect, it } from 'vitest'
import { createMnistTrainer } from '../../src/engine/mnist'
import type { StepRecord } from '../../src/engine/types'
import { loadMnist } from '../../src/services/mnist'
import type { MnistConfig } from '../../src/shared/config'
import ref from '../fixtures/twolayernet.json'

const TOLERANCE = 1e-12

/** max |a - b| over max |b|: the error relative to the matrix's scale. */
function relativeError(a: ArrayLike<number>, b: number[]): number {
  expect(a.length).toBe(b.length)
  let diff = 0
  let scale = 0
  for (let q = 0; q < b.length; q++) {
    diff = Math.max(diff, Math.abs(a[q] - b[q]))
    scale = Math.max(scale, Math.abs(b[q]))
  }
  return diff / scale
}

describe("formulation 'twolayernet' against the book's TwoLayerNet in numpy", () => {
  const { seed, hidden, batch, iterations, lr } = ref.config
  const config: MnistConfig = {
    kind: 'mnist', seed, hidden, batch, iterations, lr,
    gradient: 'backprop', formulation: 'twolayernet', h: 1e-4, evalEvery: 0, snapshotEvery: iterations
  }
  const trainer = createMnistTrainer(config, loadMnist())
  const records: StepRecord[] = []
  for (let r = trainer.step(); r; r = trainer.step()) records.push(r)

  it('reports the batch loss after each update, as train_loss_list, to 1e-12 relative', () => {
    expect(records.map((r) => r.step)).toEqual(ref.losses.map((_, i) => i + 1))
    for (const [i, loss] of ref.losses.entries()) {
      expect(Math.abs(records[i].loss - loss)).toBeLessThanOrEqual(TOLERANCE * loss)
    }
  })

  it('ends with the same parameters, to 1e-12 of each matrix scale', () => {
    const p = records[records.length - 1].params!
    const W1 = ref.W1rows.flatMap((row) => Array.from(p.W1.data.subarray(row * hidden, (row + 1) * hidden)))
    expect(relativeError(W1, ref.W1)).toBeLessThanOrEqual(TOLERANCE)
    expect(relativeError(p.b1.data, ref.b1)).toBeLessThanOrEqual(TOLERANCE)
    expect(relativeError(p.W2.data, ref.W2)).toBeLessThanOrEqual(TOLERANCE)
    expect(relativeError(p.b2.data, ref.b2)).toBeLessThanOrEqual(TOLERANCE)
  })

  it('differs from the standard formulation, which reports the loss before the update', () => {
    const standard = createMnistTrainer({ ...config, formulation: 'standard' }, loadMnist())
    const first = standard.step()!
    // before the first update the loss is that of the initial weights: about log(10)
    expect(Math.abs(first.loss - Math.log(10))).toBeLessThan(0.01)
    expect(first.loss).not.toBe(records[0].loss)
  })
})
