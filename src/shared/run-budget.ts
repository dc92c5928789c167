// How big a run may get. Every run is kept in the database and can be exported as a run file
// and imported elsewhere, so one limit serves all three: a configuration is accepted only when
// an upper bound of its run file, computed from the configuration alone, is within
// RUN_FILE_LIMIT. That bound also bounds what the run writes to disk (the database keeps the
// same numbers, without base64's third), so no allowed setting can fill a disk, and the
// browser host's message limit and the import limit follow from it.
import type { RunConfig } from './config'
import { ValidationError } from './schema'
import { totalSteps } from './total-steps'

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

/** Parameters of the 784-H-10 MNIST network. */
const mnistParams = (hidden: number): number => 784 * hidden + hidden + hidden * 10 + 10

/** Numbers in one parameter snapshot and in its gradients, by kind. */
export function snapshotSize(config: RunConfig): { params: number; grads: number } {
  switch (config.kind) {
    case 'simplenet':
      return { params: 6, grads: 6 }
    case 'gate':
      return { params: 3, grads: 3 }
    case 'xor2':
      return { params: 7, grads: 7 }
    case 'mnist':
      return { params: mnistParams(config.hidden), grads: 0 }
  }
}

/** Bytes per stored number in snapshots: MNIST keeps float32, the small models float64. */
export const snapshotBytes = (config: RunConfig): 4 | 8 => (config.kind === 'mnist' ? 4 : 8)

/** Upper bounds of a run's logged steps and of its snapshot lines (params, confusion). */
export function runCounts(config: RunConfig): { metrics: number; paramSnapshots: number; evalSnapshots: number } {
  const total = totalSteps(config)
  switch (config.kind) {
    case 'simplenet':
      return { metrics: total + 1, paramSnapshots: 2, evalSnapshots: 0 }
    case 'gate':
    case 'xor2': {
      // every K-th epoch, the last one and a diverged one; each carries parameters
      const logged = Math.min(total, Math.floor(total / config.logEvery) + 2)
      return { metrics: logged, paramSnapshots: logged, evalSnapshots: 0 }
    }
    case 'mnist':
      // every iteration is logged; snapshots every K and at the last; evaluations every K and at the last
      return {
        metrics: total,
        paramSnapshots: Math.min(total, Math.floor(total / config.snapshotEvery) + 1),
        evalSnapshots: Math.min(
          total,
          // the book's schedule: after iteration 1 and every 60000/B (src/engine/mnist/schedule.ts), at most this many
          config.evalSchedule === 'book'
            ? Math.floor((total - 1) / Math.max(MNIST_TRAIN_IMAGES / config.batch, 1)) + 2
            : config.evalEvery > 0 ? Math.floor(total / config.evalEvery) + 1 : 1
        )
      }
  }
}

/** MNIST's training split. */
const MNIST_TRAIN_IMAGES = 60000

/** Numbers in a confusion matrix (MNIST's ten digits). */
const CONFUSION = 100

/** The longest snapshot line: parameters, gradients, and (MNIST) the confusion matrix of the same step. */
function snapshotLine(config: RunConfig): number {
  const size = snapshotSize(config)
  const width = snapshotBytes(config)
  return LINE_OVERHEAD + base64(width * size.params) + base64(width * size.grads) + (config.kind === 'mnist' ? base64(width * CONFUSION) : 0)
}

/** An upper bound, in bytes, of this configuration's run file (as sent in a message, escaped). */
export function runFileBound(config: RunConfig): number {
  const counts = runCounts(config)
  const width = snapshotBytes(config)
  const metricLines = Math.ceil(counts.metrics / METRIC_CHUNK)
  // five float64 columns: step, loss, lr, trainAcc, testAcc
  const metrics = metricLines * LINE_OVERHEAD + 5 * base64(8 * counts.metrics) + metricLines * 5 * 4
  const evalLine = LINE_OVERHEAD + base64(width * CONFUSION)
  return HEADER_LIMIT + metrics + counts.paramSnapshots * snapshotLine(config) + counts.evalSnapshots * evalLine + TRAILER
}

/**
 * The longest line any allowed run's file has: its header, a chunk of metrics, or a snapshot of
 * the largest MNIST network (hidden 512, float32). A reader holds at most one line.
 */
export const MAX_LINE_BYTES = Math.max(
  HEADER_LIMIT,
  LINE_OVERHEAD + 5 * base64(8 * METRIC_CHUNK),
  snapshotLine({ kind: 'mnist', seed: 0, hidden: 512, batch: 1, iterations: 1, lr: 1, gradient: 'backprop', formulation: 'standard', h: 1e-4, evalEvery: 0, snapshotEvery: 1 })
)

const mb = (bytes: number): string =>
  bytes >= 2 ** 30 ? `${(bytes / 2 ** 30).toFixed(1)} GB` : `${(bytes / 2 ** 20).toFixed(1)} MB`

/** The smallest value of `key` from its current one up to `max` whose run fits, or null. */
function smallestFitting<C extends RunConfig>(config: C, key: keyof C & string, max: number): number | null {
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
export function checkRunBudget<C extends RunConfig>(config: C, field: string): C {
  const bound = runFileBound(config)
  if (bound <= RUN_FILE_LIMIT) return config
  const total = totalSteps(config)
  const knobs: (keyof C & string)[] =
    config.kind === 'mnist' ? (['snapshotEvery', 'evalEvery'] as (keyof C & string)[]) : config.kind === 'simplenet' ? [] : (['logEvery'] as (keyof C & string)[])
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
