// A saved run as a lesson shows it: its detail, every stored metric, its last parameter snapshot
// (weights, gradients, confusion matrix) and, for the small models, the weights over the run.
import type { RunKind } from '../../../../shared/config'
import type { LabApi, Metrics, RunDetail, Snapshot } from '../../../../shared/api'
import { lessonRun } from './remembered'

export interface SavedRun {
  run: RunDetail
  metrics: Metrics
  snapshot: Snapshot | null
  history: Snapshot[]
}

export async function loadSavedRun(api: LabApi, runId: number, withHistory: boolean): Promise<SavedRun> {
  const run = await api.invoke('runs:get', { runId })
  const last = run.snapshotSteps.at(-1)
  const [metrics, snapshot, history] = await Promise.all([
    api.invoke('runs:metrics', { runId }),
    last === undefined ? null : api.invoke('runs:snapshot', { runId, step: last }),
    withHistory ? api.invoke('runs:history', { runId, upTo: undefined }) : []
  ])
  return { run, metrics, snapshot, history }
}

/**
 * The run a lesson shows when it opens: the one remembered for it while it still exists, else
 * the newest of its kind; null after Reset or when there is none.
 */
export async function lessonRunId(api: LabApi, kind: RunKind): Promise<number | null> {
  const chosen = lessonRun(kind)
  if (chosen === 'none') return null
  if (chosen !== 'latest') {
    const still = await api.invoke('runs:get', { runId: chosen.runId }).then(
      () => true,
      () => false // deleted from the library since: fall back to the newest
    )
    if (still) return chosen.runId
  }
  const [newest] = await api.invoke('runs:list', { kind })
  return newest?.id ?? null
}
