// The largest moves of one update, for the explained step of a model too large to list (MNIST).
import type { Params, StepChange } from './types'

/** The `k` parameter entries that moved most from `before` to `after` (same names and shapes). */
export function largestChanges(before: Params, after: Params, k: number): StepChange['largest'] {
  const top: StepChange['largest'] = []
  const size = (e: StepChange['largest'][number]): number => Math.abs(e.after - e.before)
  for (const [param, m] of Object.entries(after)) {
    const was = before[param].data
    for (let i = 0; i < m.data.length; i++) {
      const d = Math.abs(m.data[i] - was[i])
      if (top.length === k && d <= size(top[k - 1])) continue
      top.push({ param, index: i, before: was[i], after: m.data[i] })
      top.sort((a, b) => size(b) - size(a))
      if (top.length > k) top.pop()
    }
  }
  return top
}
