// What a notebook is built from: the run as the lab stored it (configuration, logged steps and
// their values, the last parameter snapshot).
import type { Params } from '../../engine/types'
import type { Metrics, RunDetail } from '../../shared/api'
import { ApiFailure, noSuchRun } from '../errors'
import type { RunStore } from '../store/run-store'

export interface StoredRun {
  run: RunDetail
  metrics: Metrics
  /** The last stored parameters (and gradients, where the lab keeps them) and their step. */
  final: { step: number; params: Params; grads?: Params } | null
  /** Every logged step's parameters, for kinds whose whole path is compared (descent: two numbers a step). */
  history?: { step: number; params: Params }[]
}

export function readRun(store: RunStore, runId: number): StoredRun {
  const run = store.getRun(runId)
  if (!run) throw noSuchRun(runId)
  const metrics = store.metrics(runId)
  if (metrics.step.length === 0) {
    throw new ApiFailure('invalid', { id: 'notebook.noSteps', params: { id: runId } })
  }
  const last = run.snapshotSteps.at(-1)
  const snap = last === undefined ? null : store.snapshot(runId, last)
  const final = snap?.params ? { step: snap.step, params: snap.params, ...(snap.grads ? { grads: snap.grads } : {}) } : null
  const history = run.kind === 'descent' ? store.paramsHistory(runId, Infinity, Number.MAX_SAFE_INTEGER) : undefined
  return { run, metrics, final, ...(history ? { history } : {}) }
}

/** The last logged step. */
export const lastStep = (s: StoredRun): number => s.metrics.step[s.metrics.step.length - 1]

/**
 * Where the notebook's training stops: a finished run went its whole configured length (its last
 * logged step may come before that); a stopped, interrupted or failed one ends at its last logged step.
 */
export const trainUntil = (s: StoredRun): number => (s.run.status === 'done' ? s.run.totalSteps : lastStep(s))
