// What a descent run's points say: the path (one point per logged step), whether it diverged,
// stopped far from any minimum, or barely moved — read from the numbers, never guessed from lr.
import type { Snapshot } from '../../../../shared/api'

export interface PathPoint {
  step: number
  x: number
  y: number
  f: number
}

/** The logged points, from snapshots carrying x (every logged step of a descent run does). */
export function pathOf(history: Snapshot[], f: (x: ArrayLike<number>) => number): PathPoint[] {
  return history
    .filter((s) => s.params.x?.data.length === 2)
    .map((s) => {
      const [x, y] = s.params.x.data
      return { step: s.step, x, y, f: f([x, y]) }
    })
}

export type Verdict =
  | { kind: 'none' }
  /** f went to infinity, or grew far past where it started. */
  | { kind: 'diverged'; from: number; to: number; frozen: boolean }
  /** After many steps the point has hardly moved: lr is too small to matter. */
  | { kind: 'barely'; moved: number; steps: number }
  | { kind: 'descending'; from: number; to: number }

const dist = (a: PathPoint, b: PathPoint): number => Math.hypot(a.x - b.x, a.y - b.y)

export function verdict(points: PathPoint[]): Verdict {
  if (points.length < 2) return { kind: 'none' }
  const first = points[0]
  const last = points[points.length - 1]
  const prev = points[points.length - 2]
  const away = !Number.isFinite(last.x) || !Number.isFinite(last.y) || !Number.isFinite(last.f)
  if (away || last.f > 10 * Math.abs(first.f) + 1) {
    // x ± h rounds back to x once |x| is large enough: the numerical gradient is 0 and x stops
    const frozen = !away && last.x === prev.x && last.y === prev.y
    return { kind: 'diverged', from: first.f, to: last.f, frozen }
  }
  const moved = dist(first, last)
  if (last.step >= 10 && moved < 1e-6 * Math.max(1, Math.hypot(first.x, first.y))) return { kind: 'barely', moved, steps: last.step }
  return { kind: 'descending', from: first.f, to: last.f }
}

/** A number for the screen: every digit a float has, '∞' for an overflow, never 'NaN'. */
export function shown(v: number): string {
  if (Number.isNaN(v)) return '—'
  if (!Number.isFinite(v)) return v > 0 ? '∞' : '−∞'
  return String(v)
}
