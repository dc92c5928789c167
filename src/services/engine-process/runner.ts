// Runs a Trainer in time slices so that control messages (pause, step, stop, acks) are handled
// between steps, and hands records over in batches (at most one every ~50 ms), never one message
// per step. Backpressure: a batch is not sent while the previous one is unacknowledged, and no
// step is taken while a batch is due and cannot be sent, so the trainer is never more than one
// batch (~flushMs of training) ahead of what the host has kept. Shared by the engine process and
// the CLI (which acknowledges each batch as soon as it has stored it).
// Pace: at a set number of steps per second the runner waits between steps itself, so what it
// records is the same at any speed; at a watchable pace (WATCHABLE_PACE or slower) every step goes
// out at once, the ones off the log interval as `shown` (drawn, never stored).
import type { StepRecord, Trainer } from '../../engine/types'
import { WATCHABLE_PACE } from '../../shared/pace'
import type { FinishStatus } from './messages'

export interface RunnerHandlers {
  /**
   * Records logged since the last batch, and the steps taken by then; answer with acknowledge(done)
   * once kept. `shown`: the other steps taken at a watchable pace, to draw and not to keep.
   */
  records(records: StepRecord[], done: number, shown?: StepRecord[]): void
  /** Holding at step `done`: every record up to it was handed over first. */
  paused(done: number): void
  finished(status: FinishStatus, reason?: string, predictions?: number[]): void
}

export interface RunnerOptions {
  sliceMs?: number
  flushMs?: number
  /** Yields to the event loop between slices (setImmediate in Node and Electron: I/O, hence messages, is polled in between). */
  defer?: (f: () => void) => void
  /** Waits `ms` before f (setTimeout by default), for a paced run; answers how to cancel. */
  wait?: (f: () => void, ms: number) => () => void
  now?: () => number
}

/** Behind its pace by more than this (a slow step, a late acknowledgement), a run does not rush to catch up. */
const MAX_LAG_MS = 250

export class SlicedRunner {
  private pending: StepRecord[] = []
  private shown: StepRecord[] = []
  /** Steps per second, or null: as fast as it goes. Counted from `paceFrom`. */
  private pace: number | null = null
  private paceFrom = { t: 0, done: 0 }
  private cancelWait: (() => void) | null = null
  /** Steps taken when the last batch left, and the most the host has acknowledged keeping. */
  private sent = 0
  private acked = 0
  private lastFlush = performance.now()
  private state: 'idle' | 'running' | 'paused' | 'finished' = 'idle'
  /** Running at full speed up to this step, to hold there (Trainer.holdAt); null otherwise. */
  private holdAt: number | null = null
  private scheduled = false
  private readonly sliceMs: number
  private readonly flushMs: number
  private readonly defer: (f: () => void) => void
  private readonly wait: (f: () => void, ms: number) => () => void
  private readonly now: () => number

  constructor(
    private readonly trainer: Trainer,
    private readonly on: RunnerHandlers,
    opts: RunnerOptions = {}
  ) {
    this.sliceMs = opts.sliceMs ?? 20
    this.flushMs = opts.flushMs ?? 50
    this.defer = opts.defer ?? ((f) => setImmediate(f))
    this.wait =
      opts.wait ??
      ((f, ms) => {
        const id = setTimeout(f, ms)
        return () => clearTimeout(id)
      })
    this.now = opts.now ?? (() => performance.now())
  }

  /** Steps per second from now on (null: full speed); a running run changes speed at once. */
  setPace(stepsPerSecond: number | null): void {
    this.pace = stepsPerSecond
    this.restartPace()
    if (this.state !== 'running') return
    this.cancelTimer()
    this.schedule()
  }

  /** Starts training, or (paused) holds at step 0 until resumed or stepped. */
  start(paused = false): void {
    if (this.state !== 'idle') return
    if (this.trainer.start) this.pending.push(this.trainer.start)
    const holdAt = this.trainer.holdAt ?? 0
    if (paused && holdAt > this.trainer.done) {
      this.holdAt = holdAt
      paused = false
    }
    if (paused) {
      this.state = 'paused'
      this.flush()
      this.on.paused(this.trainer.done)
      return
    }
    this.state = 'running'
    this.restartPace()
    this.schedule()
  }

  pause(): void {
    if (this.state !== 'running') return
    this.holdAt = null
    this.state = 'paused'
    this.cancelTimer()
    this.flush()
    this.on.paused(this.trainer.done)
  }

