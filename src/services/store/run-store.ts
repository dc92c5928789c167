// RunStore: every run, its per-step metrics and parameter snapshots, in one SQLite file.
// One writer per run (the process that owns it, recorded with pid + heartbeat); appends go
// in transactions, and the run row caches the summary the library lists. Reading writes
// nothing: a run whose owner is gone reads as `interrupted` at once, and is written so by
// reconcile(), which runs at open and on the owner's cadence (LabService's timer).
import type { Database, Statement } from 'better-sqlite3'
import type { Params, StepRecord } from '../../engine/types'
import type { RunConfig, RunKind } from '../../shared/config'
import type { Metrics, RunDetail, RunFilter, RunStatus, RunSummary } from '../../shared/api'
import { defaultName, isKind, kindOf } from '../../shared/kinds'
import { decodeSnapshot, encodeSnapshot, type SnapshotParts } from './codec'
import { claim, ownerGone, release, thisProcess, type Owner } from './liveness'
import { openDatabase } from './open'
import { isLive, LIVE_SQL } from '../../shared/status'

interface RunRow {
  id: number
  kind: RunKind
  name: string
  note: string
  status: RunStatus
  reason: string | null
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
  steps: number
  final_loss: number | null
  final_train_acc: number | null
  final_test_acc: number | null
  imported_at: string | null
  imported_file: string | null
  imported_id: number | null
}

export interface NewRun {
  config: RunConfig
  name?: string
  totalSteps: number
  status?: RunStatus
}

export interface StoredSnapshot extends SnapshotParts {
  step: number
}

/** A run still training (here or in another process) cannot be changed this way. */
export class RunBusyError extends Error {}


const interruptedReason = (why: string): string => `Training stopped unexpectedly: ${why}.`

const nullToNaN = (v: number | null): number => (v === null ? NaN : v)
/** SQLite stores NaN as NULL; a metric missing on a step is NULL too. */
const orNull = (v: number | undefined): number | null => (v === undefined || Number.isNaN(v) ? null : v)

export class RunStore {
  readonly db: Database
  /** Set when the file at the path was unusable and moved aside on open. */
  readonly notice: string | null
  private readonly owner: Owner = thisProcess()
  private readonly insertMetric: Statement
  private readonly insertSnapshot: Statement
  private readonly selectKind: Statement

  constructor(
    readonly file: string,
    opts: { nativeBinding?: string } = {}
  ) {
    const opened = openDatabase(file, opts.nativeBinding)
    this.db = opened.db
    this.notice = opened.notice
    this.insertMetric = this.db.prepare(
      'INSERT OR REPLACE INTO metrics (run_id, step, loss, lr, train_acc, test_acc) VALUES (?, ?, ?, ?, ?, ?)'
    )
    this.insertSnapshot = this.db.prepare(
      'INSERT OR REPLACE INTO snapshots (run_id, step, has_params, data) VALUES (?, ?, ?, ?)'
    )
    this.selectKind = this.db.prepare('SELECT kind FROM runs WHERE id = ?').pluck()
    this.reconcile()
  }

  close(): void {
    this.db.close()
  }

  /** Runs left `running`/`paused` by a process that is gone become `interrupted`, with why. */
  reconcile(now = Date.now()): number[] {
    const rows = this.db
      .prepare(`SELECT id, owner_pid, owner_host, heartbeat_at FROM runs WHERE ${LIVE_SQL}`)
      .all() as Pick<RunRow, 'id' | 'owner_pid' | 'owner_host' | 'heartbeat_at'>[]
    const interrupted: number[] = []
    for (const r of rows) {
      const why = ownerGone(this.file, r, now)
      if (why) {
        this.finish(r.id, 'interrupted', interruptedReason(why), undefined, now)
        interrupted.push(r.id)
      }
    }
    return interrupted
  }

  /** A row as it reads now: running or paused under an owner that is gone reads `interrupted`. */
  private current(row: RunRow, now = Date.now()): RunRow {
    if (!isLive(row.status)) return row
    const why = ownerGone(this.file, row, now)
    return why ? { ...row, status: 'interrupted', reason: interruptedReason(why) } : row
  }

