// How big a run may get. Every run is kept in the database and can be exported as a run file
// and imported elsewhere, so one limit serves all three: a configuration is accepted only when
// an upper bound of its run file, computed from the configuration alone, is within
// RUN_FILE_LIMIT. That bound also bounds what the run writes to disk (the database keeps the
// same numbers, without base64's third), so no allowed setting can fill a disk, and the
// browser host's message limit and the import limit follow from it.
import { kindOf, mnistQuickStart, totalSteps, type AnyKind, type MnistConfig, type RunConfig, type RunCounts } from './kinds'
import { METRIC_COLUMNS } from './metrics'
import { ValidationError } from './schema'

/** The largest run file, in bytes: 128 MiB. */
export const RUN_FILE_LIMIT = 128 * 1024 * 1024

/** A run file's first line (name, note, reason, configuration) is at most this long. */
export const HEADER_LIMIT = 256 * 1024

/** Metric steps per line of a run file. */
export const METRIC_CHUNK = 10_000

/**
 * The largest WebSocket message: a run file sent for import. A run file's bound below already
 * counts its text as it travels inside a JSON string (quotes and backslashes escaped), so the
 * envelope `{"id":…,"channel":"import:runFile","payload":{"content":…,"filename":…}}` is all
 * that is added.
 */
export const MAX_MESSAGE_BYTES = RUN_FILE_LIMIT + 4 * 1024

/** Keys, quotes (doubled when escaped), numbers and the newline of one line, beyond its base64. */
const LINE_OVERHEAD = 256
/** The last line: the file's sha256. */
const TRAILER = 256

const base64 = (bytes: number): number => 4 * Math.ceil(bytes / 3)

type Config = RunConfig

const numbers = (shapes: readonly (readonly [string, number, number])[]): number => shapes.reduce((n, [, r, c]) => n + r * c, 0)

/** Numbers in one parameter snapshot and in its gradients. */
export function snapshotSize(config: Config): { params: number; grads: number } {
  const kind = kindOf(config.kind)
  const params = numbers(kind.params(config))
  return { params, grads: kind.grads ? params : 0 }
}

/** Bytes per stored number in snapshots (the kind's precision; metrics are always float64). */
export const snapshotBytes = (config: Config): 4 | 8 => kindOf(config.kind).precision

/** Upper bounds of a run's logged steps and of its snapshot lines (params, confusion). */
export const runCounts = (config: Config): RunCounts => kindOf(config.kind).counts(config)

/** Numbers in a confusion matrix (MNIST's ten digits). */
const CONFUSION = 100

/** The longest snapshot line: parameters, gradients, and (MNIST) the confusion matrix of the same step. */
function snapshotLine(config: Config): number {
  const size = snapshotSize(config)
  const width = snapshotBytes(config)
  return LINE_OVERHEAD + base64(width * size.params) + base64(width * size.grads) + (kindOf(config.kind).confusion ? base64(width * CONFUSION) : 0)
}

/** An upper bound, in bytes, of this configuration's run file (as sent in a message, escaped). */
export function runFileBound(config: Config): number {
  const counts = runCounts(config)
  const width = snapshotBytes(config)
  const metricLines = Math.ceil(counts.metrics / METRIC_CHUNK)
  const metrics = metricLines * LINE_OVERHEAD + METRIC_COLUMNS.length * (base64(8 * counts.metrics) + metricLines * 4)
  const evalLine = LINE_OVERHEAD + base64(width * CONFUSION)
  return HEADER_LIMIT + metrics + counts.paramSnapshots * snapshotLine(config) + counts.evalSnapshots * evalLine + TRAILER
}

/**
 * The longest line any allowed run's file has: its header, a chunk of metrics, or a snapshot of
 * the largest MNIST network (hidden 512, float32). A reader holds at most one line.
 */
const largestMnist: MnistConfig = { ...mnistQuickStart, hidden: 512 }
export const MAX_LINE_BYTES = Math.max(HEADER_LIMIT, LINE_OVERHEAD + METRIC_COLUMNS.length * base64(8 * METRIC_CHUNK), snapshotLine(largestMnist))

const mb = (bytes: number): string =>
  bytes >= 2 ** 30 ? `${(bytes / 2 ** 30).toFixed(1)} GB` : `${(bytes / 2 ** 20).toFixed(1)} MB`

/** The smallest value of `key` from its current one up to `max` whose run fits, or null. */
function smallestFitting<C extends Config>(config: C, key: keyof C & string, max: number): number | null {
  let lo = config[key] as number
  let hi = max
  if (runFileBound({ ...config, [key]: hi }) > RUN_FILE_LIMIT) return null
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2)
    if (runFileBound({ ...config, [key]: mid }) <= RUN_FILE_LIMIT) hi = mid
    else lo = mid + 1
  }
  return lo
}

/**
 * Refuses a configuration whose run could outgrow RUN_FILE_LIMIT, naming the setting to raise
 * and the smallest value that fits.
 */
export function checkRunBudget<C extends Config>(config: C, field: string): C {
  const bound = runFileBound(config)
  if (bound <= RUN_FILE_LIMIT) return config
  const total = totalSteps(config)
  const knobs = (kindOf(config.kind) as AnyKind).budgetKnobs as (keyof C & string)[]
  const at = (key: string): string => (field ? `${field}.${key}` : key)
  const why = `these settings could make a run of ${mb(bound)}; a run keeps at most ${mb(RUN_FILE_LIMIT)} so that it fits in a run file`
  for (const key of knobs) {
    // evalEvery 0 means never: there is nothing to raise then
    if ((config[key] as number) === 0) continue
    const fits = smallestFitting(config, key, total)
    if (fits !== null) {
      throw new ValidationError(at(key), `at least ${fits}`, config[key], `${at(key)} ${String(config[key])} is too small: ${why}. Set it to at least ${fits}.`)
    }
  }
  throw new ValidationError(field, 'a smaller run', undefined, `${field || 'the configuration'}: ${why}. Train fewer steps.`)
}
