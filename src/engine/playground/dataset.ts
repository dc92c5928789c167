// The playground's data: six generators drawn from the run's RandomState, points given as they
// are (placed by hand or read from a CSV), and the train/test split. Every draw is an array draw
// in a fixed order (fixtures/make_playground_fixtures.py does the same in numpy), so a seed gives
// the same points here and in an exported notebook.
import { RandomState } from '../random'

export type DatasetName = 'circle' | 'xor' | 'gauss' | 'spiral' | 'moons' | 'gates'
export const DATASETS: readonly DatasetName[] = ['circle', 'xor', 'gauss', 'spiral', 'moons', 'gates']

/** A point of the plane and its class (0, 1 or 2). */
export type Point = readonly [x1: number, x2: number, label: number]

/** Every data set lives in the square [-EXTENT, EXTENT]², where the maps are drawn. */
export const EXTENT = 6
/** Noise 1 (100 %) adds a Gaussian of this standard deviation to each coordinate. */
const NOISE_SCALE = 2.5

export interface DatasetSpec {
  data: DatasetName
  /** Spiral only: 2 or 3 arms; every other generator has two classes. */
  classes: number
  points: number
  /** 0 to 0.5 */
  noise: number
}

/** Points of a generated data set; draws from rs in the documented order. */
export function generate(spec: DatasetSpec, rs: RandomState): Point[] {
  const n = spec.points
  const clean = CLEAN[spec.data](n, rs, spec.classes)
  // noise after the clean points: one Gaussian pair per point, the labels stay those of the clean point
  const e = rs.randn(2 * n)
  const s = spec.noise * NOISE_SCALE
  return clean.map(([x1, x2, t], i) => [x1 + s * e[2 * i], x2 + s * e[2 * i + 1], t] as const)
}

type Clean = (n: number, rs: RandomState, classes: number) => Point[]

const TAU = 2 * Math.PI

const CLEAN: Record<DatasetName, Clean> = {
  // class 1 inside radius 2.5, class 0 on the ring 3.5..5; alternating labels
  circle(n, rs) {
    const u = rs.rand(n)
    const a = rs.rand(n)
    return Array.from({ length: n }, (_, i) => {
      const r = i % 2 === 1 ? 2.5 * u[i] : 3.5 + 1.5 * u[i]
      return [r * Math.cos(TAU * a[i]), r * Math.sin(TAU * a[i]), i % 2]
    })
  },
  // uniform in the square, pushed 0.3 off the axes; class 1 where x1·x2 < 0
  xor(n, rs) {
    const u = rs.rand(2 * n)
    return Array.from({ length: n }, (_, i) => {
      const x1 = off(10 * u[2 * i] - 5)
      const x2 = off(10 * u[2 * i + 1] - 5)
      return [x1, x2, x1 * x2 < 0 ? 1 : 0]
    })
  },
  // class 1 around (2, 2), class 0 around (-2, -2), standard deviation 1
  gauss(n, rs) {
    const g = rs.randn(2 * n)
    return Array.from({ length: n }, (_, i) => {
      const c = i % 2 === 1 ? 2 : -2
      return [c + g[2 * i], c + g[2 * i + 1], i % 2]
    })
  },
  // `classes` arms of 1.75 turns out to radius 5, arm k turned by k/classes of a turn
  spiral(n, rs, classes) {
    const t = rs.rand(n)
    return Array.from({ length: n }, (_, i) => {
      const k = i % classes
      const r = 5 * t[i]
      const angle = 1.75 * TAU * t[i] + (TAU * k) / classes
      return [r * Math.sin(angle), r * Math.cos(angle), k]
    })
  },
  // two interleaved half circles of radius 1, stretched by 3 and centred
  moons(n, rs) {
    const a = rs.rand(n)
    return Array.from({ length: n }, (_, i) => {
      const phi = Math.PI * a[i]
      const [x1, x2] = i % 2 === 0 ? [Math.cos(phi), Math.sin(phi)] : [1 - Math.cos(phi), 0.5 - Math.sin(phi)]
      return [3 * (x1 - 0.5), 3 * (x2 - 0.25), i % 2]
    })
  },
  // the XOR truth table's four points (0/1 inputs) stretched to (±2, ±2), repeated; no draws
  gates(n) {
    return Array.from({ length: n }, (_, i) => {
      const a = (i >> 1) % 2
      const b = i % 2
      return [4 * a - 2, 4 * b - 2, a ^ b]
    })
  }
}

const off = (v: number): number => (v < 0 ? v - 0.3 : v + 0.3)

/** np.random.permutation(n): numpy's legacy shuffle, one bounded draw per position from the end. */
export function permutation(rs: RandomState, n: number): number[] {
  const p = Array.from({ length: n }, (_, i) => i)
  for (let i = n - 1; i > 0; i--) {
    const j = rs.randint(0, i + 1, 1)[0]
    const tmp = p[i]
    p[i] = p[j]
    p[j] = tmp
  }
  return p
}

export interface Split {
  train: Point[]
  test: Point[]
}

/** The last floor(n·testRatio + 0.5) points of a permutation are the test set (at least one each side when n ≥ 2). */
export function split(points: readonly Point[], testRatio: number, rs: RandomState): Split {
  const n = points.length
  const order = permutation(rs, n)
  const nTest = n < 2 ? 0 : Math.min(n - 1, Math.max(1, Math.floor(n * testRatio + 0.5)))
  const nTrain = n - nTest
  return { train: order.slice(0, nTrain).map((i) => points[i]), test: order.slice(nTrain).map((i) => points[i]) }
}

/** Number of classes in a set of points: the largest label + 1, and at least two. */
export const classCount = (points: readonly Point[]): number => Math.max(2, ...points.map((p) => p[2] + 1))
