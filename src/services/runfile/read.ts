// Reading a run file, one line at a time. Every line is checked against what a run of the
// file's configuration can contain (steps within its total, counts it can log, shapes, dates
// that exist and come in order, durations, accuracies, finite losses and parameters, learning
// rates from its schedule, predictions that are probabilities, confusion matrices of the whole
// test set, no key given twice), so a file whose checksum was recomputed after an edit is still
// refused with the reason. The size is checked against the configuration's bound as soon as
// the first line is read, before anything else of it is decoded.
import { createHash } from 'node:crypto'
import type { Params, StepRecord } from '../../engine/types'
import type { RunConfig } from '../../shared/config'
import type { RunStatus } from '../../shared/api'
import { parseRunConfig } from '../../shared/config'
import { HEADER_LIMIT, METRIC_CHUNK, runCounts, runFileBound, snapshotBytes } from '../../shared/run-budget'
import { array, int, num, object, oneOf, optional, str, ValidationError, type Parser } from '../../shared/schema'
import { kindOf, scheduleLr, totalSteps } from '../../shared/kinds'
import type { StoredSnapshot } from '../store/run-store'
import { decodeColumn, gradShapes, paramShapes, unpackParams } from './columns'
import { contentHasher, FORMAT, VERSION } from './format'
import type { LineSource } from './lines'
import { refuse } from './refuse'
import { yielder } from './yielder'
import { isLive, RUN_STATUSES } from '../../shared/status'
import { NAME_MAX, NOTE_MAX, runNote } from '../../shared/limits'

const nullable =
  <T>(p: Parser<T>): Parser<T | null> =>
  (v, f) =>
    v === null ? null : p(v, f)

/**
 * Dates as this program writes them (toISOString), and only ones that exist: Date.parse rolls
 * 2026-02-30 over to March 2, so the date read back must spell the same day and time.
 */
const isoDate: Parser<string> = (v, field) => {
  const allowed = 'a date that exists, like 2026-01-31T12:00:00.000Z'
  const form = typeof v === 'string' ? /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(\.\d{1,3})?Z$/.exec(v) : null
  const t = form ? Date.parse(v as string) : NaN
  if (!form || Number.isNaN(t) || new Date(t).toISOString().slice(0, 19) !== form[1]) throw new ValidationError(field, allowed, v)
  return v as string
}

const parseRun = object({
  id: optional(int(1, Number.MAX_SAFE_INTEGER)),
  name: str({ max: NAME_MAX }),
  note: runNote,
  status: oneOf(...RUN_STATUSES),
  reason: optional(nullable(str({ max: NOTE_MAX }))),
  config: parseRunConfig,
  createdAt: isoDate,
  finishedAt: optional(nullable(isoDate)),
  durationMs: optional(nullable(num({ min: 0, max: 1e13 }))),
  totalSteps: int(0, 10_000_000),
  predictions: optional(nullable(array(num({ min: 0, max: 1 }), { max: 100 })))
})
const parseHeader = object({
  format: oneOf(FORMAT),
  version: int(VERSION, VERSION),
  run: parseRun,
  counts: object({ metrics: int(0, 10_000_000), snapshots: int(0, 10_000_000) })
})
export type RunHeader = ReturnType<typeof parseRun>

/** MNIST's test split (t10k), which every confusion matrix counts in full (engine/mnist/evaluate.ts). */
const MNIST_TEST_IMAGES = 10_000

/**
 * The learning rate the engine logs at `step`: the segment of a schedule (xor2's) that epoch falls
 * in (engine/truthtable.ts), else the configuration's one rate.
 */
function lrAt(config: RunConfig, step: number): number {
  if (!('schedule' in config)) return 'lr' in config ? config.lr : NaN
  return scheduleLr(config.schedule, step) ?? NaN
}

/** A run stops at a non-finite loss (engine-process/runner.ts): it fails there, or its host died before it could say so. */
const endsOnDivergence = (status: RunStatus): boolean => status !== 'done' && status !== 'stopped'

/**
 * The first key an object of this JSON text holds twice, if any. JSON.parse keeps the last of
 * them silently, so a forged line could show one value to a reader and another to this program.
 * `text` has already parsed; strings are skipped whole (base64 holds no quote), so this is one
 * pass over the line.
 */
