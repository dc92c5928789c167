// Reading a run file, one line at a time. Every line is checked against what a run of the
// file's configuration can contain (steps within its total, counts it can log, shapes, dates,
// durations, accuracies), so a file whose checksum was recomputed after an edit is still
// refused with the reason. The size is checked against the configuration's bound as soon as
// the first line is read, before anything else of it is decoded.
import { createHash } from 'node:crypto'
import type { Params, StepRecord } from '../../engine/types'
import type { RunConfig } from '../../shared/config'
import type { RunStatus } from '../../shared/api'
import { parseRunConfig } from '../../shared/config'
import { HEADER_LIMIT, METRIC_CHUNK, runCounts, runFileBound, snapshotBytes } from '../../shared/run-budget'
import { array, int, num, object, oneOf, optional, str, ValidationError, type Parser } from '../../shared/schema'
import { kindOf, totalSteps } from '../../shared/kinds'
import type { StoredSnapshot } from '../store/run-store'
import { decodeColumn, gradShapes, paramShapes, unpackParams } from './columns'
import { contentHasher, FORMAT, VERSION } from './format'
import type { LineSource } from './lines'
import { refuse } from './refuse'
import { yielder } from './yielder'
import { isLive, RUN_STATUSES } from '../../shared/status'

const nullable =
  <T>(p: Parser<T>): Parser<T | null> =>
  (v, f) =>
    v === null ? null : p(v, f)

/** Dates as this program writes them (toISOString), and only ones that exist. */
const isoDate: Parser<string> = (v, field) => {
  const allowed = 'a date like 2026-01-31T12:00:00.000Z'
  if (typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/.test(v)) throw new ValidationError(field, allowed, v)
  if (Number.isNaN(Date.parse(v))) throw new ValidationError(field, allowed, v)
  return v
}

const parseRun = object({
  id: optional(int(1, Number.MAX_SAFE_INTEGER)),
  name: str({ max: 200 }),
  note: str({ max: 10000 }),
  status: oneOf(...RUN_STATUSES),
  reason: optional(nullable(str({ max: 10000 }))),
  config: parseRunConfig,
  createdAt: isoDate,
  finishedAt: optional(nullable(isoDate)),
  durationMs: optional(nullable(num({ min: 0, max: 1e13 }))),
  totalSteps: int(0, 10_000_000),
  predictions: optional(nullable(array(num(), { max: 100 })))
})
const parseHeader = object({
  format: oneOf(FORMAT),
  version: int(VERSION, VERSION),
  run: parseRun,
  counts: object({ metrics: int(0, 10_000_000), snapshots: int(0, 10_000_000) })
})
export type RunHeader = ReturnType<typeof parseRun>

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
    return refuse(`line ${n} is not JSON (${(e as Error).message}): the file is damaged or truncated`)
  }
  if (typeof v !== 'object' || v === null || Array.isArray(v)) refuse(`line ${n} is not a JSON object`)
  return v as Record<string, unknown>
}

const check = <T>(parse: () => T): T => {
  try {
    return parse()
  } catch (e) {
    if (e instanceof ValidationError) return refuse(e.message)
    throw e
  }
}

function readHeader(text: string | undefined, size: number): { run: RunHeader; counts: { metrics: number; snapshots: number } } {
  if (text === undefined) return refuse('it is empty')
  if (text.length > HEADER_LIMIT) refuse(`it is not a Gradient Lab run file (its first line is longer than ${HEADER_LIMIT} characters)`)
  const h = json(text, 1)
  if (h.format !== FORMAT) refuse(`it is not a Gradient Lab run file (format must be "${FORMAT}")`)
  if (h.version !== VERSION) refuse(`its version ${JSON.stringify(h.version)} is not supported (this version reads ${VERSION})`)
  const { run, counts } = check(() => parseHeader(h, ''))
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

  constructor(
    private readonly config: RunConfig,
    private readonly counts: { metrics: number; snapshots: number }
  ) {
    this.first = kindOf(config.kind).firstStep
    this.total = totalSteps(config)
    this.width = snapshotBytes(config)
    this.steps = new Float64Array(counts.metrics)
  }

  metrics(v: unknown, n: number): StepRecord[] {
    if (this.snapshotCount > 0) refuse(`line ${n} has metrics after snapshots (metrics come first)`)
    const m = check(() => object({ step: str({ max: 1e7 }), loss: str({ max: 1e7 }), lr: str({ max: 1e7 }), trainAcc: str({ max: 1e7 }), testAcc: str({ max: 1e7 }) })(v, `line ${n} metrics`))
    const col = (k: keyof typeof m): Float64Array => decodeColumn(m[k], 8, `line ${n} metrics.${k}`)
    const step = col('step')
    const cols = { loss: col('loss'), lr: col('lr'), trainAcc: col('trainAcc'), testAcc: col('testAcc') }
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
      if (!Number.isNaN(lr) && !(lr > 0 && Number.isFinite(lr))) refuse(`line ${n} has learning rate ${lr} at step ${s}`)
      records.push({ step: s, loss: cols.loss[i], lr: Number.isNaN(lr) ? undefined : lr, trainAcc: acc(cols.trainAcc[i], 'train accuracy'), testAcc: acc(cols.testAcc[i], 'test accuracy') })
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
    }
    const unpack = (text: string | undefined, shapes: typeof grads, what: string): Params | undefined =>
      text === undefined ? undefined : unpackParams(decodeColumn(text, this.width, `${field}.${what}`), shapes, `${field}.${what}`, kind)
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
      data = new DataChecker(header.run.config, header.counts)
      content = contentHasher(header.run.config, header.run.createdAt, header.run.totalSteps)
      await sink?.begin(header.run)
      continue
    }
    const line = json(text, n)
    const [key, ...more] = Object.keys(line)
    if (more.length) refuse(`line ${n} has more than one part (${Object.keys(line).join(', ')})`)
    if (key === 'sha256') {
      if (line.sha256 !== fileHash.digest('hex')) refuse('its checksum does not match its content: the file was changed or damaged after export')
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
  if (!header) return refuse('it is empty')
  if (!sealed) refuse('it ends before its checksum line: it may be truncated')
  data!.finish()
  return { run: header.run, contentHash: content!.digest('hex') }
}

/** A run exported while training is no longer training anywhere: it ends where the file ends. */
export function importedStatus(run: RunHeader): { status: RunStatus; reason: string | null } {
  if (isLive(run.status)) return { status: 'interrupted', reason: 'It was exported while still training; it ends where the file ends.' }
  return { status: run.status, reason: run.reason ?? null }
}
