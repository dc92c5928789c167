// Sections 4.2-4.4 against numpy running the book's functions (fixtures/make_chapter4_fixtures.py),
// within 1e-12 relative, and the checks of y and t against hand-made cases.
import { describe, expect, it } from 'vitest'
import {
  checkOutput,
  checkTarget,
  ERROR_HS,
  gradientAt,
  gradientField,
  BOOK_GRID,
  lossTerms,
  batchLoss,
  drawMiniBatch,
  normalisePixels,
  numericalDiff,
  oneHot,
  parseExpr,
  partialDiff,
  tangentLine,
  type Expr
} from '../../src/engine'
import { loadMnist } from '../../src/services/mnist'
import ref from '../fixtures/chapter4.json'
import { expectClose } from './close'

const rel = { rel: 1e-12 }

function expr(source: string, arity: 1 | 2): Expr {
  const r = parseExpr(source, arity)
  if (!r.ok) throw new Error(`${source} refused`)
  return r.expr
}
const f1 = expr('function_1', 1)
const f2 = expr('function_2', 2)
const at1 = (x: number): number => f1.f([x])
const at1f32 = (x: number): number => f1.f32([x])

describe('4.2 losses', () => {
  it.each(ref.loss)("$what: the book's MSE and CEE", (c) => {
    const terms = lossTerms(c.y, oneHot(c.t, 10))
    expectClose(terms.mseTotal, c.mse, rel, 'mse')
    expectClose(terms.ceeTotal, c.cee, rel, 'cee')
    expectClose(0.5 * terms.mse.reduce((s, v) => s + v, 0) * 2, c.mse, rel, 'mse terms add up')
    expectClose(terms.cee.reduce((s, v) => s + v, 0), c.cee, rel, 'cee terms add up')
  })

  it('first example reads as the book prints it: 0.0975 and 0.5108', () => {
    expect(ref.loss[0].mse).toBeCloseTo(0.0975, 4)
    expect(ref.loss[0].cee).toBeCloseTo(0.5108, 4)
  })

  it('checks that y is a distribution, naming the first bad entry (from 1)', () => {
    expect(checkOutput(ref.loss[0].y)).toBeNull()
    expect(checkOutput([])).toEqual({ code: 'empty' })
    expect(checkOutput([0.5, -0.1, 0.6])).toEqual({ code: 'negative', index: 2, value: -0.1 })
    expect(checkOutput([1.5, 0])).toEqual({ code: 'above-one', index: 1, value: 1.5 })
    expect(checkOutput([0.5, 0.4])).toMatchObject({ code: 'sum' })
    expect(checkOutput([0.5, NaN])).toEqual({ code: 'not-number', index: 2 })
  })

  it('checks a target: a label in range or a one-hot list of the right length', () => {
    expect(checkTarget({ label: 2 }, 10)).toBeNull()
    expect(checkTarget({ label: 10 }, 10)).toEqual({ code: 'label', label: 10, classes: 10 })
    expect(checkTarget({ oneHot: oneHot(3, 10) }, 10)).toBeNull()
    expect(checkTarget({ oneHot: [0, 1] }, 10)).toEqual({ code: 'length', length: 2, classes: 10 })
    expect(checkTarget({ oneHot: [0, 1, 1] }, 3)).toEqual({ code: 'not-one-hot' })
  })
})

describe('4.2 mini-batch from the real MNIST training set', () => {
  const { train } = loadMnist()
  it.each(ref.miniBatch)('seed $seed, batch $batchSize: np.random.choice and its cross-entropy, one-hot and labels', (c) => {
    const { indices, params } = drawMiniBatch(c.seed, train.count, c.batchSize, c.hidden)
    expect(indices).toEqual(c.indices)
    const labels = indices.map((i) => train.labels[i])
    expect(labels).toEqual(c.labels)
    const images = new Float32Array(indices.length * 784)
    indices.forEach((i, n) => images.set(train.images.subarray(i * 784, (i + 1) * 784), n * 784))
    const b = batchLoss(params, images, labels)
    expectClose(b.y.data.subarray(0, 10), c.y0, rel, 'y[0]')
    expectClose(b.ceeOneHot, c.ceeOneHot, rel, 'one-hot')
    expectClose(b.ceeLabels, c.ceeLabels, rel, 'labels')
  })
})

