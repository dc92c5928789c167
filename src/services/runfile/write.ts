// Writing a run file: one line at a time from the database, a page of rows per query (no
// iterator is held open across lines, so the same connection keeps serving training appends).
import { once } from 'node:events'
import { createWriteStream } from 'node:fs'
import { rename, rm } from 'node:fs/promises'
import { createHash } from 'node:crypto'
import type { ExportFile } from '../../shared/api'
import { METRIC_CHUNK, snapshotBytes } from '../../shared/run-budget'
import { METRIC_COLUMNS } from '../../shared/metrics'
import { noSuchRun } from '../errors'
import type { RunStore } from '../store/run-store'
import { partName } from '../atomic-file'
import { encodeColumn, gradShapes, packParams, paramShapes } from './columns'
import { contentHasher, EXTENSION, FORMAT, VERSION } from './format'
import { yielder } from './yielder'

const nan = (v: number | null): number => (v === null ? NaN : v)

/**
 * The file's lines, each ending in a newline. A run still training is written as it stands at
 * the first line: rows appended after that are left out. Returns the run's content hash.
 */
function* runFileLines(store: RunStore, runId: number): Generator<string, string> {
  const run = store.getRun(runId)
  if (!run) throw noSuchRun(runId)
  const { upTo, metrics, snapshots } = store.extent(runId)
  const file = createHash('sha256')
  const content = contentHasher(run)
  const line = (value: object, data = true): string => {
    const text = JSON.stringify(value) + '\n'
    file.update(text)
    if (data) content.update(text)
    return text
  }

  yield line(
    {
      format: FORMAT,
      version: VERSION,
      run: {
        id: run.id,
        name: run.name,
        note: run.note,
        status: run.status,
        reason: run.reason,
        config: run.config,
        createdAt: run.createdAt,
        finishedAt: run.finishedAt,
        durationMs: run.durationMs,
        totalSteps: run.totalSteps,
        predictions: run.predictions
      },
      counts: { metrics, snapshots }
    },
    false
  )

  for (let after = -1; ; ) {
    const rows = store.metricPage(runId, after, upTo, METRIC_CHUNK)
    if (rows.length === 0) break
    // a row holds the columns in METRIC_COLUMNS' order
    yield line({ metrics: Object.fromEntries(METRIC_COLUMNS.map((k, i) => [k, encodeColumn(rows.map((r) => nan(r[i])), 8)])) })
    after = rows[rows.length - 1][0]
  }

  const width = snapshotBytes(run.config)
  const params = paramShapes(run.config)
  const grads = gradShapes(run.config)
  for (let after = -1; ; ) {
    const s = store.snapshotAfter(runId, after, upTo)
    if (!s) break
    yield line({
      snapshot: {
        step: s.step,
        // absent parts vanish in JSON
        params: s.params && encodeColumn(packParams(s.params, params), width),
        grads: s.grads && grads.length ? encodeColumn(packParams(s.grads, grads), width) : undefined,
        confusion: s.confusion && encodeColumn(s.confusion, width)
      }
    })
    after = s.step
  }
  // the checksum line covers every byte before it, and is not itself hashed
  yield JSON.stringify({ sha256: file.digest('hex') }) + '\n'
  return content.digest('hex')
}

const fileName = (runId: number): string => `run-${runId}${EXTENSION}`

/**
 * Remembers a finished run's content hash, so that importing its file here finds it at once.
 * Only a help: a read-only database exports all the same.
 */
function remember(store: RunStore, runId: number, hash: string): void {
  if (!store.readOnly) store.rememberHash(runId, hash)
}

/** The whole file as text, for IPC and the WebSocket (at most RUN_FILE_LIMIT: run-budget.ts). */
export async function exportRunFile(store: RunStore, runId: number): Promise<ExportFile> {
  const turn = yielder()
  const parts: string[] = []
  const lines = runFileLines(store, runId)
  for (let r = lines.next(); ; r = lines.next()) {
    if (r.done) {
      remember(store, runId, r.value)
      break
    }
    parts.push(r.value)
    await turn()
  }
  return { filename: fileName(runId), mime: 'application/x-ndjson', content: parts.join('') }
}

/** Straight to a file, one line in memory at a time; the file appears whole or not at all. */
export async function writeRunFile(store: RunStore, runId: number, path: string): Promise<void> {
  const part = partName(path)
  const out = createWriteStream(part, { flags: 'wx' })
  // a write error between awaits is kept here, and the awaits below reject with it
  let failure: Error | null = null
  out.on('error', (e) => (failure = e))
  try {
    const lines = runFileLines(store, runId)
    let hash: string
    for (let r = lines.next(); ; r = lines.next()) {
      if (r.done) {
        hash = r.value
        break
      }
      if (failure) throw failure
      if (!out.write(r.value)) await once(out, 'drain')
    }
    out.end()
    await once(out, 'finish')
    await rename(part, path)
    // only once the file is there: a failed export changes nothing in the database
    remember(store, runId, hash)
  } catch (e) {
    out.destroy()
    await rm(part, { force: true })
    throw e
  }
}

/** A stored run's content hash, computed as its file would be (for runs stored before hashes were kept). */
export function storedContentHash(store: RunStore, runId: number): string {
  const lines = runFileLines(store, runId)
  for (let r = lines.next(); ; r = lines.next()) if (r.done) return r.value
}
