// Run files: one run with everything (metrics, snapshots, predictions) that another
// installation can import (format.ts). An import reads its file twice: once to check all of it
// (nothing is written for a refused file), then to write it, hidden until its last line is in
// (RunStore.stageImport … publishImport), in short transactions, pausing between them as long as
// each took, so that a run training into the same database, from this process or another,
// never waits long for the write lock (the busy timeout is 5 s).
import type { Stats } from 'node:fs'
import { stat } from 'node:fs/promises'
import { basename } from 'node:path'
import { RUN_FILE_LIMIT, snapshotBytes } from '../../shared/run-budget'
import { ApiFailure } from '../errors'
import type { RunStore, StoredSnapshot } from '../store/run-store'
import { fileLines, textLines, type LineSource } from './lines'
import { importedStatus, readRunFile, type RunSink } from './read'
import { refuse } from './refuse'
import { storedContentHash } from './write'
import { storageProblemOf } from '../lifecycle/storage-problem'

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
 * Runs `write` (one store transaction), then yields the lock for as long as it was held. A
 * training run writing to the same file goes first: when the database is busy past its
 * timeout, the import waits and tries again, rather than the training run waiting on it.
 */
async function shortTransaction<T>(write: () => T): Promise<T> {
  const started = Date.now()
  for (let wait = 50; ; wait = Math.min(2 * wait, 1000)) {
    const t0 = performance.now()
    try {
      const value = write()
      await pause(Math.max(1, performance.now() - t0))
      return value
    } catch (e) {
      if (!isBusy(e) || Date.now() - started > BUSY_PATIENCE_MS) throw e
      await pause(wait)
    }
  }
}

interface Writer extends RunSink {
  runId(): number | null
  /** Writes the snapshots still held back; called once the whole file has been read again. */
  flush(): Promise<void>
}

/** The second pass: the run is written hidden (RunStore.stageImport) and appears only when published. */
function writer(store: RunStore): Writer {
  let runId: number | null = null
  let f32 = false
  let group: StoredSnapshot[] = []
  let groupBytes = 0
  const flush = async (): Promise<void> => {
    const snapshots = group
    group = []
    groupBytes = 0
    if (snapshots.length) await shortTransaction(() => store.stageSnapshots(runId!, snapshots))
  }
  return {
    runId: () => runId,
    begin: async (run) => {
      f32 = snapshotBytes(run.config) === 4
      runId = await shortTransaction(() => store.stageImport({ config: run.config, name: run.name, totalSteps: run.totalSteps }))
    },
    async metrics(records) {
      for (let i = 0; i < records.length; i += METRIC_ROWS_PER_TRANSACTION) {
        const part = records.slice(i, i + METRIC_ROWS_PER_TRANSACTION)
        await shortTransaction(() => store.stageRecords(runId!, part))
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
 * Checks the whole file, then writes it hidden and publishes it in one last transaction that
 * also holds the twin check (RunStore.publishImport); a file already in the library, from this
 * process or another, is not added twice. `size` is the file's length; `filename` is kept as
 * where the run came from. A failure leaves nothing visible, and is worded like every storage
 * failure.
 */
async function importRun(store: RunStore, source: LineSource, size: number, filename: string | null): Promise<Imported> {
  if (size > RUN_FILE_LIMIT) refuse({ id: 'runfile.tooLarge', params: { size, limit: RUN_FILE_LIMIT } })
  // one at a time in this process: each holds a file's worth of work
  if (importing.has(store)) throw new ApiFailure('busy', { id: 'import.busy' })
  importing.add(store)
  const hashOf = (id: number): string => storedContentHash(store, id)
  try {
    const checked = await readRunFile(source, size)
    const existing = store.findTwin(checked.contentHash, checked.run.createdAt, checked.run.config.kind, hashOf)
    if (existing !== null) return { runId: existing, duplicate: true }
    const w = writer(store)
    try {
      const written = await readRunFile(source, size, w)
      // the file changed between the passes: what was written is not what was checked
      if (written.contentHash !== checked.contentHash) refuse({ id: 'runfile.changed' })
      await w.flush()
      const run = written.run
      const { status, reason } = importedStatus(run)
      return await shortTransaction(() =>
        store.publishImport(
          w.runId()!,
          {
            note: run.note,
            status,
            reason,
            createdAt: run.createdAt,
            finishedAt: run.finishedAt ?? null,
            durationMs: run.durationMs ?? null,
            predictions: run.predictions ?? null,
            contentHash: written.contentHash,
            file: filename,
            originalId: run.id ?? null
          },
          hashOf
        )
      )
    } catch (e) {
      const staged = w.runId()
      try {
        if (staged !== null) store.discardImport(staged)
      } catch {
        // the database refused even that (a full disk): the run stays hidden, and the next open removes it
      }
      const problem = storageProblemOf(e)
      if (problem) throw new ApiFailure('internal', { id: 'import.storage', params: { problem } })
      throw e
    }
  } finally {
    importing.delete(store)
  }
}

/** A run file's text, as it arrives over IPC or the WebSocket. */
export const importRunText = (store: RunStore, content: string, filename: string | null = null): Promise<Imported> =>
  importRun(store, textLines(content), Buffer.byteLength(content), filename)

const kindOf = (s: Stats): string =>
  s.isDirectory() ? 'a folder' : s.isFIFO() ? 'a FIFO (named pipe)' : s.isSocket() ? 'a socket' : s.isCharacterDevice() || s.isBlockDevice() ? 'a device' : 'not a file'

/** A run file on disk, read a line at a time (the CLI). */
export async function importRunPath(store: RunStore, path: string): Promise<Imported> {
  let size: number
  try {
    const found = await stat(path)
    // a FIFO or a device would be read for ever (or block at open): only files have an end
    if (!found.isFile()) refuse(`${path} is ${kindOf(found)}, not a regular file (only regular files are read)`)
    size = found.size
  } catch (e) {
    if (e instanceof ApiFailure) throw e
    const code = (e as NodeJS.ErrnoException).code
    const why = code === 'ENOENT' ? 'there is no such file' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : (e as Error).message
    throw new ApiFailure('not-found', { id: 'runfile.unreadable', params: { path, detail: why } })
  }
  return importRun(store, fileLines(path), size, basename(path))
}