describe('4.2 pixels', () => {
  it('bytes become float32(p / 255) as load_mnist(normalize=True) gives them', () => {
    const { train } = loadMnist()
    const k = ref.miniBatch[0].indices[0]
    const bytes = Array.from(train.images.subarray(k * 784, (k + 1) * 784), (v) => Math.round(v * 255))
    expect(Array.from(normalisePixels(bytes))).toEqual(Array.from(train.images.subarray(k * 784, (k + 1) * 784)))
  })
})

describe('4.3 numerical differentiation', () => {
  it.each(ref.diff.function1)("function_1'($x) is the book's $derivative, and its tangent line", (c) => {
    const d = numericalDiff(at1, c.x, 1e-4, 'central')
    expectClose(d, c.derivative, rel)
    const line = tangentLine(at1, c.x, d)
    expectClose([line.slope, line.intercept], [c.tangent.slope, c.tangent.intercept], rel)
  })

  it('prints exactly what the book prints at 5 and 10', () => {
    expect(numericalDiff(at1, 5, 1e-4, 'central')).toBe(0.1999999999990898)
    expect(numericalDiff(at1, 10, 1e-4, 'central')).toBe(0.2999999999986347)
  })

  it('central and forward differences for h = 1 ... 1e-16, in float64 and float32, as numpy', () => {
    expect(ERROR_HS).toEqual([...new Set(ref.diff.errorVsH.map((c) => c.h))])
    let exactCases = 0
    for (const c of ref.diff.errorVsH) {
      const what = `x=${c.x} h=${c.h}`
      // Where Python's pow rounded (x±h)**2 differently from x*x (powExact false), each f value may
      // be one unit in the last place off, and the quotient by as much as 2 ulp(f) / h.
      const tol = c.powExact ? rel : { abs: (2 * 2 ** -52 * at1(c.x + c.h)) / c.h }
      exactCases += c.powExact ? 1 : 0
      expectClose(numericalDiff(at1, c.x, c.h, 'central'), c.central, tol, `${what} central`)
      expectClose(numericalDiff(at1, c.x, c.h, 'forward'), c.forward, tol, `${what} forward`)
      expectClose(numericalDiff(at1f32, c.x, c.h, 'central', 'float32'), c.central32 ?? NaN, rel, `${what} central32`)
      expectClose(numericalDiff(at1f32, c.x, c.h, 'forward', 'float32'), c.forward32 ?? NaN, rel, `${what} forward32`)
    }
    expect(exactCases).toBeGreaterThan(ref.diff.errorVsH.length / 2)
  })

  it('h = 1e-50: float64 gives 0, and float32 makes h itself 0 (the quotient is undefined)', () => {
    const { x, h } = ref.diff.tinyH
    expect(numericalDiff(at1, x, h, 'central')).toBe(ref.diff.tinyH.central64)
    expect(Math.fround(h)).toBe(ref.diff.tinyH.h32)
    expect(numericalDiff(at1f32, x, h, 'central', 'float32')).toBeNaN()
  })

  it("partial derivatives with the other variable held: the book's function_tmp1 and function_tmp2", () => {
    expectClose(partialDiff(f2.f, [3, 4], 0, 1e-4), ref.diff.partial[0].value, rel)
    expectClose(partialDiff(f2.f, [3, 4], 1, 1e-4), ref.diff.partial[1].value, rel)
  })
})

describe('4.4 gradient', () => {
  it.each(ref.gradient.at)("numerical_gradient(function_2, $x) = $grad", (c) => {
    expectClose(gradientAt(f2.f, c.x as [number, number], 1e-4), c.grad, { rel: 1e-12, abs: 0 })
  })

  it("the field on the book's grid np.arange(-2, 2.5, 0.25), x0 varying fastest", () => {
    const field = gradientField(f2.f, BOOK_GRID, 1e-4)
    const r = ref.gradient.field
    expect(field.map((a) => a.x[0])).toEqual(r.x0)
    expect(field.map((a) => a.x[1])).toEqual(r.x1)
    expectClose(field.map((a) => a.grad[0]), r.grad0, rel, 'grad0')
    expectClose(field.map((a) => a.grad[1]), r.grad1, rel, 'grad1')
  })
})
