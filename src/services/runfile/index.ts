// Run files: one run with everything (metrics, snapshots, predictions) that another
// installation can import (format.ts). An import reads its file twice: once to check all of it
// (nothing is written for a refused file), then to write it in short transactions, pausing
// between them as long as each took, so that a run training into the same database, from this
// process or another, never waits long for the write lock (the busy timeout is 5 s).
import { stat } from 'node:fs/promises'
import { basename } from 'node:path'
import { RUN_FILE_LIMIT, snapshotBytes } from '../../shared/run-budget'
import { ApiFailure } from '../errors'
import type { RunStore, StoredSnapshot } from '../store/run-store'
import { fileLines, textLines, type LineSource } from './lines'
import { importedStatus, readRunFile, type RunHeader, type RunSink } from './read'
import { refuse } from './refuse'
import { storedContentHash } from './write'
import { LIVE_SQL } from '../../shared/status'

export { exportRunFile, writeRunFile } from './write'

/** Snapshot bytes per write transaction: about one of the largest MNIST snapshots (float32). */
const SNAPSHOT_BYTES_PER_TRANSACTION = 2 * 1024 * 1024
/** Metric rows per write transaction. */
const METRIC_ROWS_PER_TRANSACTION = 2_000
/** How long an import keeps retrying a write while others hold the database, before it gives up. */
const BUSY_PATIENCE_MS = 120_000

export interface Imported {
  runId: number
  /** True when the library already held this run: runId is that run, and nothing was added. */
  duplicate: boolean
}

const pause = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms))
const isBusy = (e: unknown): boolean => /^SQLITE_BUSY/.test(String((e as { code?: unknown }).code))

/**
 * Runs `write` as one transaction, then yields the lock for as long as it was held. A training
 * run writing to the same file goes first: when the database is busy past its timeout, the
 * import waits and tries again, rather than the training run waiting on it.
 */
async function shortTransaction(store: RunStore, write: () => void): Promise<void> {
  const started = Date.now()
  for (let wait = 50; ; wait = Math.min(2 * wait, 1000)) {
    const t0 = performance.now()
    try {
      store.db.transaction(write)()
      await pause(Math.max(1, performance.now() - t0))
      return
    } catch (e) {
      if (!isBusy(e) || Date.now() - started > BUSY_PATIENCE_MS) throw e
      await pause(wait)
    }
  }
}

/** The run already in the library with this content, if any. */
function twin(store: RunStore, run: RunHeader, hash: string): number | null {
  const known = store.db.prepare('SELECT id FROM runs WHERE content_sha256 = ?').pluck().get(hash) as number | undefined
  if (known !== undefined) return known
  // runs never exported have no hash yet: the same start and kind are the only candidates
  const candidates = store.db
    .prepare(`SELECT id FROM runs WHERE content_sha256 IS NULL AND created_at = ? AND kind = ? AND NOT ${LIVE_SQL}`)
    .pluck()
    .all(run.createdAt, run.config.kind) as number[]
  for (const id of candidates) {
    const h = storedContentHash(store, id)
    store.db.prepare('UPDATE runs SET content_sha256 = ? WHERE id = ?').run(h, id)
    if (h === hash) return id
  }
  return null
}

interface Writer extends RunSink {
  runId(): number | null
  /** Writes the snapshots still held back; called once the whole file has been read again. */
  flush(): Promise<void>
}

/** The second pass: the run appears as `interrupted` ("being imported") until its last line is in. */
function writer(store: RunStore): Writer {
  let runId: number | null = null
  let f32 = false
  let group: StoredSnapshot[] = []
  let groupBytes = 0
  const flush = async (): Promise<void> => {
    const snapshots = group
    group = []
    groupBytes = 0
    if (snapshots.length) await shortTransaction(store, () => store.putSnapshots(runId!, snapshots))
  }
  return {
    runId: () => runId,
    begin: (run) =>
      shortTransaction(store, () => {
        f32 = snapshotBytes(run.config) === 4
        runId = store.createRun({ config: run.config, name: run.name, totalSteps: run.totalSteps, status: 'interrupted' })
        store.db.prepare('UPDATE runs SET reason = ? WHERE id = ?').run('It is being imported; if this stays, the import did not finish.', runId)
      }),
    async metrics(records) {
      for (let i = 0; i < records.length; i += METRIC_ROWS_PER_TRANSACTION) {
        const part = records.slice(i, i + METRIC_ROWS_PER_TRANSACTION)
        await shortTransaction(store, () => store.append(runId!, part))
      }
    },
    async snapshot(s) {
      group.push(s)
      for (const p of [s.params, s.grads]) for (const m of Object.values(p ?? {})) groupBytes += m.data.length * (f32 ? 4 : 8)
      if (groupBytes >= SNAPSHOT_BYTES_PER_TRANSACTION) await flush()
    },
    flush
  }
}

const importing = new WeakSet<RunStore>()

/**
 * Checks the whole file, then writes it; a file already in the library is not added twice.
 * `size` is the file's length; `filename` is kept as where the run came from.
 */
export async function importRun(store: RunStore, source: LineSource, size: number, filename: string | null): Promise<Imported> {
  if (size > RUN_FILE_LIMIT) refuse(`it is ${size} bytes; a run file is at most ${RUN_FILE_LIMIT} bytes`)
  // one at a time: each holds a file's worth of work, and twins of each other would both be added
  if (importing.has(store)) throw new ApiFailure('busy', 'Another run file is being imported; try again when it is done.')
  importing.add(store)
  try {
    const checked = await readRunFile(source, size)
    const existing = twin(store, checked.run, checked.contentHash)
    if (existing !== null) return { runId: existing, duplicate: true }
    const w = writer(store)
    try {
      const written = await readRunFile(source, size, w)
      // the file changed between the passes: what was written is not what was checked
      if (written.contentHash !== checked.contentHash) refuse('it changed while it was being imported')
      await w.flush()
      const run = written.run
      const { status, reason } = importedStatus(run)
      await shortTransaction(store, () => {
        store.restoreDetails(w.runId()!, {
          note: run.note,
          reason,
          createdAt: run.createdAt,
          finishedAt: run.finishedAt ?? null,
          durationMs: run.durationMs ?? null,
          predictions: run.predictions ?? null
        })
        store.db
          .prepare('UPDATE runs SET status = ?, content_sha256 = ?, imported_at = ?, imported_file = ?, imported_id = ? WHERE id = ?')
          .run(status, written.contentHash, new Date().toISOString(), filename, run.id ?? null, w.runId())
      })
      return { runId: w.runId()!, duplicate: false }
    } catch (e) {
      const partial = w.runId()
      try {
        if (partial !== null) store.db.prepare('DELETE FROM runs WHERE id = ?').run(partial)
      } catch {
        // the database refused even that: the run stays, its reason saying the import did not finish
      }
      throw e
    }
  } finally {
    importing.delete(store)
  }
}

/** A run file's text, as it arrives over IPC or the WebSocket. */
export const importRunText = (store: RunStore, content: string, filename: string | null = null): Promise<Imported> =>
  importRun(store, textLines(content), Buffer.byteLength(content), filename)

/** A run file on disk, read a line at a time (the CLI). */
export async function importRunPath(store: RunStore, path: string): Promise<Imported> {
  let size: number
  try {
    size = (await stat(path)).size
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code
    const why = code === 'ENOENT' ? 'there is no such file' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : (e as Error).message
    throw new ApiFailure('not-found', `cannot read ${path}: ${why}`)
  }
  return importRun(store, fileLines(path), size, basename(path))
}
