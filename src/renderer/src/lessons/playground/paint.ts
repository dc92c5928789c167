// Colours of the playground's maps: a neuron's output on the blue-white-red scale, the decision
// map in each class's colour, paler where the network is less sure.
import type { Feature } from '../../../../engine/playground'
import { diverging, maxAbs } from '../../lib/color'

/** The features as the chapter writes them. */
export const FEATURE_NAMES: Record<Feature, string> = { x1: 'x₁', x2: 'x₂', x1sq: 'x₁²', x2sq: 'x₂²', x1x2: 'x₁x₂', sinx1: 'sin x₁', sinx2: 'sin x₂' }

/** Class 0 blue and class 1 red, as the two-class maps of the other lessons; class 2 green. */
export const CLASS_RGB: [number, number, number][] = [
  [37, 99, 235],
  [220, 38, 38],
  [22, 163, 74]
]
export const classCss = (k: number): string => `rgb(${CLASS_RGB[k].join(' ')})`

const WHITE = 255
const mix = (rgb: [number, number, number], k: number): [number, number, number] =>
  rgb.map((c) => Math.round(WHITE + (c - WHITE) * k)) as [number, number, number]

/** RGBA of n×n values, row 0 at the bottom; saturated at ±max(1, the largest |value|). */
export function neuronImage(values: Float64Array, n: number): Uint8ClampedArray {
  const top = Math.max(1, maxAbs(values))
  return image(n, (i) => diverging(values[i], top))
}

/** The predicted class's colour, by how sure the network is (or flat when discretised). */
export function decisionImage(probs: Float64Array, classes: number, n: number, discretise: boolean): Uint8ClampedArray {
  const floor = 1 / classes
  return image(n, (i) => {
    let best = 0
    for (let k = 1; k < classes; k++) if (probs[i * classes + k] > probs[i * classes + best]) best = k
    const sure = (probs[i * classes + best] - floor) / (1 - floor)
    return mix(CLASS_RGB[best], discretise ? 0.55 : 0.85 * sure)
  })
}

function image(n: number, rgb: (i: number) => [number, number, number]): Uint8ClampedArray {
  const out = new Uint8ClampedArray(n * n * 4)
  for (let r = 0; r < n; r++) {
    for (let c = 0; c < n; c++) {
      const [R, G, B] = rgb(r * n + c)
      const o = ((n - 1 - r) * n + c) * 4
      out[o] = R
      out[o + 1] = G
      out[o + 2] = B
      out[o + 3] = 255
    }
  }
  return out
}

/** Shares of the plane each class wins, in percent. */
export function classShares(probs: Float64Array, classes: number): number[] {
  const wins = new Array<number>(classes).fill(0)
  const cells = probs.length / classes
  for (let i = 0; i < cells; i++) {
    let best = 0
    for (let k = 1; k < classes; k++) if (probs[i * classes + k] > probs[i * classes + best]) best = k
    wins[best]++
  }
  return wins.map((w) => Math.round((100 * w) / cells))
}

/** [lo, hi, percent positive] of a map, for its text equivalent. */
export function mapSummary(values: Float64Array): [number, number, number] {
  let lo = Infinity
  let hi = -Infinity
  let pos = 0
  for (const v of values) {
    lo = Math.min(lo, v)
    hi = Math.max(hi, v)
    if (v > 0) pos++
  }
  return [lo, hi, Math.round((100 * pos) / values.length)]
}
