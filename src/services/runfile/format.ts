// The run file, version 2: JSON lines, so that it is written and read one line at a time.
//   1. {"format":"gradient-lab-run","version":2,"run":{name, note, status, …, config},"counts":{"metrics":M,"snapshots":S}}
//   2. {"metrics":{"step":…,"loss":…,"lr":…,"trainAcc":…,"testAcc":…}}   up to METRIC_CHUNK steps each, base64 float64
//   3. {"snapshot":{"step":N,"params":…,"grads":…,"confusion":…}}         one per stored snapshot, in step order
//   4. {"sha256":"…"}                                                      of every byte before this line
// The checksum is integrity (a truncated or damaged file), not authenticity: every line is
// also checked for what a run of its configuration can contain.
import { createHash, type Hash } from 'node:crypto'
import type { RunConfig } from '../../shared/config'

export const FORMAT = 'gradient-lab-run'
export const VERSION = 2
export const EXTENSION = '.glrun'

/**
 * The same run's content, wherever it is stored: its configuration, start and data lines.
 * Name, note and status can be edited and are not part of it. Imports compare it to find twins.
 */
export function contentHasher(config: RunConfig, createdAt: string, totalSteps: number): Hash {
  return createHash('sha256').update(JSON.stringify({ config, createdAt, totalSteps }) + '\n')
}
