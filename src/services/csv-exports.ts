// The CSV files the library exports: one run's metrics (standing alone: run id, name,
// configuration and timestamps on every row), the weights at a step, and many runs in long
// format (a row per run and step).
import type { RunConfig } from '../shared/config'
import type { ExportFile, RunDetail } from '../shared/api'
import { RUN_FILE_LIMIT } from '../shared/run-budget'
import { CsvTooLarge, toCsv, type Cell } from './csv'
import { ApiFailure, noSuchRun } from './errors'
import type { RunStore } from './store/run-store'
import { fileNamePart } from '../shared/file-name'
import { METRIC_COLUMNS } from '../shared/metrics'

/** A CSV answered over LabApi is at most as large as the largest run file, which every transport carries. */
const ANSWER_LIMIT = RUN_FILE_LIMIT
/** File > Export All Runs is saved by main itself: up to the longest text V8 can hold (2^29 - 24 characters). */
const ALL_RUNS_LIMIT = 2 ** 29 - 24

/** The CSV, or a refusal naming the limit and what to do (before the text outgrows it). */
function limited(make: (limit: number) => string, limit: number, what: string): string {
  try {
    return make(limit)
  } catch (e) {
    if (!(e instanceof CsvTooLarge)) throw e
    throw new ApiFailure('invalid', { id: 'export.tooLarge', params: { what, limit: Math.floor(limit / 2 ** 20) } })
  }
}

/** The metric columns as CSV names them: trainAcc is train_acc. */
const METRIC_HEADER = METRIC_COLUMNS.map((k) => k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`))

/** Scalar configuration fields become `config.<name>` columns; lists (xor2 schedule, x, t) as compact text. */
function configCells(config: RunConfig): [string, Cell][] {
  return Object.entries(config)
    .filter(([k]) => k !== 'kind')
    .map(([k, v]): [string, Cell] => [`config.${k}`, typeof v === 'object' ? JSON.stringify(v) : (v as Cell)])
}

function needRun(store: RunStore, runId: number): RunDetail {
  const run = store.getRun(runId)
  if (!run) throw noSuchRun(runId)
  return run
}

function* metricRows(store: RunStore, run: RunDetail, configKeys: string[]): Generator<Cell[]> {
  const config = new Map(configCells(run.config))
  const m = store.metrics(run.id)
  for (let i = 0; i < m.step.length; i++) {
    yield [
      run.id,
      run.name,
      run.kind,
      run.status,
      ...METRIC_COLUMNS.map((k) => m[k][i]),
      ...configKeys.map((k) => config.get(k)),
      run.createdAt,
      run.finishedAt
    ]
  }
}

const header = (configKeys: string[]): string[] => [
  'run_id',
  'run_name',
  'kind',
  'status',
  ...METRIC_HEADER,
  ...configKeys,
  'created_at',
  'finished_at'
]

export function runCsv(store: RunStore, runId: number): ExportFile {
  const run = needRun(store, runId)
  const keys = configCells(run.config).map(([k]) => k)
  return {
    filename: `run-${run.id}-${fileNamePart(run.name)}.csv`,
    mime: 'text/csv',
    content: limited((limit) => toCsv(header(keys), metricRows(store, run, keys), limit), ANSWER_LIMIT, `The CSV of run ${run.id}`)
  }
}

/**
 * Many runs in long format under ONE header: the union of the runs' configuration fields, in
 * first-seen order, blank where a kind lacks one. Rows are read one run at a time.
 */
function longCsv(store: RunStore, runs: RunDetail[], filename: string, limit: number): ExportFile {
  const keys = [...new Set(runs.flatMap((r) => configCells(r.config).map(([k]) => k)))]
  const rows = function* (): Generator<Cell[]> {
    for (const run of runs) yield* metricRows(store, run, keys)
  }
  const content = limited((l) => toCsv(header(keys), rows(), l), limit, `The CSV of these ${runs.length} runs`)
  return { filename, mime: 'text/csv', content }
}

export function runsCsv(store: RunStore, runIds: number[]): ExportFile {
  return longCsv(store, runIds.map((id) => needRun(store, id)), `runs-${runIds.join('-').slice(0, 60)}.csv`, ANSWER_LIMIT)
}

/** Every run in the store, oldest first (File > Export All Runs). */
export function allRunsCsv(store: RunStore): ExportFile {
  const ids = store.listRuns().map((r) => r.id).reverse()
  return longCsv(store, ids.map((id) => needRun(store, id)), 'gradient-lab-runs.csv', ALL_RUNS_LIMIT)
}

export function weightsCsv(store: RunStore, runId: number, step: number): ExportFile {
  const run = needRun(store, runId)
  const snap = store.snapshot(runId, step)
  if (!snap?.params) throw new ApiFailure('not-found', { id: 'export.noSnapshot', params: { id: runId, step } })
  const rows: Cell[][] = []
  for (const [name, m] of Object.entries(snap.params)) {
    for (let r = 0; r < m.rows; r++) for (let c = 0; c < m.cols; c++) rows.push([snap.step, name, r, c, m.data[r * m.cols + c]])
  }
  return {
    filename: `run-${run.id}-weights-step-${snap.step}.csv`,
    mime: 'text/csv',
    content: toCsv(['step', 'param', 'row', 'col', 'value'], rows)
  }
}
