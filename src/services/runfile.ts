// Run files: one run with everything (metrics, snapshots, predictions) as JSON that another
// installation can import. The sha256 covers the run, so a truncated or edited file is
// refused with the reason, and an import is one transaction: all of it or nothing.
import { createHash } from 'node:crypto'
import type { Params } from '../engine/types'
import type { RunConfig } from '../shared/config'
import type { ExportFile, RunStatus, WireParams } from '../shared/api'
import { parseRunConfig } from '../shared/config'
import { array, int, num, object, oneOf, optional, str, ValidationError, type Parser } from '../shared/schema'
import { isLive, RUN_STATUSES } from '../shared/status'
import { fromWireParams, toWireParams } from '../shared/wire'
import { ApiFailure } from './errors'
import { totalSteps } from '../shared/total-steps'
import type { RunStore } from './store/run-store'

const FORMAT = 'gradient-lab-run'
const VERSION = 1

/** NaN cannot be written in JSON: a missing or non-finite metric travels as null. */
const numOrNull: Parser<number | null> = (v, field) => (v === null ? null : num()(v, field))

const wireMatrix = (v: unknown, field: string): WireParams[string] => {
  const m = object({ rows: int(1, 100000), cols: int(1, 100000), data: array(num(), { max: 10_000_000 }) })(v, field)
  if (m.data.length !== m.rows * m.cols) throw new ValidationError(`${field}.data`, `${m.rows * m.cols} numbers (rows x cols)`, m.data)
  return m
}
const wireParams: Parser<WireParams> = (v, field) => {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new ValidationError(field, 'an object of matrices', v)
  return Object.fromEntries(Object.entries(v).map(([k, m]) => [k, wireMatrix(m, `${field}.${k}`)]))
}

const parseRun = object({
  name: str({ max: 200 }),
  note: str({ max: 10000 }),
  status: oneOf(...RUN_STATUSES),
  reason: optional((v, f) => (v === null ? null : str({ max: 10000 })(v, f))),
  config: parseRunConfig,
  createdAt: str({ min: 1, max: 40 }),
  finishedAt: optional((v, f) => (v === null ? null : str({ max: 40 })(v, f))),
  durationMs: optional(numOrNull),
  totalSteps: int(0, 10_000_000),
  predictions: optional((v, f) => (v === null ? null : array(num(), { max: 100 })(v, f))),
  metrics: object({
    step: array(int(0, 10_000_000), { max: 10_000_000 }),
    loss: array(numOrNull, { max: 10_000_000 }),
    lr: array(numOrNull, { max: 10_000_000 }),
    trainAcc: array(numOrNull, { max: 10_000_000 }),
    testAcc: array(numOrNull, { max: 10_000_000 })
  }),
  snapshots: array(
    object({
      step: int(0, 10_000_000),
      params: optional(wireParams),
      grads: optional(wireParams),
      confusion: optional(array(num(), { max: 100 }))
    }),
    { max: 10_000_000 }
  )
})
type RunBody = ReturnType<typeof parseRun>

type Shapes = Record<string, [number, number]>

/** The parameters each kind's engine emits, name -> [rows, cols] (gradients: the same with a d). */
function paramShapes(config: RunConfig): Shapes {
  switch (config.kind) {
    case 'simplenet':
      return { W: [2, 3] }
    case 'gate':
      return { w: [1, 2], b: [1, 1] }
    case 'xor2':
      return { W1: [1, 2], b1: [1, 2], W2: [1, 2], b2: [1, 1] }
    case 'mnist':
      return { W1: [784, config.hidden], b1: [1, config.hidden], W2: [config.hidden, 10], b2: [1, 10] }
  }
}

const gradShapes = (config: RunConfig): Shapes =>
  // MNIST records carry no gradients
  config.kind === 'mnist' ? {} : Object.fromEntries(Object.entries(paramShapes(config)).map(([k, v]) => ['d' + k, v]))

/** Exactly the expected names, each with its shape: a replay or a weight table could not show anything else. */
function checkShapes(p: WireParams, expected: Shapes, field: string, kind: string): void {
  const names = Object.keys(expected)
  for (const name of Object.keys(p)) {
    if (!Object.hasOwn(expected, name)) refuse(`${field}.${name} is not a ${kind} parameter (expected ${names.join(', ') || 'none'})`)
  }
  for (const [name, [rows, cols]] of Object.entries(expected)) {
    const m = p[name]
    if (!m) refuse(`${field} has no ${name} (expected ${names.join(', ')})`)
    else if (m.rows !== rows || m.cols !== cols) refuse(`${field}.${name} is ${m.rows}x${m.cols}; a ${kind} run's ${name} is ${rows}x${cols}`)
  }
}

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex')
const finiteOrNull = (v: number): number | null => (Number.isFinite(v) ? v : null)