export function duplicateKey(text: string): string | null {
  const objects: (Set<string> | null)[] = []
  let key = false
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === 0x22) {
      let end = text.indexOf('"', i + 1)
      for (;;) {
        let slashes = 0
        while (text.charCodeAt(end - 1 - slashes) === 0x5c) slashes++
        if (slashes % 2 === 0) break
        end = text.indexOf('"', end + 1)
      }
      const keys = objects[objects.length - 1]
      if (key && keys) {
        const name = JSON.parse(text.slice(i, end + 1)) as string
        if (keys.has(name)) return name
        keys.add(name)
        key = false
      }
      i = end
    } else if (c === 0x7b) {
      objects.push(new Set())
      key = true
    } else if (c === 0x5b) {
      objects.push(null)
      key = false
    } else if (c === 0x7d || c === 0x5d) {
      objects.pop()
    } else if (c === 0x2c) {
      key = objects[objects.length - 1] != null
    }
  }
  return null
}

/** What the second pass does with each checked part; the first pass only checks. */
export interface RunSink {
  begin(run: RunHeader): Promise<void>
  metrics(records: StepRecord[]): Promise<void>
  snapshot(s: StoredSnapshot): Promise<void>
}

export interface ReadResult {
  run: RunHeader
  /** The run's content hash (format.ts), for finding twins. */
  contentHash: string
}

const json = (text: string, n: number): Record<string, unknown> => {
  let v: unknown
  try {
    v = JSON.parse(text)
  } catch (e) {
    return refuse({ id: 'runfile.notJson', params: { line: n, detail: (e as Error).message } })
  }
  if (typeof v !== 'object' || v === null || Array.isArray(v)) refuse(`line ${n} is not a JSON object`)
  const twice = duplicateKey(text)
  if (twice !== null) refuse(`line ${n} gives the key ${JSON.stringify(twice)} twice (each key once)`)
  return v as Record<string, unknown>
}

const check = <T>(parse: () => T, where = ''): T => {
  try {
    return parse()
  } catch (e) {
    if (e instanceof ValidationError) return refuse(where + e.message)
    throw e
  }
}

function readHeader(text: string | undefined, size: number): { run: RunHeader; counts: { metrics: number; snapshots: number } } {
  if (text === undefined) return refuse({ id: 'runfile.empty' })
  if (text.length > HEADER_LIMIT) refuse({ id: 'runfile.notRunFile', params: { detail: `its first line is longer than ${HEADER_LIMIT} characters` } })
  const h = json(text, 1)
  if (h.format !== FORMAT) refuse({ id: 'runfile.notRunFile', params: { detail: `format must be "${FORMAT}"` } })
  if (h.version !== VERSION) refuse({ id: 'runfile.version', params: { version: JSON.stringify(h.version), supported: VERSION } })
  const { run, counts } = check(() => parseHeader(h, ''), 'line 1: ')
  const config = run.config
  const total = totalSteps(config)
  if (run.totalSteps !== total) refuse(`run.totalSteps ${run.totalSteps} does not match its configuration (${total} steps)`)
  const most = runCounts(config)
  if (counts.metrics > most.metrics) refuse(`it claims ${counts.metrics} logged steps; a ${config.kind} run of ${total} steps logs at most ${most.metrics}`)
  if (counts.snapshots > most.paramSnapshots + most.evalSnapshots) {
    refuse(`it claims ${counts.snapshots} snapshots; a ${config.kind} run of these settings keeps at most ${most.paramSnapshots + most.evalSnapshots}`)
  }
  const bound = runFileBound(config)
  if (size > bound) refuse(`it is ${size} bytes, more than a run of its settings can take (${bound} bytes)`)
  const expected = kindOf(config.kind).predictions
  if (run.predictions && run.predictions.length !== expected) {
    refuse(`run.predictions has ${run.predictions.length} values; a ${config.kind} run ends with ${expected}`)
  }
  if (run.finishedAt && Date.parse(run.finishedAt) < Date.parse(run.createdAt)) refuse(`line 1 has run.finishedAt ${run.finishedAt} before run.createdAt ${run.createdAt} (a run ends after it starts)`)
  return { run, counts }
}

/** The checks of one run's data lines, in order; `sink` (second pass) receives what passed. */
class DataChecker {
  private readonly first: number
  private readonly total: number
  private readonly width: 4 | 8
  /** Every logged step, for checking that a snapshot belongs to one. */
  private readonly steps: Float64Array
  private metricCount = 0
  private snapshotCount = 0
  private lastSnapshot = -1
  private stepAt = 0
  /** The step whose loss was not finite: the run's last, or the file is refused. */
  private diverged = -1

  constructor(
    private readonly config: RunConfig,
    private readonly counts: { metrics: number; snapshots: number },
    private readonly status: RunStatus
  ) {
    this.first = kindOf(config.kind).firstStep
    this.total = totalSteps(config)
    this.width = snapshotBytes(config)
    this.steps = new Float64Array(counts.metrics)
  }