  resume(): void {
    // resumed while it retrains up to where it holds: it trains on from there instead
    this.holdAt = null
    if (this.state !== 'paused') return
    this.state = 'running'
    this.restartPace()
    this.schedule()
  }

  /** One step of a paused run, recorded whatever the log interval; it stays paused after it. */
  step(): void {
    if (this.state !== 'paused') return
    if (this.take(true)) return
    this.flush()
    this.on.paused(this.trainer.done)
  }

  stop(): void {
    if (this.state === 'finished') return
    this.finish('stopped')
  }

  /** The host has kept every record up to step `done`. */
  acknowledge(done: number): void {
    this.acked = Math.max(this.acked, done)
    if (this.state === 'running') this.schedule()
  }

  private restartPace(): void {
    this.paceFrom = { t: this.now(), done: this.trainer.done }
  }

  private cancelTimer(): void {
    this.cancelWait?.()
    this.cancelWait = null
  }

  /** Milliseconds until the next step is due at the pace (0: now). */
  private untilDue(): number {
    if (this.pace === null || this.holdAt !== null) return 0
    const now = this.now()
    const due = this.paceFrom.t + ((this.trainer.done - this.paceFrom.done + 1) * 1000) / this.pace
    if (now - due > MAX_LAG_MS) {
      this.paceFrom = { t: now, done: this.trainer.done }
      return 0
    }
    return Math.max(0, due - now)
  }

  private get watchable(): boolean {
    return this.pace !== null && this.pace <= WATCHABLE_PACE && this.holdAt === null
  }

  private schedule(): void {
    if (this.scheduled || this.cancelWait) return
    this.scheduled = true
    this.defer(() => {
      this.scheduled = false
      this.slice()
    })
  }

  private slice(): void {
    const t0 = performance.now()
    while (this.state === 'running') {
      const wait = this.untilDue()
      if (wait > 0) {
        // what was taken leaves before the pause between steps, once the host has kept the last batch
        if (this.acked >= this.sent) this.flush()
        this.cancelWait = this.wait(() => {
          this.cancelWait = null
          this.schedule()
        }, wait)
        return
      }
      if (this.take(this.watchable ? 'show' : false)) return
      if (this.holdAt !== null && this.trainer.done >= this.holdAt) return this.pause()
      const now = performance.now()
      if (this.watchable || now - this.lastFlush >= this.flushMs) {
        // the previous batch is not kept yet: wait for its acknowledgement, which reschedules
        if (this.acked < this.sent) return
        this.flush()
      }
      if (now - t0 >= this.sliceMs) return this.schedule()
    }
  }

  /**
   * One step; true when the run ended with it. 'show': a step off the log interval is recorded too,
   * to be drawn, not kept (a trainer without `logs` logs every step already).
   */
  private take(record: boolean | 'show'): boolean {
    const logs = this.trainer.logs?.bind(this.trainer)
    try {
      const r = this.trainer.step(record === true || (record === 'show' && logs !== undefined))
      if (r) {
        const kept = record !== 'show' || !logs || logs(r.step) || !Number.isFinite(r.loss)
        ;(kept ? this.pending : this.shown).push(r)
        if (!Number.isFinite(r.loss)) {
          this.finish('failed', `loss became ${r.loss} at step ${r.step}`)
          return true
        }
      }
      if (this.trainer.done < this.trainer.total) return false
      this.finish('done')
    } catch (e) {
      this.finish('failed', `training failed: ${(e as Error).message}`)
    }
    return true
  }

  /** Sends what was logged since the last batch; an empty batch still tells the host how far training got. */
  private flush(): void {
    this.lastFlush = performance.now()
    const done = this.trainer.done
    if (this.pending.length === 0 && this.shown.length === 0 && done === this.sent) return
    const batch = this.pending
    const shown = this.shown
    this.pending = []
    this.shown = []
    this.sent = done
    if (shown.length) this.on.records(batch, done, shown)
    else this.on.records(batch, done)
  }

  private finish(status: FinishStatus, reason?: string): void {
    this.state = 'finished'
    this.cancelTimer()
    this.flush()
    let predictions: number[] | undefined
    try {
      predictions = this.trainer.result().predictions
    } catch {
      predictions = undefined // a failed trainer may have nothing to predict with
    }
    this.on.finished(status, reason, predictions)
  }
}
