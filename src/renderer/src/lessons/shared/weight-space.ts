// The weight-space view's frame: the square of the two chosen parameters that holds the whole path
// with a margin, its edges on round values so the map does not shift with every new point.
import type { Params, ScheduleStep } from '../../../../engine/types'
import { scheduleLr } from '../../../../shared/kinds'
import type { Snapshot } from '../../../../shared/api'
import { fromWireParams } from '../../../../shared/wire'
import type { Point } from '../../lib/components/landscape/overlay'

export interface Frame {
  x: { lo: number; hi: number }
  y: { lo: number; hi: number }
}

/** The interval holding `values` (finite ones) with a margin, at least `minSpan` wide, snapped out to round values. */
export function around(values: number[], minSpan: number): { lo: number; hi: number } {
  const finite = values.filter(Number.isFinite)
  let lo = finite.length ? Math.min(...finite) : 0
  let hi = finite.length ? Math.max(...finite) : 0
  const margin = Math.max((hi - lo) * 0.25, (minSpan - (hi - lo)) / 2, 0)
  lo -= margin
  hi += margin
  const p = 10 ** Math.floor(Math.log10(hi - lo)) / 2
  return { lo: Math.floor(lo / p) * p, hi: Math.ceil(hi / p) * p }
}

export const frameOf = (points: Point[], minSpan = 2): Frame => ({
  x: around(
    points.map((p) => p.x),
    minSpan
  ),
  y: around(
    points.map((p) => p.y),
    minSpan
  )
})

/**
 * The parameters of the snapshots before the current one, oldest first: the path that led here,
 * at most `max` of them evenly spaced (the first always), which is all a 240-pixel map can show.
 */
export function pathBefore(history: Snapshot[], current: Snapshot | null, max = 300): Params[] {
  const before = history.filter((s) => current && s.step < current.step)
  const every = Math.max(1, Math.ceil(before.length / max))
  return before.filter((_, i) => i % every === 0).map((s) => fromWireParams(s.params))
}

/** The learning rate of the schedule's segment that took epoch `step` (1-based; 0 reads as the first). */
export function lrAt(schedule: readonly ScheduleStep[], step: number): number {
  // past the end (a replay's last step) the last segment's rate
  return scheduleLr(schedule, step) ?? schedule[schedule.length - 1]?.lr ?? 0
}
