// When an MNIST run evaluates, against the book's train_neuralnet.py counted by hand: it evaluates
// when i % iter_per_epoch == 0 for i = 0, 1, ... (i = iteration - 1), iter_per_epoch =
// max(train_size / batch_size, 1) in floating point; the lab adds the last iteration.
import { describe, expect, it } from 'vitest'
import { evaluatesAt, evaluationCount } from '../../src/engine/mnist/schedule'

const book = (batch: number, iterations: number) => ({ evalSchedule: 'book' as const, evalEvery: 100, batch, iterations })
const evaluated = (c: ReturnType<typeof book>): number[] =>
  Array.from({ length: c.iterations }, (_, i) => i + 1).filter((done) => evaluatesAt(c, 60000, done))

describe("the book's schedule", () => {
  it('batch 100: after iterations 1, 601, 1201 (iter_per_epoch 600.0)', () => {
    expect(evaluated(book(100, 1201))).toEqual([1, 601, 1201])
    expect(evaluationCount(book(100, 1201), 60000)).toBe(3)
  })

  it('the last iteration too, when it is not on the schedule', () => {
    expect(evaluated(book(100, 1000))).toEqual([1, 601, 1000])
  })

  it('batch 7: 60000/7 = 8571.428... is never a multiple of an integer again, so only iteration 1 (and the last)', () => {
    expect(evaluated(book(7, 20000))).toEqual([1, 20000])
  })

  it('batch 10000 (the largest allowed): iter_per_epoch 6.0, after 1, 7, 13', () => {
    expect(evaluated(book(10000, 14))).toEqual([1, 7, 13, 14])
  })

  it('ignores --eval-every; the every schedule uses it', () => {
    expect(evaluated({ ...book(100, 1201), evalSchedule: 'every' as never })).toEqual([100, 200, 300, 400, 500, 600, 700, 800, 900, 1000, 1100, 1200, 1201])
  })
})
