// The log pane's lines from a run's snapshots: one at every multiple of `every` that has a
// snapshot, with the loss of that step from the metrics.
import type { Metrics, Snapshot } from '../../../../shared/api'

export function logLines(history: readonly Snapshot[], metrics: Metrics, every: number, line: (s: Snapshot, loss: number) => string): string[] {
  const due = history.filter((s) => s.step % every === 0)
  if (!due.length) return []
  const loss = new Map<number, number>()
  for (let i = 0; i < metrics.step.length; i++) if (metrics.step[i] % every === 0) loss.set(metrics.step[i], metrics.loss[i])
  return due.flatMap((s) => (loss.has(s.step) ? [line(s, loss.get(s.step)!)] : []))
}
