// Activations and losses against numpy (fixtures/make_fixtures.py) and values worked out by hand.
import { describe, expect, it } from 'vitest'
import {
  crossEntropyError,
  crossEntropyErrorBatch,
  crossEntropyErrorForBin,
  sigmoid,
  softmax,
  softmaxNoShift,
  softmaxRows,
  sumSquaredError
} from '../../src/engine/functions'
import { matrix } from '../../src/engine/linalg'
import f from '../fixtures/functions.json'
import { expectClose } from './close'

const tight = { rel: 1e-15, abs: 1e-300 }

describe('functions match numpy', () => {
  it('sigmoid', () => expectClose(f.sigmoid.x.map(sigmoid), f.sigmoid.out, tight))
  it('softmax (max subtracted), also for inputs whose exp overflows', () => {
    for (const c of f.softmax) expectClose(softmax(c.a), c.out, tight, `softmax(${c.a})`)
  })
  it('softmaxNoShift', () => {
    for (const c of f.softmaxNoShift) expectClose(softmaxNoShift(c.a), c.out, tight, `softmaxNoShift(${c.a})`)
  })
  it('softmaxRows normalises each row on its own', () => {
    const m = softmaxRows(matrix(f.softmaxRows.rows, f.softmaxRows.cols, f.softmaxRows.a))
    expectClose(m.data, f.softmaxRows.out, tight)
  })
  it('losses', () => {
    for (const c of f.sumSquaredError) expectClose(sumSquaredError(c.y, c.t), c.out, tight)
    for (const c of f.crossEntropyError) expectClose(crossEntropyError(c.y, c.t), c.out, tight)
    for (const c of f.crossEntropyErrorSimpleNet) expectClose(crossEntropyError(c.y, c.t, 1e-4), c.out, tight)
    const b = f.crossEntropyErrorBatch
    expectClose(crossEntropyErrorBatch(matrix(b.rows, b.cols, b.y), b.t), b.out, tight)
    for (const c of f.crossEntropyErrorForBin) expectClose(crossEntropyErrorForBin(c.y, c.t), c.out, tight)
  })
})

describe('functions by hand', () => {
  const t = [0, 0, 1, 0, 0, 0, 0, 0, 0, 0]
  const y = [0.1, 0.05, 0.6, 0.0, 0.05, 0.1, 0.0, 0.1, 0.0, 0.0]
  it('sum of squares: 0.5 * (0.01 + 0.0025 + 0.16 + 0.0025 + 0.01 + 0.01)', () => {
    expect(sumSquaredError(y, t)).toBeCloseTo(0.0975, 15)
  })
  it('cross-entropy of a one-hot target is -log(y_true + delta)', () => {
    expect(crossEntropyError(y, t)).toBe(-Math.log(0.6 + 1e-7))
    expect(crossEntropyError(y, t, 1e-4)).toBe(-Math.log(0.6 + 1e-4))
  })
  it('batch cross-entropy is the mean over rows', () => {
    const y2 = matrix(2, 2, [0.5, 0.5, 0.25, 0.75])
    expect(crossEntropyErrorBatch(y2, [1, 0, 0, 1])).toBeCloseTo(-(Math.log(0.5) + Math.log(0.75)) / 2, 6)
  })
  it('the notebook binary loss is half the usual binary cross-entropy', () => {
    expect(crossEntropyErrorForBin([0.5, 0.25], [1, 0])).toBeCloseTo(0.5 * (Math.LN2 - Math.log(0.75)), 15)
  })
  it('softmax sums to 1 and keeps order; without the shift, large inputs overflow to NaN as in numpy', () => {
    const s = softmax([1010, 1000, 990])
    expect(s[0] + s[1] + s[2]).toBeCloseTo(1, 15)
    expect(s[0]).toBeCloseTo(1 / (1 + Math.exp(-10) + Math.exp(-20)), 15)
    expect(Array.from(softmaxNoShift([1010, 1000, 990])).every(Number.isNaN)).toBe(true)
  })
  it('sigmoid(0) = 0.5 and sigmoid(-x) = 1 - sigmoid(x)', () => {
    expect(sigmoid(0)).toBe(0.5)
    expect(sigmoid(-2)).toBeCloseTo(1 - sigmoid(2), 15)
  })
})