export function exportRunFile(store: RunStore, runId: number): ExportFile {
  const run = store.getRun(runId)
  if (!run) throw new ApiFailure('not-found', `there is no run ${runId}`)
  const m = store.metrics(runId)
  const body: RunBody = {
    name: run.name,
    note: run.note,
    status: run.status,
    reason: run.reason,
    config: run.config,
    createdAt: run.createdAt,
    finishedAt: run.finishedAt,
    durationMs: run.durationMs,
    totalSteps: run.totalSteps,
    predictions: run.predictions,
    metrics: {
      step: m.step,
      loss: m.loss.map(finiteOrNull),
      lr: m.lr.map(finiteOrNull),
      trainAcc: m.trainAcc.map(finiteOrNull),
      testAcc: m.testAcc.map(finiteOrNull)
    },
    snapshots: [...store.snapshots(runId)].map((s) => ({
      step: s.step,
      // undefined members vanish in JSON
      params: s.params && toWireParams(s.params),
      grads: s.grads && toWireParams(s.grads),
      confusion: s.confusion
    }))
  }
  const runText = JSON.stringify(body)
  return {
    filename: `run-${runId}.gradient-lab-run.json`,
    mime: 'application/json',
    // the run is spliced in verbatim so that the checksum covers exactly these bytes
    content: `{"format":"${FORMAT}","version":${VERSION},"sha256":"${sha256(runText)}","run":${runText}}`
  }
}

const refuse = (why: string): never => {
  throw new ApiFailure('invalid', `This run file cannot be imported: ${why}. Nothing was changed.`)
}

function increasing(steps: number[], what: string): void {
  for (let i = 1; i < steps.length; i++) {
    if (steps[i] <= steps[i - 1]) refuse(`its ${what} steps are out of order (${steps[i - 1]} then ${steps[i]})`)
  }
}

/** Checks everything first, then writes the run in one transaction; returns the new run id. */
export function importRunFile(store: RunStore, content: string): number {
  let file: unknown
  try {
    file = JSON.parse(content)
  } catch (e) {
    return refuse(`it is not complete JSON (${(e as Error).message}); it may be truncated`)
  }
  const f = file as { format?: unknown; version?: unknown; sha256?: unknown; run?: unknown }
  if (typeof f !== 'object' || f === null || f.format !== FORMAT) refuse(`it is not a Gradient Lab run file (format must be "${FORMAT}")`)
  if (f.version !== VERSION) refuse(`its version ${JSON.stringify(f.version)} is not supported (this version reads ${VERSION})`)
  if (typeof f.sha256 !== 'string' || sha256(JSON.stringify(f.run)) !== f.sha256) {
    refuse('its checksum does not match its content: the file was changed or damaged after export')
  }
  let run: RunBody
  try {
    run = parseRun(f.run, 'run')
  } catch (e) {
    return refuse((e as Error).message)
  }
  const n = run.metrics.step.length
  for (const k of ['loss', 'lr', 'trainAcc', 'testAcc'] as const) {
    if (run.metrics[k].length !== n) refuse(`run.metrics.${k} has ${run.metrics[k].length} values for ${n} steps`)
  }
  increasing(run.metrics.step, 'metric')
  increasing(run.snapshots.map((s) => s.step), 'snapshot')
  if (run.totalSteps !== totalSteps(run.config)) refuse(`run.totalSteps ${run.totalSteps} does not match its configuration`)
  const shapes = paramShapes(run.config)
  const grads = gradShapes(run.config)
  run.snapshots.forEach((s, i) => {
    if (s.params) checkShapes(s.params, shapes, `run.snapshots[${i}].params`, run.config.kind)
    if (s.grads) checkShapes(s.grads, grads, `run.snapshots[${i}].grads`, run.config.kind)
  })

  const NaNify = (v: number | null): number => (v === null ? NaN : v)
  const toParams = (p?: WireParams): Params | undefined => (p ? fromWireParams(p) : undefined)
  // a run exported while training is no longer training anywhere
  const wasLive = isLive(run.status)
  const status: RunStatus = wasLive ? 'interrupted' : run.status
  return store.db.transaction(() => {
    const runId = store.createRun({ config: run.config, name: run.name, totalSteps: run.totalSteps, status })
    store.append(
      runId,
      run.metrics.step.map((step, i) => ({
        step,
        loss: NaNify(run.metrics.loss[i]),
        lr: NaNify(run.metrics.lr[i]),
        trainAcc: NaNify(run.metrics.trainAcc[i]),
        testAcc: NaNify(run.metrics.testAcc[i])
      })),
      run.config.kind === 'mnist'
    )
    store.putSnapshots(
      runId,
      run.snapshots.map((s) => ({ step: s.step, params: toParams(s.params), grads: toParams(s.grads), confusion: s.confusion })),
      run.config.kind === 'mnist'
    )
    store.restoreDetails(runId, {
      note: run.note,
      reason: wasLive ? 'It was exported while still training; it ends where the file ends.' : (run.reason ?? null),
      createdAt: run.createdAt,
      finishedAt: run.finishedAt ?? null,
      durationMs: run.durationMs ?? null,
      predictions: run.predictions ?? null
    })
    return runId
  })()
}
