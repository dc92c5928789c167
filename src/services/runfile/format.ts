// The run file, version 2: JSON lines, so that it is written and read one line at a time.
//   1. {"format":"gradient-lab-run","version":2,"run":{name, note, status, …, config},"counts":{"metrics":M,"snapshots":S}}
//   2. {"metrics":{"step":…,"loss":…,"lr":…,"trainAcc":…,"testAcc":…,"testLoss":…}}   up to METRIC_CHUNK steps each, base64 float64 (testLoss: the playground's; absent in older files)
//   3. {"snapshot":{"step":N,"params":…,"grads":…,"confusion":…}}         one per stored snapshot, in step order
//   4. {"sha256":"…"}                                                      of every byte before this line
// The checksum is integrity (a truncated or damaged file), not authenticity: every line is
// also checked for what a run of its configuration can contain.
import { createHash, type Hash } from 'node:crypto'
import type { RunConfig } from '../../shared/config'

export const FORMAT = 'gradient-lab-run'
export const VERSION = 2
export const EXTENSION = '.glrun'

/** What a run is, besides its data lines: everything in its header but the labels a user edits. */
export interface RunContent {
  config: RunConfig
  createdAt: string
  totalSteps: number
  status: string
  reason?: string | null
  finishedAt?: string | null
  durationMs?: number | null
  predictions?: number[] | null
}

/**
 * The same run's content, wherever it is stored: its whole header but name, note and id, then
 * its data lines. Imports compare it to find twins, so two files that differ in anything a run
 * is (predictions, finishedAt, a step) are two runs; a run renamed or annotated is still the same
 * run (name and note are the user's labels, and the id is where it was stored).
 */
export function contentHasher(run: RunContent): Hash {
  const { config, createdAt, totalSteps, status } = run
  const rest = { reason: run.reason ?? null, finishedAt: run.finishedAt ?? null, durationMs: run.durationMs ?? null, predictions: run.predictions ?? null }
  return createHash('sha256').update(JSON.stringify({ config, createdAt, totalSteps, status, ...rest }) + '\n')
}
