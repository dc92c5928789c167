// The fast numerical gradient and backprop against references that do not share their code:
// the notebook's naive method in numpy (float64 and 80-bit long double) and in TypeScript.
import { describe, expect, it } from 'vitest'
import { Backprop, backpropGradient } from '../../src/engine/mnist/backprop'
import { numericalGradient } from '../../src/engine/mnist/numerical'
import type { MnistParams } from '../../src/engine/mnist/model'
import { referenceBackprop, referenceNumericalGradient } from '../../src/engine/mnist/reference'
import { cases, smallNet } from './mnist-small-net'

const NAMES = ['W1', 'b1', 'W2', 'b2'] as const
const EPS = 2 ** -52

function maxAbs(a: ArrayLike<number>): number {
  let m = 0
  for (let q = 0; q < a.length; q++) m = Math.max(m, Math.abs(a[q]))
  return m
}

function maxDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  expect(a.length).toBe(b.length)
  let m = 0
  for (let q = 0; q < a.length; q++) m = Math.max(m, Math.abs(a[q] - b[q]))
  return m
}

/** How far the naive float64 method may stray: a few roundings of the loss, divided by 2h. */
const naiveNoise = (loss: number, h: number): number => (16 * EPS * Math.abs(loss)) / (2 * h)

describe.each(cases)('small net seed $seed (weights x$scale), 784-$hidden-10, batch $batch', (c) => {
  describe.each(['textbook', 'standard'] as const)('%s', (formulation) => {
    const ref = c.formulations[formulation]
    const { p, x, labels } = smallNet(c)
    const fast = numericalGradient(p, x, labels, formulation, c.h).grads

    it.each(NAMES)('fast numerical %s equals the long-double naive gradient to 1e-9 relative', (name) => {
      const exact = ref.longDouble[name]
      expect(maxDiff(fast[name].data, exact)).toBeLessThanOrEqual(1e-9 * maxAbs(exact))
    })

    it.each(NAMES)('fast numerical %s agrees with numpy naive float64 within its rounding noise', (name) => {
      expect(maxDiff(fast[name].data, ref.naive[name])).toBeLessThanOrEqual(naiveNoise(ref.loss, c.h))
    })

    it('fast numerical agrees with the TypeScript naive gradient within its rounding noise', () => {
      const naive = referenceNumericalGradient(p, x, labels, formulation, c.h)
      for (const name of NAMES) {
        expect(maxDiff(fast[name].data, naive[name].data)).toBeLessThanOrEqual(naiveNoise(ref.loss, c.h))
      }
    })

    it('is exactly 0 for pixels that are zero in the whole batch, as the naive method gives', () => {
      const used = new Set(x.col)
      let zeroRows = 0
      for (let i = 0; i < 784; i++) {
        if (used.has(i)) continue
        zeroRows++
        for (let j = 0; j < c.hidden; j++) {
          expect(fast.W1.data[i * c.hidden + j]).toBe(0)
          expect(ref.naive.W1[i * c.hidden + j]).toBe(0)
        }
      }
      expect(zeroRows).toBeGreaterThan(100)
    })

    it.each(NAMES)('backprop %s matches the long-double numerical gradient (gradient check)', (name) => {
      const bp: MnistParams = backpropGradient(p, x, labels, formulation).grads
      const exact = ref.longDouble[name]
      // central differences are off by O(h^2) from the derivative
      expect(maxDiff(bp[name].data, exact)).toBeLessThanOrEqual(1e-6 * maxAbs(exact))
    })

    it('a backprop training step moves every parameter by exactly -lr times the gradient', () => {
      const { grads, loss } = backpropGradient(p, x, labels, formulation)
      // the forward pass in JavaScript, and the loss as evaluation computes it
      expect(loss).toBe(numericalGradient(p, x, labels, formulation, c.h).loss)
      const bp = new Backprop(c.hidden, x.rows, x)
      bp.load(p)
      const lr = 0.37
      expect(bp.step(Array.from({ length: x.rows }, (_, n) => n), labels, formulation, lr)).toBe(loss)
      for (const name of NAMES) {
        const want = p[name].data.map((w, q) => w - lr * grads[name].data[q])
        expect(maxDiff(bp.params[name].data, want)).toBe(0)
      }
    })

    it('with a large h (no series shortcut) still agrees with the naive gradient to 1e-9 relative', () => {
      const h = 0.5
      const big = numericalGradient(p, x, labels, formulation, h).grads
      const naive = referenceNumericalGradient(p, x, labels, formulation, h)
      for (const name of NAMES) {
        const scale = maxAbs(naive[name].data)
        expect(scale).toBeGreaterThan(0)
        expect(maxDiff(big[name].data, naive[name].data)).toBeLessThanOrEqual(1e-9 * scale + naiveNoise(ref.loss, h))
      }
    })
  })
})

describe.each(['textbook', 'standard'] as const)('%s, outputs that move too much for the series', (formulation) => {
  it('falls back to direct sums and still agrees with the naive gradient', () => {
    const { p, x, labels } = smallNet(cases[0])
    // W2 a thousand times the notebook's: a nudged hidden unit moves the outputs by more than 1e-4
    p.W2.data.forEach((w, q) => (p.W2.data[q] = 1000 * w))
    const h = 1e-4
    const fast = numericalGradient(p, x, labels, formulation, h)
    const naive = referenceNumericalGradient(p, x, labels, formulation, h)
    for (const name of NAMES) {
      const scale = maxAbs(naive[name].data)
      expect(scale).toBeGreaterThan(0)
      expect(maxDiff(fast.grads[name].data, naive[name].data)).toBeLessThanOrEqual(1e-9 * scale + naiveNoise(fast.loss, h))
    }
  })
})

describe.each(cases)('backprop kernels against the reference loops, seed $seed (weights x$scale)', (c) => {
  describe.each(['standard', 'twolayernet'] as const)('%s', (formulation) => {
    it.each(NAMES)('%s equals referenceBackprop to 1e-13 of its scale, and the loss exactly', (name) => {
      const { p, x, labels } = smallNet(c)
      const fast = backpropGradient(p, x, labels, formulation)
      const slow = referenceBackprop(p, x, labels, formulation)
      expect(fast.loss).toBe(slow.loss)
      expect(maxDiff(fast.grads[name].data, slow.grads[name].data)).toBeLessThanOrEqual(1e-13 * maxAbs(slow.grads[name].data))
    })
  })
})
