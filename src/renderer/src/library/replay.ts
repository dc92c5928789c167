// Replay's data side: metrics and weight history cut at a step, and stored snapshots fetched once and kept (a few).
import type { LabApi, Metrics, Snapshot } from '../../../shared/api'
import { metricsSlice } from '../../../shared/metrics'

/** Index of the last item whose key is <= target, keys ascending; -1 when every key is larger. */
function indexAtOrBefore<T>(sorted: T[], target: number, key: (item: T) => number): number {
  let lo = 0
  let hi = sorted.length - 1
  let found = -1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    if (key(sorted[mid]) <= target) {
      found = mid
      lo = mid + 1
    } else hi = mid - 1
  }
  return found
}

/** The run as it stood after record `index`: what the charts of a live run showed at that moment. */
export const metricsUpTo = (m: Metrics, index: number): Metrics => metricsSlice(m, index + 1)

/** The history as it stood at `step`: no weights from the future. */
export function historyUpTo(history: Snapshot[], step: number): Snapshot[] {
  return history.slice(0, indexAtOrBefore(history, step, (s) => s.step) + 1)
}

/**
 * Snapshots by their own step. Scrubbing back and forth asks for the same few again, so keep
 * the most recent ones (an MNIST snapshot is ~50k numbers: keep the cache small).
 */
function snapshotCache(api: LabApi, runId: number, snapshotSteps: number[], keep = 32) {
  const cache = new Map<number, Promise<Snapshot | null>>()
  return (step: number): Promise<Snapshot | null> => {
    const i = indexAtOrBefore(snapshotSteps, step, (s) => s)
    if (i < 0) return Promise.resolve(null)
    const at = snapshotSteps[i]
    let hit = cache.get(at)
    if (hit) cache.delete(at)
    else {
      hit = api.invoke('runs:snapshot', { runId, step: at })
      hit.catch(() => cache.delete(at))
    }
    cache.set(at, hit)
    if (cache.size > keep) cache.delete(cache.keys().next().value as number)
    return hit
  }
}

export interface SnapshotFollower {
  /** The step the views are at now; the snapshot for it arrives through `show`. */
  want(step: number): void
  stop(): void
}

/**
 * Keeps the shown snapshot following the step with one request in flight at a time: while
 * playback outruns the host, each answer that is still at or before the current step is shown
 * (the views never show weights from the future), then the latest step is asked for.
 */
export function snapshotFollower(
  api: LabApi,
  runId: number,
  snapshotSteps: number[],
  show: (s: Snapshot | null) => void,
  fail: (err: unknown) => void
): SnapshotFollower {
  const lookup = snapshotCache(api, runId, snapshotSteps)
  let wanted = -1
  let busy = false
  let stopped = false
  async function pump(): Promise<void> {
    busy = true
    try {
      for (;;) {
        const target = wanted
        const s = await lookup(target)
        if (stopped) return
        if (target === wanted) return show(s)
        if (s && s.step <= wanted) show(s)
      }
    } catch (err) {
      if (!stopped) fail(err)
    } finally {
      busy = false
    }
  }
  return {
    want(step) {
      wanted = step
      if (!busy) void pump()
    },
    stop() {
      stopped = true
    }
  }
}