  metrics(v: unknown, n: number): StepRecord[] {
    if (this.snapshotCount > 0) refuse(`line ${n} has metrics after snapshots (metrics come first)`)
    const text = str({ max: 1e7 })
    // testLoss came after the first files of this version: a file without it has none
    const m = check(() => object({ step: text, loss: text, lr: text, trainAcc: text, testAcc: text, testLoss: optional(text) })(v, `line ${n} metrics`))
    const col = (k: keyof typeof m): Float64Array => decodeColumn(m[k], 8, `line ${n} metrics.${k}`)
    const step = col('step')
    const cols = {
      loss: col('loss'),
      lr: col('lr'),
      trainAcc: col('trainAcc'),
      testAcc: col('testAcc'),
      testLoss: m.testLoss === undefined ? new Float64Array(step.length).fill(NaN) : col('testLoss')
    }
    if (step.length === 0 || step.length > METRIC_CHUNK) refuse(`line ${n} has ${step.length} steps (1 to ${METRIC_CHUNK} per line)`)
    for (const [k, c] of Object.entries(cols)) if (c.length !== step.length) refuse(`line ${n} has ${c.length} ${k} values for ${step.length} steps`)
    if (this.metricCount + step.length > this.counts.metrics) refuse(`it has more logged steps than the ${this.counts.metrics} its first line says`)
    const records: StepRecord[] = []
    for (let i = 0; i < step.length; i++) {
      const s = step[i]
      const prev = this.metricCount > 0 ? this.steps[this.metricCount - 1] : this.first - 1
      if (!Number.isInteger(s) || s < this.first || s > this.total) refuse(`line ${n} has step ${s}; this run's steps are ${this.first} to ${this.total}`)
      if (s <= prev) refuse(`its metric steps are out of order (${prev} then ${s})`)
      const acc = (a: number, what: string): number | undefined => {
        if (Number.isNaN(a)) return undefined
        if (!(a >= 0 && a <= 1)) refuse(`line ${n} has ${what} ${a} at step ${s} (an accuracy is from 0 to 1)`)
        return a
      }
      const lr = cols.lr[i]
      if (!Number.isNaN(lr) && lr !== lrAt(this.config, s)) {
        refuse(`line ${n} has learning rate ${lr} at step ${s}; its configuration trains step ${s} with ${lrAt(this.config, s)}`)
      }
      const loss = cols.loss[i]
      if (!Number.isFinite(loss)) {
        const last = this.metricCount === this.counts.metrics - 1
        if (!last || !endsOnDivergence(this.status)) {
          refuse(`line ${n} has loss ${loss} at step ${s} (a loss is a finite number; only a failed run's last step may hold NaN or Infinity)`)
        }
        this.diverged = s
      } else if (loss < 0) refuse(`line ${n} has loss ${loss} at step ${s} (a loss is never negative)`)
      const testLoss = cols.testLoss[i]
      if (testLoss < 0 || testLoss === Infinity) refuse(`line ${n} has test loss ${testLoss} at step ${s} (a loss is a finite number, never negative)`)
      records.push({
        step: s,
        loss: cols.loss[i],
        lr: Number.isNaN(lr) ? undefined : lr,
        trainAcc: acc(cols.trainAcc[i], 'train accuracy'),
        testAcc: acc(cols.testAcc[i], 'test accuracy'),
        ...(Number.isNaN(testLoss) ? {} : { testLoss })
      })
      this.steps[this.metricCount++] = s
    }
    return records
  }

