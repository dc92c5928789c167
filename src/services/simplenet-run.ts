// A run computed in one go (its descriptor's `run: 'computed'`, like SimpleNet's) is stored
// whole, the same from the app and from `lab simplenet`.
import { computeRun, type ComputedRun } from '../engine'
import type { RunConfig } from '../shared/config'
import { totalSteps } from '../shared/kinds'
import type { RunStore } from './store/run-store'

/**
 * Computes and stores the run in one transaction, so it is there whole (done) or not at all;
 * nothing trains long enough to own it.
 */
export function storeComputedRun(store: RunStore, config: RunConfig, name?: string): ComputedRun & { runId: number } {
  const { records, predictions } = computeRun(config)
  const runId = store.db.transaction(() => {
    const id = store.createRun({ config, name, totalSteps: totalSteps(config), status: 'done' })
    store.append(id, records)
    store.finish(id, 'done', null, predictions)
    return id
  })()
  return { runId, records, predictions }
}
