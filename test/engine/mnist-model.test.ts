// Forward pass, both losses and full-data accuracy against numpy on the real MNIST files.
import { describe, expect, it } from 'vitest'
import { predict } from '../../src/engine/mnist'
import { evaluate } from '../../src/engine/mnist/evaluate'
import { lossFromA2 } from '../../src/engine/mnist/loss'
import { timesW } from '../../src/engine/mnist/kernels'
import { forward } from '../../src/engine/mnist/model'
import { loadMnist } from '../../src/services/mnist'
import dataRef from '../fixtures/mnist-data.json'
import { cases, smallNet } from './mnist-small-net'

const close = (a: number, b: number, rel: number): void => {
  expect(Math.abs(a - b)).toBeLessThanOrEqual(rel * Math.abs(b))
}

describe.each(cases)('small net seed $seed (weights x$scale)', (c) => {
  const { p, x, labels } = smallNet(c)
  const data = loadMnist()

  describe.each(['textbook', 'standard'] as const)('%s', (formulation) => {
    const ref = c.formulations[formulation]

    it('batch loss equals numpy to 1e-13 relative', () => {
      close(lossFromA2(forward(p, x, timesW).A2, labels, formulation), ref.loss, 1e-13)
    })

    it('predict on the batch images gives numpy probabilities', () => {
      const images = new Float32Array(c.batch * 784)
      c.batchIndex.forEach((n, r) => images.set(data.train.images.subarray(n * 784, (n + 1) * 784), r * 784))
      const y = predict(p, images, c.batch, formulation)
      expect(y.length).toBe(ref.y.length)
      ref.y.forEach((v, q) => close(y[q], v, 1e-12))
    })

    it('train and test accuracy and the test confusion matrix equal numpy exactly', () => {
      expect(evaluate(p, data.train, formulation).accuracy).toBe(ref.trainAcc)
      const test = evaluate(p, data.test, formulation)
      expect(test.accuracy).toBe(ref.testAcc)
      expect(test.confusion).toEqual(ref.testConfusion)
    })
  })
})

describe('textbook softmax over a huge matrix', () => {
  it('overflows as numpy does: inf/inf rows are NaN and argmax picks the first NaN', () => {
    const { p } = smallNet(cases[1])
    const big = { ...p, b2: { rows: 1, cols: 10, data: Float64Array.from({ length: 10 }, (_, k) => (k === 3 ? 800 : 0)) } }
    const y = predict(big, new Float32Array(2 * 784), 2, 'textbook')
    // exp(800) = inf, so the sum is inf: the inf entries become NaN, the others 0
    expect(Number.isNaN(y[3])).toBe(true)
    expect(y[0]).toBe(0)
    const data = loadMnist()
    const evalBig = evaluate(big, data.test, 'textbook')
    // every image guessed as 3: the share of 3s in the test set
    expect(evalBig.accuracy).toBe(dataRef.testLabelCounts[3] / 10000)
  })
})

describe('predict', () => {
  it('rejects parameters that are not a 784-H-10 net, saying what it needs', () => {
    const { p } = smallNet(cases[0])
    expect(() => predict({ W1: p.W1, b1: p.b1, W2: p.W2 }, new Float32Array(784), 1, 'standard')).toThrow(
      'MNIST parameters must be W1 (784xH), b1 (1xH), W2 (Hx10) and b2 (1x10)'
    )
    expect(() => predict({ ...p, b1: { rows: 1, cols: 5, data: new Float64Array(5) } }, new Float32Array(784), 1, 'standard')).toThrow(/W1 \(784xH\)/)
  })
})
