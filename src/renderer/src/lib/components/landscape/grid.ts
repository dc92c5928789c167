// A function of two variables sampled on a square grid, and what a map of it needs: the range of
// its finite values, contour levels and their lines (marching squares), axis ticks. Pure: the
// Landscape component draws what these return, and tests check them by hand-computed values.

export interface Range {
  lo: number
  hi: number
}

/** n×n values; row 0 at the bottom (y = y.lo), column 0 at the left (x = x.lo). */
export interface Grid {
  n: number
  x: Range
  y: Range
  values: Float64Array
}

export const at = (r: Range, i: number, n: number): number => r.lo + ((r.hi - r.lo) * i) / (n - 1)

/** f over the grid; a value f cannot give (overflow, a log of a negative) is stored as NaN. */
export function sample(f: (x: number, y: number) => number, x: Range, y: Range, n: number): Grid {
  const values = new Float64Array(n * n)
  for (let r = 0; r < n; r++) {
    const yv = at(y, r, n)
    for (let c = 0; c < n; c++) {
      const v = f(at(x, c, n), yv)
      values[r * n + c] = Number.isFinite(v) ? v : NaN
    }
  }
  return { n, x, y, values }
}

/** The smallest and largest finite value, or null when there is none. */
export function finiteRange(values: ArrayLike<number>): Range | null {
  let lo = Infinity
  let hi = -Infinity
  for (let i = 0; i < values.length; i++) {
    const v = values[i]
    if (!Number.isFinite(v)) continue
    if (v < lo) lo = v
    if (v > hi) hi = v
  }
  return lo <= hi ? { lo, hi } : null
}

/**
 * Where a value sits on the colour scale, 0..1. `log` spreads values over decades (a bowl like
 * x0² + x1² is mostly its rim on a linear scale); it measures v − lo + a small offset.
 */
export function position(v: number, range: Range, log: boolean): number {
  if (!Number.isFinite(v)) return NaN
  const span = range.hi - range.lo
  if (span <= 0) return 0.5
  if (!log) return Math.min(1, Math.max(0, (v - range.lo) / span))
  const eps = span * 1e-3
  return Math.min(1, Math.max(0, Math.log((v - range.lo + eps) / eps) / Math.log((span + eps) / eps)))
}

/** The value at a scale position (the inverse of position), for contour levels and the key's ticks. */
export function valueAt(p: number, range: Range, log: boolean): number {
  const span = range.hi - range.lo
  if (!log) return range.lo + p * span
  const eps = span * 1e-3
  return range.lo + eps * Math.exp(p * Math.log((span + eps) / eps)) - eps
}

/** `count` levels evenly spaced on the colour scale, strictly inside the range. */
export function levels(range: Range, count: number, log: boolean): number[] {
  return Array.from({ length: count }, (_, k) => valueAt((k + 1) / (count + 1), range, log))
}

export type Segment = [number, number, number, number]

/**
 * Contour lines of one level by marching squares, in grid coordinates (column, row): each cell
 * whose corners straddle the level gets one or two segments between the crossing points of its
 * edges, placed by linear interpolation. Cells with a NaN corner are skipped.
 */
export function contour(grid: Grid, level: number): Segment[] {
  const { n, values } = grid
  const out: Segment[] = []
  const v = (c: number, r: number): number => values[r * n + c]
  for (let r = 0; r < n - 1; r++) {
    for (let c = 0; c < n - 1; c++) {
      const a = v(c, r)
      const b = v(c + 1, r)
      const d = v(c + 1, r + 1)
      const e = v(c, r + 1)
      if (Number.isNaN(a + b + d + e)) continue
      // crossings on the four edges: bottom (a–b), right (b–d), top (e–d), left (a–e)
      const pts: [number, number][] = []
      const cross = (p: number, q: number): boolean => p < level !== q < level
      const f = (p: number, q: number): number => (level - p) / (q - p)
      if (cross(a, b)) pts.push([c + f(a, b), r])
      if (cross(b, d)) pts.push([c + 1, r + f(b, d)])
      if (cross(e, d)) pts.push([c + f(e, d), r + 1])
      if (cross(a, e)) pts.push([c, r + f(a, e)])
      if (pts.length === 2) out.push([...pts[0], ...pts[1]])
      else if (pts.length === 4) {
        out.push([...pts[0], ...pts[3]], [...pts[1], ...pts[2]])
      }
    }
  }
  return out
}

/** About `count` round tick values inside [lo, hi] (1, 2 or 5 times a power of ten apart). */
export function ticks(range: Range, count = 5): number[] {
  const span = range.hi - range.lo
  if (!(span > 0) || !Number.isFinite(span)) return [range.lo]
  const raw = span / count
  const p = 10 ** Math.floor(Math.log10(raw))
  const step = [1, 2, 5, 10].map((m) => m * p).find((s) => s >= raw) ?? 10 * p
  const out: number[] = []
  for (let v = Math.ceil(range.lo / step) * step; v <= range.hi + step * 1e-9; v += step) {
    out.push(Math.abs(v) < step * 1e-9 ? 0 : Number(v.toPrecision(12)))
  }
  return out
}