  snapshot(v: unknown, n: number): StoredSnapshot {
    const text = optional(str({ max: 1e8 }))
    const s = check(() => object({ step: int(0, 10_000_000), params: text, grads: text, confusion: text })(v, `line ${n} snapshot`))
    if (s.step <= this.lastSnapshot) refuse(`its snapshot steps are out of order (${this.lastSnapshot} then ${s.step})`)
    while (this.stepAt < this.metricCount && this.steps[this.stepAt] < s.step) this.stepAt++
    if (this.steps[this.stepAt] !== s.step || this.stepAt >= this.metricCount) refuse(`line ${n} is a snapshot at step ${s.step}, which has no logged metrics`)
    if (++this.snapshotCount > this.counts.snapshots) refuse(`it has more snapshots than the ${this.counts.snapshots} its first line says`)
    this.lastSnapshot = s.step
    const kind = this.config.kind
    const field = `line ${n} snapshot`
    if (s.params === undefined && s.confusion === undefined) refuse(`${field} at step ${s.step} has neither parameters nor a confusion matrix`)
    const grads = gradShapes(this.config)
    if (s.grads !== undefined && (s.params === undefined || grads.length === 0)) refuse(`${field} has gradients, which a ${kind} snapshot ${grads.length ? 'carries only with its parameters' : 'never has'}`)
    let confusion: number[] | undefined
    if (s.confusion !== undefined) {
      if (!kindOf(kind).confusion) refuse(`${field} has a confusion matrix, which a ${kind} run never has`)
      confusion = Array.from(decodeColumn(s.confusion, this.width, `${field}.confusion`))
      if (confusion.length !== 100 || confusion.some((c) => !Number.isInteger(c) || c < 0)) refuse(`${field}.confusion must be 10x10 counts`)
      const sum = confusion.reduce((a, b) => a + b, 0)
      if (sum !== MNIST_TEST_IMAGES) refuse(`${field}.confusion at step ${s.step} counts ${sum} images; it counts the whole test set of ${MNIST_TEST_IMAGES}`)
    }
    const unpack = (text: string | undefined, shapes: typeof grads, what: string): Params | undefined => {
      if (text === undefined) return undefined
      const values = decodeColumn(text, this.width, `${field}.${what}`)
      // the step a run diverged at may hold what overflowed; every other is finite. A kind computed
      // in one go stores results, not weights: an undefined derivative there is NaN, as computed
      if (s.step !== this.diverged && kindOf(kind).run === 'step') {
        const bad = values.findIndex((x) => !Number.isFinite(x))
        if (bad >= 0) refuse(`${field}.${what} at step ${s.step} holds ${values[bad]} (number ${bad + 1}); parameters and gradients are finite`)
      }
      return unpackParams(values, shapes, `${field}.${what}`, kind)
    }
    return { step: s.step, params: unpack(s.params, paramShapes(this.config), 'params'), grads: unpack(s.grads, grads, 'grads'), confusion }
  }

  finish(): void {
    if (this.metricCount !== this.counts.metrics) refuse(`it has ${this.metricCount} logged steps; its first line says ${this.counts.metrics}`)
    if (this.snapshotCount !== this.counts.snapshots) refuse(`it has ${this.snapshotCount} snapshots; its first line says ${this.counts.snapshots}`)
  }
}

/**
 * Reads and checks a whole file; with a sink, hands it each checked part as it goes. `size` is
 * the file's length, checked against its configuration's bound before the data is read.
 */
export async function readRunFile(source: LineSource, size: number, sink?: RunSink): Promise<ReadResult> {
  const turn = yielder()
  const fileHash = createHash('sha256')
  let header: { run: RunHeader; counts: { metrics: number; snapshots: number } } | null = null
  let data: DataChecker | null = null
  let content: ReturnType<typeof contentHasher> | null = null
  let sealed = false
  let n = 0
  for await (const text of source()) {
    await turn()
    n++
    if (sealed) refuse(`line ${n} comes after its checksum line`)
    if (!header) {
      header = readHeader(text, size)
      fileHash.update(text + '\n')
      data = new DataChecker(header.run.config, header.counts, header.run.status)
      content = contentHasher(header.run)
      await sink?.begin(header.run)
      continue
    }
    const line = json(text, n)
    const [key, ...more] = Object.keys(line)
    if (more.length) refuse(`line ${n} has more than one part (${Object.keys(line).join(', ')})`)
    if (key === 'sha256') {
      if (line.sha256 !== fileHash.digest('hex')) refuse({ id: 'runfile.checksum' })
      sealed = true
      continue
    }
    fileHash.update(text + '\n')
    content!.update(text + '\n')
    if (key === 'metrics') {
      const records = data!.metrics(line.metrics, n)
      await sink?.metrics(records)
    } else if (key === 'snapshot') {
      const s = data!.snapshot(line.snapshot, n)
      await sink?.snapshot(s)
    } else refuse(`line ${n} is ${JSON.stringify(key ?? '{}')}, not metrics, a snapshot or the checksum`)
  }
  if (!header) return refuse({ id: 'runfile.empty' })
  if (!sealed) refuse('it ends before its checksum line: it may be truncated')
  data!.finish()
  return { run: header.run, contentHash: content!.digest('hex') }
}

/** A run exported while training is no longer training anywhere: it ends where the file ends. */
export function importedStatus(run: RunHeader): { status: RunStatus; reason: string | null } {
  if (isLive(run.status)) return { status: 'interrupted', reason: 'It was exported while still training; it ends where the file ends.' }
  return { status: run.status, reason: run.reason ?? null }
}