  createRun(run: NewRun, now = Date.now()): number {
    const iso = new Date(now).toISOString()
    const status = run.status ?? 'running'
    const live = isLive(status)
    const info = this.db
      .prepare(
        `INSERT INTO runs (kind, name, status, config, created_at, started_at, owner_pid, owner_host, heartbeat_at, total_steps)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
      )
      .run(
        run.config.kind,
        run.name ?? defaultName(run.config),
        status,
        JSON.stringify(run.config),
        iso,
        iso,
        live ? this.owner.pid : null,
        live ? this.owner.host : null,
        live ? now : null,
        run.totalSteps
      )
    const runId = Number(info.lastInsertRowid)
    if (live) claim(this.file, runId)
    return runId
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

  /** Append a batch of records in one transaction and refresh the run's summary. */
  append(runId: number, records: StepRecord[]): void {
    if (records.length === 0) return
    const f32 = this.float32(runId)
    this.db.transaction(() => {
      for (const r of records) {
        this.insertMetric.run(runId, r.step, orNull(r.loss), orNull(r.lr), orNull(r.trainAcc), orNull(r.testAcc))
        if (r.params || r.grads || r.confusion) this.putSnapshot(runId, r, f32)
      }
      this.refreshSummary(runId)
    })()
  }

  private putSnapshot(runId: number, s: StoredSnapshot, f32: boolean): void {
    const blob = encodeSnapshot({ params: s.params, grads: s.grads, confusion: s.confusion }, f32)
    this.insertSnapshot.run(runId, s.step, s.params ? 1 : 0, blob)
  }

  /** Snapshots on their own (an imported run's), in one transaction. */
  putSnapshots(runId: number, snapshots: StoredSnapshot[]): void {
    const f32 = this.float32(runId)
    this.db.transaction(() => snapshots.forEach((s) => this.putSnapshot(runId, s, f32)))()
  }

  /** An imported run keeps its original name's companions: note, reason, dates, predictions. */
  restoreDetails(
    runId: number,
    d: { note: string; reason: string | null; createdAt: string; finishedAt: string | null; durationMs: number | null; predictions: number[] | null }
  ): void {
    this.db
      .prepare(
        `UPDATE runs SET note = @note, reason = @reason, created_at = @createdAt, started_at = @createdAt,
           finished_at = @finishedAt, duration_ms = @durationMs, predictions = @predictions WHERE id = @id`
      )
      .run({ ...d, id: runId, predictions: d.predictions ? JSON.stringify(d.predictions) : null })
  }

  private refreshSummary(runId: number): void {
    this.db
      .prepare(
        `UPDATE runs SET
           steps = (SELECT count(*) FROM metrics WHERE run_id = @id),
           final_loss = (SELECT loss FROM metrics WHERE run_id = @id ORDER BY step DESC LIMIT 1),
           final_train_acc = (SELECT train_acc FROM metrics WHERE run_id = @id AND train_acc IS NOT NULL ORDER BY step DESC LIMIT 1),
           final_test_acc = (SELECT test_acc FROM metrics WHERE run_id = @id AND test_acc IS NOT NULL ORDER BY step DESC LIMIT 1),
           heartbeat_at = CASE WHEN ${LIVE_SQL} THEN @now ELSE heartbeat_at END
         WHERE id = @id`
      )
      .run({ id: runId, now: Date.now() })
  }

  /** The owner says it is still alive, for every run it is training. */
  heartbeat(runIds: number[], now = Date.now()): void {
    if (runIds.length === 0) return
    const stmt = this.db.prepare(`UPDATE runs SET heartbeat_at = ? WHERE id = ? AND ${LIVE_SQL}`)
    this.db.transaction(() => runIds.forEach((id) => stmt.run(now, id)))()
  }

  setStatus(runId: number, status: 'running' | 'paused'): void {
    this.db.prepare(`UPDATE runs SET status = ? WHERE id = ? AND ${LIVE_SQL}`).run(status, runId)
  }

  finish(runId: number, status: RunStatus, reason?: string | null, predictions?: number[], now = Date.now()): void {
    const row = this.db.prepare('SELECT started_at FROM runs WHERE id = ?').get(runId) as { started_at: string | null } | undefined
    const started = row?.started_at ? Date.parse(row.started_at) : NaN
    this.db
      .prepare(
        `UPDATE runs SET status = @status, reason = @reason, predictions = coalesce(@predictions, predictions),
           finished_at = @iso, duration_ms = @duration, owner_pid = NULL, heartbeat_at = NULL
         WHERE id = @id`
      )
      .run({
        id: runId,
        status,
        reason: reason ?? null,
        predictions: predictions ? JSON.stringify(predictions) : null,
        iso: new Date(now).toISOString(),
        duration: Number.isFinite(started) ? now - started : null
      })
    release(this.file, runId)
  }

  listRuns(filter: RunFilter = {}): RunSummary[] {
    const where: string[] = []
    const args: Record<string, string> = {}
    if (filter.kind) {
      where.push('kind = @kind')
      args.kind = filter.kind
    }
    if (filter.search) {
      // the user's text is matched literally: LIKE's own wildcards are escaped
      where.push("name LIKE @search ESCAPE '\\'")
      args.search = `%${filter.search.replace(/[\\%_]/g, '\\$&')}%`
    }
    const rows = this.db
      .prepare(`SELECT * FROM runs ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY id DESC`)
      .all(args) as RunRow[]
    // by status after liveness: a run whose owner is gone is listed as interrupted
    const now = Date.now()
    return rows
      .map((r) => this.current(r, now))
      .filter((r) => !filter.status || r.status === filter.status)
      .map(summary)
  }

  /** The run's kind, or null when there is no such run. */
  runKind(runId: number): RunKind | null {
    return (this.db.prepare('SELECT kind FROM runs WHERE id = ?').pluck().get(runId) as RunKind | undefined) ?? null
  }

  hasRun(runId: number): boolean {
    return this.db.prepare('SELECT 1 FROM runs WHERE id = ?').get(runId) !== undefined
  }

  getRun(runId: number): RunDetail | null {
    const found = this.db.prepare('SELECT * FROM runs WHERE id = ?').get(runId) as RunRow | undefined
    if (!found) return null
    const row = this.current(found)
    const snapshotSteps = (
      this.db.prepare('SELECT step FROM snapshots WHERE run_id = ? AND has_params = 1 ORDER BY step').all(runId) as {
        step: number
      }[]
    ).map((r) => r.step)
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
    return { step, loss, lr, trainAcc, testAcc }
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

  rename(runId: number, name: string): boolean {
    return this.db.prepare('UPDATE runs SET name = ? WHERE id = ?').run(name, runId).changes === 1
  }

  setNote(runId: number, note: string): boolean {
    return this.db.prepare('UPDATE runs SET note = ? WHERE id = ?').run(note, runId).changes === 1
  }

  /**
   * Deletes a finished run; false when there is no such run. A run still training, here or in
   * another process sharing the file, is refused: its owner would keep appending to nothing.
   */
  delete(runId: number): boolean {
    const found = this.db.prepare('SELECT * FROM runs WHERE id = ?').get(runId) as RunRow | undefined
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
    imported: row.imported_at ? { at: row.imported_at, file: row.imported_file, originalId: row.imported_id } : null
  }
}
