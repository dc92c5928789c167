// The playground's map colours and their text equivalents, on hand-made grids.
import { describe, expect, it } from 'vitest'
import { classShares, decisionImage, mapSummary, neuronImage } from '../../src/renderer/src/lessons/playground/paint'

const pixel = (rgba: Uint8ClampedArray, i: number): number[] => Array.from(rgba.slice(4 * i, 4 * i + 4))

describe('playground maps', () => {
  // a 2x2 grid, row 0 (x2 low) first in the data, drawn at the bottom of the image
  const probs2 = Float64Array.from([1, 0, 0.5, 0.5, 0, 1, 0.25, 0.75]) // per cell: p(class 0), p(class 1)

  it('colour each cell by the predicted class, paler where the network is unsure', () => {
    const img = decisionImage(probs2, 2, 2, false)
    // the image's top row is the grid's row 1: cells 2 (sure class 1: red at 85 %) and 3 (p = 0.75)
    expect(pixel(img, 0)).toEqual([Math.round(255 + (220 - 255) * 0.85), Math.round(255 + (38 - 255) * 0.85), Math.round(255 + (38 - 255) * 0.85), 255])
    expect(pixel(img, 1)).toEqual([Math.round(255 + (220 - 255) * 0.425), Math.round(255 + (38 - 255) * 0.425), Math.round(255 + (38 - 255) * 0.425), 255])
    // bottom row: cell 0 sure class 0 (blue), cell 1 a tie: white
    expect(pixel(img, 2)).toEqual([Math.round(255 + (37 - 255) * 0.85), Math.round(255 + (99 - 255) * 0.85), Math.round(255 + (235 - 255) * 0.85), 255])
    expect(pixel(img, 3)).toEqual([255, 255, 255, 255])
  })

  it('discretised, every cell takes its class’s flat colour', () => {
    const img = decisionImage(probs2, 2, 2, true)
    expect(pixel(img, 1)).toEqual(pixel(img, 0))
  })

  it('say which share of the plane each class wins, and a neuron map’s range', () => {
    expect(classShares(probs2, 2)).toEqual([50, 50])
    expect(classShares(Float64Array.from([0.2, 0.3, 0.5, 0.6, 0.3, 0.1, 0.1, 0.1, 0.8, 0.3, 0.4, 0.3]), 3)).toEqual([25, 25, 50])
    expect(mapSummary(Float64Array.from([-0.5, 0.25, 0.75, 0]))).toEqual([-0.5, 0.75, 50])
  })

  it('draw a neuron on the blue-white-red scale saturating at ±1, or at its largest |value| beyond that', () => {
    const wide = neuronImage(Float64Array.from([-1, 0, 2, 1]), 2)
    expect(pixel(wide, 2)).toEqual([146, 177, 245, 255]) // −1 of 2: half way to blue
    expect(pixel(wide, 1)).toEqual([238, 147, 147, 255]) // 1 of 2: half way to red
    const tanh = neuronImage(Float64Array.from([-1, 0.5, 0, 0]), 2)
    expect(pixel(tanh, 2)).toEqual([37, 99, 235, 255])
    expect(pixel(tanh, 3)).toEqual([238, 147, 147, 255])
  })
})
