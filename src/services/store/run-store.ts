// RunStore: every run, its per-step metrics and parameter snapshots, in one SQLite file.
// One writer per run (the process that owns it, recorded with pid + heartbeat); appends go
// in transactions, and the run row caches the summary the library lists. Reading writes
// nothing: a run whose owner is gone reads as `interrupted` at once, and is written so by
// reconcile(), which runs at open and on the owner's cadence (LabService's timer).
// Every statement on the run tables is here (the database handle is private): a run ends once,
// because every append, heartbeat and finish is conditional on the run still being live and
// owned by this process (RunNotOwnedError otherwise); an import is written hidden and published
// in its last transaction (stageImport … publishImport), so it appears whole or not at all.
import type { Database, Statement } from 'better-sqlite3'
import type { Params, StepRecord } from '../../engine/types'
import type { RunConfig, RunKind } from '../../shared/config'
import type { Metrics, RunDetail, RunFilter, RunStatus, RunSummary } from '../../shared/api'
import { defaultName, isKind, kindOf } from '../../shared/kinds'
import { decodeSnapshot, encodeSnapshot, type SnapshotParts } from './codec'
import { claim, ownerGone, release, thisProcess, type Owner } from './liveness'
import { openDatabase, type OpenOptions } from './open'
import { isLive, LIVE_SQL } from '../../shared/status'
import { RunNotOwnedError } from './not-owned'

/** A row of `runs`: the columns a summary carries under the same name, then the stored rest. */
interface RunRow extends Pick<RunSummary, 'id' | 'kind' | 'name' | 'note' | 'status' | 'reason' | 'steps'> {
  config: string
  created_at: string
  started_at: string | null
  finished_at: string | null
  duration_ms: number | null
  owner_pid: number | null
  owner_host: string | null
  heartbeat_at: number | null
  predictions: string | null
  total_steps: number
  final_loss: number | null
  final_train_acc: number | null
  final_test_acc: number | null
  imported_at: string | null
  imported_file: string | null
  imported_id: number | null
  parent_id: number | null
  staged: number
}

export interface NewRun {
  config: RunConfig
  name?: string
  totalSteps: number
  status?: RunStatus
  /** The run it branches from (a paused playground run whose weight was edited). */
  parentId?: number
}

export interface StoredSnapshot extends SnapshotParts {
  step: number
}

/** A run still training (here or in another process) cannot be changed this way. */
export class RunBusyError extends Error {}

/** What an imported run keeps from its file besides its data. */
export interface ImportedDetails {
  note: string
  status: RunStatus
  reason: string | null
  createdAt: string
  finishedAt: string | null
  durationMs: number | null
  predictions: number[] | null
  contentHash: string
  file: string | null
  originalId: number | null
}

/** The rows of a run file being written: metrics as [step, loss, lr, trainAcc, testAcc, testLoss]. */
export type MetricRow = [number, number | null, number | null, number | null, number | null, number | null]

/** The run's content hash as its run file would carry it (runfile/write.ts computes it). */
export type HashOf = (runId: number) => string

const interruptedReason = (why: string): string => `Training stopped unexpectedly: ${why}.`

const nullToNaN = (v: number | null): number => (v === null ? NaN : v)
/** SQLite stores NaN as NULL; a metric missing on a step is NULL too. */
const orNull = (v: number | undefined): number | null => (v === undefined || Number.isNaN(v) ? null : v)

/** Only this process's live run, and only while it is live: the condition of every owner's write. */
const OWNED_SQL = `id = @id AND staged = 0 AND ${LIVE_SQL} AND owner_pid = @pid AND owner_host = @host`

export class RunStore {
  /** Private: every statement on the run tables is a method here (tests reach it through test/services/tmp.ts storeDb). */
  private readonly db: Database
  /** Set when the file at the path was unusable and moved aside, or could only be opened read-only. */
  readonly notice: string | null
  /** Opened read-only (a read-only medium, a full disk, or a command that only reads): listing, replay and export work. */
  readonly readOnly: boolean
  private readonly owner: Owner = thisProcess()
  private readonly insertMetric: Statement
  private readonly insertSnapshot: Statement
  private readonly selectKind: Statement

