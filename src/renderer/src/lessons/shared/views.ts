// The props every lesson's Views take — the live lesson and the runs library's replay both render
// them, so the contract stays stable (Replay passes stored data):
//   config:       the run's config
//   metrics:      Metrics (columns; may be cut at the replayed step)
//   snapshot:     Snapshot | null — the parameters (and gradients) at snapshot.step
//   predictions?: number[] | null — final outputs for the 4 rows, used when there is no snapshot
//   step?:        number — the replayed step, shown in headings (omit when live)
//   history?:     Snapshot[] — earlier snapshots, for the weights-over-epochs chart
import type { Metrics, Snapshot } from '../../../../shared/api'

export interface ViewsProps<C> {
  config: C
  metrics: Metrics
  snapshot: Snapshot | null
  predictions?: number[] | null
  step?: number
  history?: Snapshot[]
}
