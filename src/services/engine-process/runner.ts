// Runs a Trainer in time slices so that control messages (pause, step, stop, acks) are handled
// between steps, and hands records over in batches (at most one every ~50 ms), never one message
// per step. Backpressure: a batch is not sent while the previous one is unacknowledged, and no
// step is taken while a batch is due and cannot be sent, so the trainer is never more than one
// batch (~flushMs of training) ahead of what the host has kept. Shared by the engine process and
// the CLI (which acknowledges each batch as soon as it has stored it).
import type { StepRecord, Trainer } from '../../engine/types'
import type { FinishStatus } from './messages'

export interface RunnerHandlers {
  /** Records logged since the last batch, and the steps taken by then; answer with acknowledge(done) once kept. */
  records(records: StepRecord[], done: number): void
  /** Holding at step `done`: every record up to it was handed over first. */
  paused(done: number): void
  finished(status: FinishStatus, reason?: string, predictions?: number[]): void
}

export interface RunnerOptions {
  sliceMs?: number
  flushMs?: number
  /** Yields to the event loop between slices (setImmediate in Node and Electron: I/O, hence messages, is polled in between). */
  defer?: (f: () => void) => void
}

export class SlicedRunner {
  private pending: StepRecord[] = []
  /** Steps taken when the last batch left, and the most the host has acknowledged keeping. */
  private sent = 0
  private acked = 0
  private lastFlush = performance.now()
  private state: 'idle' | 'running' | 'paused' | 'finished' = 'idle'
  private scheduled = false
  private readonly sliceMs: number
  private readonly flushMs: number
  private readonly defer: (f: () => void) => void

  constructor(
    private readonly trainer: Trainer,
    private readonly on: RunnerHandlers,
    opts: RunnerOptions = {}
  ) {
    this.sliceMs = opts.sliceMs ?? 20
    this.flushMs = opts.flushMs ?? 50
    this.defer = opts.defer ?? ((f) => setImmediate(f))
  }

  /** Starts training, or (paused) holds at step 0 until resumed or stepped. */
  start(paused = false): void {
    if (this.state !== 'idle') return
    if (this.trainer.start) this.pending.push(this.trainer.start)
    if (paused) {
      this.state = 'paused'
      this.flush()
      this.on.paused(this.trainer.done)
      return
    }
    this.state = 'running'
    this.schedule()
  }

  pause(): void {
    if (this.state !== 'running') return
    this.state = 'paused'
    this.flush()
    this.on.paused(this.trainer.done)
  }

  resume(): void {
    if (this.state !== 'paused') return
    this.state = 'running'
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

  private schedule(): void {
    if (this.scheduled) return
    this.scheduled = true
    this.defer(() => {
      this.scheduled = false
      this.slice()
    })
  }

  private slice(): void {
    const t0 = performance.now()
    while (this.state === 'running') {
      if (this.take(false)) return
      const now = performance.now()
      if (now - this.lastFlush >= this.flushMs) {
        // the previous batch is not kept yet: wait for its acknowledgement, which reschedules
        if (this.acked < this.sent) return
        this.flush()
      }
      if (now - t0 >= this.sliceMs) return this.schedule()
    }
  }

  /** One step; true when the run ended with it. */
  private take(record: boolean): boolean {
    try {
      const r = this.trainer.step(record)
      if (r) {
        this.pending.push(r)
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
    if (this.pending.length === 0 && done === this.sent) return
    const batch = this.pending
    this.pending = []
    this.sent = done
    this.on.records(batch, done)
  }

  private finish(status: FinishStatus, reason?: string): void {
    this.state = 'finished'
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