  constructor(
    readonly file: string,
    opts: OpenOptions = {}
  ) {
    const opened = openDatabase(file, opts)
    this.db = opened.db
    this.notice = opened.notice
    this.readOnly = opened.readOnly
    this.insertMetric = this.db.prepare(
      'INSERT OR REPLACE INTO metrics (run_id, step, loss, lr, train_acc, test_acc, test_loss) VALUES (?, ?, ?, ?, ?, ?, ?)'
    )
    this.insertSnapshot = this.db.prepare(
      'INSERT OR REPLACE INTO snapshots (run_id, step, has_params, data) VALUES (?, ?, ?, ?)'
    )
    this.selectKind = this.db.prepare('SELECT kind FROM runs WHERE id = ?').pluck()
    if (!this.readOnly) {
      this.reconcile()
      this.removeAbandonedImports()
    }
  }

  close(): void {
    this.db.close()
  }

  /** Runs left `running`/`paused` by a process that is gone become `interrupted`, with why. */
  reconcile(now = Date.now()): number[] {
    const rows = this.db
      .prepare(`SELECT id, owner_pid, owner_host, heartbeat_at, started_at FROM runs WHERE staged = 0 AND ${LIVE_SQL}`)
      .all() as Pick<RunRow, 'id' | 'owner_pid' | 'owner_host' | 'heartbeat_at' | 'started_at'>[]
    // compare-and-set on the owner and heartbeat read: an owner that reported since is left alone
    const end = this.db.prepare(
      `UPDATE runs SET status = 'interrupted', reason = @reason, finished_at = @iso, duration_ms = @duration, owner_pid = NULL, heartbeat_at = NULL
       WHERE id = @id AND staged = 0 AND ${LIVE_SQL} AND owner_pid IS @pid AND owner_host IS @host AND heartbeat_at IS @beat`
    )
    const interrupted: number[] = []
    for (const r of rows) {
      const why = ownerGone(this.file, r, now)
      if (!why) continue
      const started = r.started_at ? Date.parse(r.started_at) : NaN
      const ended = end.run({
        id: r.id,
        reason: interruptedReason(why),
        iso: new Date(now).toISOString(),
        duration: Number.isFinite(started) ? now - started : null,
        pid: r.owner_pid,
        host: r.owner_host,
        beat: r.heartbeat_at
      })
      release(this.file, r.id)
      if (ended.changes === 1) interrupted.push(r.id)
    }
    return interrupted
  }

  /** A killed import's hidden run is removed; one still being written by a live process is left. */
  private removeAbandonedImports(now = Date.now()): number {
    const rows = this.db.prepare('SELECT id, owner_pid, owner_host, heartbeat_at FROM runs WHERE staged = 1').all() as Pick<
      RunRow,
      'id' | 'owner_pid' | 'owner_host' | 'heartbeat_at'
    >[]
    const remove = this.db.prepare('DELETE FROM runs WHERE id = ? AND staged = 1')
    let removed = 0
    for (const r of rows) if (ownerGone(this.file, r, now)) removed += remove.run(r.id).changes
    return removed
  }

  /** A row as it reads now: running or paused under an owner that is gone reads `interrupted`. */
  private current(row: RunRow, now = Date.now()): RunRow {
    if (!isLive(row.status)) return row
    const why = ownerGone(this.file, row, now)
    return why ? { ...row, status: 'interrupted', reason: interruptedReason(why) } : row
  }

  private owned(runId: number): { id: number; pid: number; host: string } {
    return { id: runId, pid: this.owner.pid, host: this.owner.host }
  }

  /** The refusal for a write to a run this process no longer owns, worded from what the run is now. */
  private notOwned(runId: number): RunNotOwnedError {
    const now = this.db.prepare('SELECT status, reason FROM runs WHERE id = ? AND staged = 0').get(runId) as
      | { status: RunStatus; reason: string | null }
      | undefined
    release(this.file, runId)
    return new RunNotOwnedError(runId, now ?? null)
  }

