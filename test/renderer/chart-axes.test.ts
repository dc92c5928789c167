// The line chart's axes follow the run, not what is overlaid on it: a 5-iteration run beside the
// notebook's printed iterations 1-97, a single logged step, a log scale with a zero in the data.
import { describe, expect, it } from 'vitest'
import { datasets, scales, union, type Series } from '../../src/renderer/src/lib/components/chart'

const run: Series = { label: 'loss', xs: [1, 2, 3, 4, 5], ys: [402.8, 371.6, 354.1, 352.2, 346.2], color: '#2563eb' }
const notebook: Series = { label: 'notebook', xs: [1, 2, 10, 88, 97], ys: [402.8, 371.6, 340.8, 288.8, 274.5], color: '#7f1d1d', scatter: true, reference: true }

describe('line chart axes', () => {
  it('fit x to the run’s iterations and cut the reference to them', () => {
    const spec = { series: [run, notebook], xLabel: 'iteration', yLabel: 'loss' }
    expect(scales(spec).x).toMatchObject({ min: 1, max: 5 })
    const [own, reference] = datasets(spec)
    expect(own.data).toHaveLength(5)
    expect(reference.data).toEqual([
      { x: 1, y: 402.8 },
      { x: 2, y: 371.6 }
    ])
    // drawn faint and under the run's line
    expect(reference.borderColor).toBe('#7f1d1d80')
    expect(reference.order).toBeGreaterThan(own.order)
  })

  it('leave out a reference with no point where the run has been, legend entry included', () => {
    // a 2-iteration run beside notebook crosses at iterations 10 and 88 only
    const sparse: Series = { ...notebook, xs: [10, 88], ys: [340.8, 288.8] }
    const two: Series = { ...run, xs: [1, 2], ys: [402.8, 371.6] }
    const sets = datasets({ series: [two, sparse], xLabel: 'iteration', yLabel: 'loss' })
    expect(sets.map((d) => d.label)).toEqual(['loss'])
  })

  it('give a single step an axis from 0 to it, and a single value one from 0 to twice it', () => {
    const one: Series = { label: 'accuracy', xs: [100], ys: [0.91], color: '#000' }
    const axes = scales({ series: [one], xLabel: 'iteration', yLabel: 'accuracy' })
    expect(axes.x).toMatchObject({ min: 0, max: 100 })
    expect(axes.y).toMatchObject({ min: 0, max: 1.82 })
  })

  it('leave values ≤ 0 out of a log scale', () => {
    const s: Series = { label: 'loss', xs: [1, 2, 3], ys: [1, 0, 0.01], color: '#000' }
    expect(datasets({ series: [s], xLabel: 'step', yLabel: 'loss', logY: true })[0].data).toEqual([
      { x: 1, y: 1 },
      { x: 3, y: 0.01 }
    ])
  })
})

describe('honest axes', () => {
  it('span the planned run on x from the first point, and cover a given y range whatever the data', () => {
    const early: Series = { label: 'loss', xs: [1, 2, 3], ys: [1.5, 1.4, 1.3], color: '#2563eb' }
    const axes = scales({ series: [early], xLabel: 'epoch', yLabel: 'loss', xMax: 1000, yCover: { min: 0, max: 3 } })
    expect(axes.x).toMatchObject({ min: 0, max: 1000 })
    // suggested bounds: the data may still widen the axis, never narrow it below the cover
    expect(axes.y).toMatchObject({ suggestedMin: 0, suggestedMax: 3 })
  })

  it('a faint copy of the whole run counts for the axes, under the run and out of the legend', () => {
    const whole: Series = { label: 'loss', xs: [1, 2, 3, 4], ys: [2, 1, 0.5, 0.25], color: '#2563eb', faint: true }
    const [own, copy] = datasets({ series: [run, whole], xLabel: 'epoch', yLabel: 'loss' })
    expect(copy.label).toBe('')
    expect(copy.order).toBeGreaterThan(own.order)
    expect(scales({ series: [{ ...run, xs: [1, 2] , ys: [1, 1.1] }, whole], xLabel: 'epoch', yLabel: 'loss' }).x).toMatchObject({ min: 1, max: 4 })
  })
})

describe('union', () => {
  it('is the smallest range holding both', () => {
    expect(union({ min: 0, max: 1 }, { min: -2, max: 0.5 })).toEqual({ min: -2, max: 1 })
    expect(union(null, { min: 1, max: 2 })).toEqual({ min: 1, max: 2 })
  })
})