  /** A live run (running or paused) is owned by this process from now on; an ended one is stored as it is, with no data. */
  createRun(run: NewRun, now = Date.now()): number {
    const status = run.status ?? 'running'
    const runId = this.insertRun(run, status, 0, now)
    if (isLive(status)) claim(this.file, runId)
    return runId
  }

  private insertRun(run: NewRun, status: RunStatus, staged: 0 | 1, now: number): number {
    const iso = new Date(now).toISOString()
    const owned = isLive(status) || staged === 1
    const info = this.db
      .prepare(
        `INSERT INTO runs (kind, name, status, config, created_at, started_at, owner_pid, owner_host, heartbeat_at, total_steps, staged, parent_id)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
      )
      .run(
        run.config.kind,
        run.name ?? defaultName(run.config),
        status,
        JSON.stringify(run.config),
        iso,
        iso,
        owned ? this.owner.pid : null,
        owned ? this.owner.host : null,
        owned ? now : null,
        run.totalSteps,
        staged,
        run.parentId ?? null
      )
    return Number(info.lastInsertRowid)
  }

  /** A run computed whole at once (SimpleNet), stored `done` in one transaction: there whole or not at all. */
  addFinishedRun(run: NewRun, records: StepRecord[], predictions: number[], now = Date.now()): number {
    return this.db.transaction(() => {
      const runId = this.insertRun(run, 'done', 0, now)
      this.writeRecords(runId, records)
      this.db
        .prepare('UPDATE runs SET predictions = ?, finished_at = ?, duration_ms = 0 WHERE id = ?')
        .run(JSON.stringify(predictions), new Date(now).toISOString(), runId)
      return runId
    })()
  }

  /** This process no longer trains the run, though its end could not be written (the disk is full). */
  disown(runId: number): void {
    release(this.file, runId)
  }

  private float32(runId: number): boolean {
    // the kind's precision (src/shared/kinds/): MNIST's 50k-number snapshots are float32; a run
    // deleted meanwhile has no kind, and its write fails on the foreign key, as it should
    const kind = this.selectKind.get(runId)
    return isKind(kind) && kindOf(kind).precision === 4
  }

  private writeRecords(runId: number, records: StepRecord[]): void {
    const f32 = this.float32(runId)
    for (const r of records) {
      this.insertMetric.run(runId, r.step, orNull(r.loss), orNull(r.lr), orNull(r.trainAcc), orNull(r.testAcc), orNull(r.testLoss))
      if (r.params || r.grads || r.confusion) this.putSnapshot(runId, r, f32)
    }
    this.refreshSummary(runId)
  }

  /**
   * Append a batch of records in one transaction and refresh the run's summary. Its first
   * statement takes the write lock and checks that the run is still this process's and live.
   */
  append(runId: number, records: StepRecord[], now = Date.now()): void {
    if (records.length === 0) return
    this.db.transaction(() => {
      if (this.db.prepare(`UPDATE runs SET heartbeat_at = @now WHERE ${OWNED_SQL}`).run({ ...this.owned(runId), now }).changes !== 1) {
        throw this.notOwned(runId)
      }
      this.writeRecords(runId, records)
    })()
  }

  private putSnapshot(runId: number, s: StoredSnapshot, f32: boolean): void {
    const blob = encodeSnapshot({ params: s.params, grads: s.grads, confusion: s.confusion }, f32)
    this.insertSnapshot.run(runId, s.step, s.params ? 1 : 0, blob)
  }

  private refreshSummary(runId: number): void {
    this.db
      .prepare(
        `UPDATE runs SET
           steps = (SELECT count(*) FROM metrics WHERE run_id = @id),
           final_loss = (SELECT loss FROM metrics WHERE run_id = @id ORDER BY step DESC LIMIT 1),
           final_train_acc = (SELECT train_acc FROM metrics WHERE run_id = @id AND train_acc IS NOT NULL ORDER BY step DESC LIMIT 1),
           final_test_acc = (SELECT test_acc FROM metrics WHERE run_id = @id AND test_acc IS NOT NULL ORDER BY step DESC LIMIT 1)
         WHERE id = @id`
      )
      .run({ id: runId })
  }

  /** The owner says it is still alive, for every run it is training; a run no longer its own is refused. */
  heartbeat(runIds: number[], now = Date.now()): void {
    if (runIds.length === 0) return
    const stmt = this.db.prepare(`UPDATE runs SET heartbeat_at = @now WHERE ${OWNED_SQL}`)
    this.db.transaction(() => {
      for (const id of runIds) if (stmt.run({ ...this.owned(id), now }).changes !== 1) throw this.notOwned(id)
    })()
  }

  setStatus(runId: number, status: 'running' | 'paused', now = Date.now()): void {
    const changed = this.db
      .prepare(`UPDATE runs SET status = @status, heartbeat_at = @now WHERE ${OWNED_SQL}`)
      .run({ ...this.owned(runId), status, now }).changes
    if (changed !== 1) throw this.notOwned(runId)
  }

  /** Ends this process's live run, once: a run declared interrupted meanwhile keeps its status (RunNotOwnedError). */
  finish(runId: number, status: RunStatus, reason?: string | null, predictions?: number[], now = Date.now()): void {
    const row = this.db.prepare('SELECT started_at FROM runs WHERE id = ?').get(runId) as { started_at: string | null } | undefined
    const started = row?.started_at ? Date.parse(row.started_at) : NaN
    const changed = this.db
      .prepare(
        `UPDATE runs SET status = @status, reason = @reason, predictions = coalesce(@predictions, predictions),
           finished_at = @iso, duration_ms = @duration, owner_pid = NULL, heartbeat_at = NULL
         WHERE ${OWNED_SQL}`
      )
      .run({
        ...this.owned(runId),
        status,
        reason: reason ?? null,
        predictions: predictions ? JSON.stringify(predictions) : null,
        iso: new Date(now).toISOString(),
        duration: Number.isFinite(started) ? now - started : null
      }).changes
    if (changed !== 1) throw this.notOwned(runId)
    release(this.file, runId)
  }

  /**
   * Every run, newest first; `kind` narrows it in SQL (the newest run of a kind). Matching by
   * name or status is the library's, on the list it holds (renderer library/columns.ts
   * filterRuns): it matches the name as displayed, in the UI's language, which only the client
   * knows, and filters without a round trip at every key press.
   */
  listRuns(filter: RunFilter = {}): RunSummary[] {
    const rows = (
      filter.kind
        ? this.db.prepare('SELECT * FROM runs WHERE staged = 0 AND kind = ? ORDER BY id DESC').all(filter.kind)
        : this.db.prepare('SELECT * FROM runs WHERE staged = 0 ORDER BY id DESC').all()
    ) as RunRow[]
    const now = Date.now()
    return rows.map((r) => summary(this.current(r, now)))
  }

  private row(runId: number): RunRow | undefined {
    return this.db.prepare('SELECT * FROM runs WHERE id = ? AND staged = 0').get(runId) as RunRow | undefined
  }

  /** The run's kind, or null when there is no such run. */
  runKind(runId: number): RunKind | null {
    return (this.db.prepare('SELECT kind FROM runs WHERE id = ? AND staged = 0').pluck().get(runId) as RunKind | undefined) ?? null
  }

  hasRun(runId: number): boolean {
    return this.runKind(runId) !== null
  }

  getRun(runId: number): RunDetail | null {
    const found = this.row(runId)
    if (!found) return null
    const row = this.current(found)
    // from the snapshots_steps index: the snapshots' BLOB pages are not read
    const snapshotSteps = this.db
      .prepare('SELECT step FROM snapshots INDEXED BY snapshots_steps WHERE run_id = ? AND has_params = 1 ORDER BY step')
      .pluck()
      .all(runId) as number[]
    return {
      ...summary(row),
      predictions: row.predictions ? (JSON.parse(row.predictions) as number[]) : null,
      snapshotSteps,
      totalSteps: row.total_steps
    }
  }

  /**
   * A run's metrics as columns. One plucked column per query: building a JS array per row
   * costs more than the scan itself (a 60,000-step run loads in about half the time this way);
   * accuracies exist on few steps, so only those rows are read for them.
   */
  metrics(runId: number): Metrics {
    const column = (c: string): (number | null)[] =>
      this.db.prepare(`SELECT ${c} FROM metrics WHERE run_id = ? ORDER BY step`).pluck().all(runId) as (number | null)[]
    const step = column('step') as number[]
    const loss = column('loss').map(nullToNaN)
    const lr = column('lr').map(nullToNaN)
    const testLoss = column('test_loss').map(nullToNaN)
    const trainAcc = new Array<number>(step.length).fill(NaN)
    const testAcc = new Array<number>(step.length).fill(NaN)
    const evals = this.db
      .prepare(
        `SELECT step, train_acc, test_acc FROM metrics
         WHERE run_id = ? AND (train_acc IS NOT NULL OR test_acc IS NOT NULL) ORDER BY step`
      )
      .raw()
      .all(runId) as [number, number | null, number | null][]
    let i = 0
    for (const [s, train, test] of evals) {
      while (step[i] !== s) i++
      trainAcc[i] = nullToNaN(train)
      testAcc[i] = nullToNaN(test)
    }
    return { step, loss, lr, trainAcc, testAcc, testLoss }
  }

  /** Parameters at the nearest snapshot at or before `step`, and the latest confusion matrix up to it. */
  snapshot(runId: number, step: number): StoredSnapshot | null {
    const row = this.db
      .prepare('SELECT step, data FROM snapshots WHERE run_id = ? AND has_params = 1 AND step <= ? ORDER BY step DESC LIMIT 1')
      .get(runId, step) as { step: number; data: Buffer } | undefined
    if (!row) return null
    const parts = decodeSnapshot(row.data)
    if (!parts.confusion) {
      const c = this.db
        .prepare('SELECT data FROM snapshots WHERE run_id = ? AND has_params = 0 AND step <= ? ORDER BY step DESC LIMIT 1')
        .get(runId, step) as { data: Buffer } | undefined
      if (c) parts.confusion = decodeSnapshot(c.data).confusion
    }
    return { step: row.step, ...parts }
  }

  /**
   * The parameter snapshots at or before `upTo`, ascending, at most `max` of them: beyond that,
   * evenly spaced ones, the first and the last always among them. Row i of n is kept when
   * floor(i(max-1)/(n-1)) steps up from row i-1: with max <= n that happens exactly max times,
   * at i = 0 and i = n-1 included. One query; only the kept rows' BLOBs are read.
   */
  paramsHistory(runId: number, upTo: number, max: number): { step: number; params: Params }[] {
    const rows = this.db
      .prepare(
        // bound JS numbers are REAL in SQLite: the cast keeps the divisions integer ones
        `WITH k AS (
           SELECT step, row_number() OVER (ORDER BY step) - 1 AS i, count(*) OVER () AS n, CAST(@max AS INTEGER) - 1 AS m1
           FROM snapshots WHERE run_id = @runId AND has_params = 1 AND step <= @upTo
         )
         SELECT s.step, s.data FROM k JOIN snapshots s ON s.run_id = @runId AND s.step = k.step
         WHERE k.n <= k.m1 + 1 OR k.i = 0 OR (k.i * k.m1) / (k.n - 1) <> ((k.i - 1) * k.m1) / (k.n - 1)
         ORDER BY s.step`
      )
      .all({ runId, upTo, max: Math.max(2, max) }) as { step: number; data: Buffer }[]
    return rows.map((r) => ({ step: r.step, params: decodeSnapshot(r.data).params! }))
  }

  /** Every stored snapshot of a run, in step order (run files carry them all). */
  *snapshots(runId: number): Generator<StoredSnapshot & { hasParams: boolean }> {
    const rows = this.db
      .prepare('SELECT step, has_params, data FROM snapshots WHERE run_id = ? ORDER BY step')
      .iterate(runId) as IterableIterator<{ step: number; has_params: number; data: Buffer }>
    for (const r of rows) yield { step: r.step, hasParams: r.has_params === 1, ...decodeSnapshot(r.data) }
  }

  /** The last stored step of a run (-1 when none) and how many metric and snapshot rows it has up to it. */
  extent(runId: number): { upTo: number; metrics: number; snapshots: number } {
    const upTo = (this.db.prepare('SELECT max(step) FROM metrics WHERE run_id = ?').pluck().get(runId) as number | null) ?? -1
    const count = (sql: string): number => this.db.prepare(sql).pluck().get(runId, upTo) as number
    return {
      upTo,
      metrics: count('SELECT count(*) FROM metrics WHERE run_id = ? AND step <= ?'),
      snapshots: count('SELECT count(*) FROM snapshots INDEXED BY snapshots_steps WHERE run_id = ? AND step <= ?')
    }
  }

  /** Up to `limit` metric rows after step `after`, up to `upTo`, in step order; NaN is null. */
  metricPage(runId: number, after: number, upTo: number, limit: number): MetricRow[] {
    return this.db
      .prepare('SELECT step, loss, lr, train_acc, test_acc, test_loss FROM metrics WHERE run_id = ? AND step > ? AND step <= ? ORDER BY step LIMIT ?')
      .raw()
      .all(runId, after, upTo, limit) as MetricRow[]
  }

  /** The first stored snapshot after step `after`, up to `upTo`: one at a time, no iterator held open. */
  snapshotAfter(runId: number, after: number, upTo: number): StoredSnapshot | null {
    const row = this.db
      .prepare('SELECT step, data FROM snapshots WHERE run_id = ? AND step > ? AND step <= ? ORDER BY step LIMIT 1')
      .get(runId, after, upTo) as { step: number; data: Buffer } | undefined
    return row ? { step: row.step, ...decodeSnapshot(row.data) } : null
  }

  /** Remembers a finished run's content hash (its run file's), so that importing that file here finds it at once. */
  rememberHash(runId: number, hash: string): void {
    this.db.prepare(`UPDATE runs SET content_sha256 = ? WHERE id = ? AND staged = 0 AND NOT ${LIVE_SQL}`).run(hash, runId)
  }

  /**
   * The published run with this content, if any. Runs never exported have no hash yet: those of
   * the same start and kind are hashed (and the hash kept) to be compared.
   */
  findTwin(contentHash: string, createdAt: string, kind: RunKind, hashOf: HashOf): number | null {
    const known = this.db.prepare('SELECT id FROM runs WHERE staged = 0 AND content_sha256 = ?').pluck().get(contentHash) as number | undefined
    if (known !== undefined) return known
    const candidates = this.db
      .prepare(`SELECT id FROM runs WHERE staged = 0 AND content_sha256 IS NULL AND created_at = ? AND kind = ? AND NOT ${LIVE_SQL}`)
      .pluck()
      .all(createdAt, kind) as number[]
    for (const id of candidates) {
      const h = hashOf(id)
      if (!this.readOnly) this.rememberHash(id, h)
      if (h === contentHash) return id
    }
    return null
  }

  /** A hidden run for an import to write into: no reader sees it until publishImport. */
  stageImport(run: NewRun, now = Date.now()): number {
    const runId = this.insertRun(run, 'interrupted', 1, now)
    claim(this.file, runId)
    return runId
  }

  private stagedWrite(runId: number, write: () => void, now: number): void {
    this.db.transaction(() => {
      const mine = this.db
        .prepare('UPDATE runs SET heartbeat_at = @now WHERE id = @id AND staged = 1 AND owner_pid = @pid AND owner_host = @host')
        .run({ ...this.owned(runId), now }).changes
      if (mine !== 1) throw new Error(`the import's run ${runId} was removed while it was being written (was this process stopped?)`)
      write()
    })()
  }

  /** Metric rows (and any snapshots they carry) of a staged import, in one transaction. */
  stageRecords(runId: number, records: StepRecord[], now = Date.now()): void {
    this.stagedWrite(runId, () => this.writeRecords(runId, records), now)
  }

  /** Snapshots of a staged import, in one transaction. */
  stageSnapshots(runId: number, snapshots: StoredSnapshot[], now = Date.now()): void {
    const f32 = this.float32(runId)
    this.stagedWrite(runId, () => snapshots.forEach((s) => this.putSnapshot(runId, s, f32)), now)
  }

  /**
   * Publishes a staged import in one BEGIN IMMEDIATE transaction: the twin check and the
   * publish hold the database's write lock together, so of two processes importing the same
   * file, the second finds the first's run and its own is dropped. Returns the run now holding
   * the content, and whether it was already there.
   */
  publishImport(runId: number, d: ImportedDetails, hashOf: HashOf, now = Date.now()): { runId: number; duplicate: boolean } {
    const kind = this.selectKind.get(runId) as RunKind
    return this.db.transaction(() => {
      const twin = this.findTwin(d.contentHash, d.createdAt, kind, hashOf)
      if (twin !== null) {
        this.discardImport(runId)
        return { runId: twin, duplicate: true }
      }
      const published = this.db
        .prepare(
          `UPDATE runs SET staged = 0, status = @status, note = @note, reason = @reason, created_at = @createdAt, started_at = @createdAt,
             finished_at = @finishedAt, duration_ms = @durationMs, predictions = @predictions, content_sha256 = @contentHash,
             imported_at = @at, imported_file = @file, imported_id = @originalId, owner_pid = NULL, owner_host = NULL, heartbeat_at = NULL
           WHERE id = @id AND staged = 1 AND owner_pid = @pid AND owner_host = @host`
        )
        .run({
          ...d,
          ...this.owned(runId),
          predictions: d.predictions ? JSON.stringify(d.predictions) : null,
          at: new Date(now).toISOString()
        }).changes
      if (published !== 1) throw new Error(`the import's run ${runId} was removed while it was being written (was this process stopped?)`)
      release(this.file, runId)
      return { runId, duplicate: false }
    }).immediate()
  }

  /** Drops a staged import (a refused or failed one); what a failure leaves here is removed at the next open. */
  discardImport(runId: number): void {
    release(this.file, runId)
    this.db.prepare('DELETE FROM runs WHERE id = ? AND staged = 1').run(runId)
  }

  rename(runId: number, name: string): boolean {
    return this.db.prepare('UPDATE runs SET name = ? WHERE id = ? AND staged = 0').run(name, runId).changes === 1
  }

  setNote(runId: number, note: string): boolean {
    return this.db.prepare('UPDATE runs SET note = ? WHERE id = ? AND staged = 0').run(note, runId).changes === 1
  }

  /**
   * Deletes a finished run; false when there is no such run. A run still training, here or in
   * another process sharing the file, is refused: its owner would keep appending to nothing.
   */
  delete(runId: number): boolean {
    const found = this.row(runId)
    if (!found) return false
    const row = this.current(found)
    if (isLive(row.status)) {
      throw new RunBusyError(`run ${runId} (${row.name}) is ${row.status === 'paused' ? 'paused, still' : 'still'} training: stop it first, then delete it`)
    }
    this.db.prepare('DELETE FROM runs WHERE id = ?').run(runId)
    release(this.file, runId)
    return true
  }
}

function summary(row: RunRow): RunSummary {
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    note: row.note,
    status: row.status,
    reason: row.reason,
    config: JSON.parse(row.config) as RunConfig,
    createdAt: row.created_at,
    finishedAt: row.finished_at,
    durationMs: row.duration_ms,
    steps: row.steps,
    finalLoss: row.final_loss,
    finalTrainAcc: row.final_train_acc,
    finalTestAcc: row.final_test_acc,
    imported: row.imported_at ? { at: row.imported_at, file: row.imported_file, originalId: row.imported_id } : null,
    parentId: row.parent_id
  }
}
