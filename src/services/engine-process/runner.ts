// Runs a Trainer in time slices so that pause/stop arrive between steps, and hands records
// over in batches (at most one every ~50 ms), never one message per step. Shared by the
// engine process and the CLI.
import type { StepRecord, Trainer } from '../../engine/types'
import type { FinishStatus } from './messages'

export interface RunnerHandlers {
  records(records: StepRecord[]): void
  finished(status: FinishStatus, reason?: string, predictions?: number[]): void
}

export interface RunnerOptions {
  sliceMs?: number
  flushMs?: number
  /** Yields to the event loop between slices (setImmediate in Node and Electron). */
  defer?: (f: () => void) => void
}

export class SlicedRunner {
  private pending: StepRecord[] = []
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

  start(): void {
    if (this.state !== 'idle') return
    this.state = 'running'
    this.schedule()
  }

  pause(): void {
    if (this.state !== 'running') return
    this.state = 'paused'
    this.flush()
  }

  resume(): void {
    if (this.state !== 'paused') return
    this.state = 'running'
    this.schedule()
  }

  stop(): void {
    if (this.state === 'finished') return
    this.finish('stopped')
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
    if (this.state !== 'running') return
    const t0 = performance.now()
    try {
      do {
        const record = this.trainer.step()
        if (record) {
          this.pending.push(record)
          if (!Number.isFinite(record.loss)) {
            return this.finish('failed', `loss became ${record.loss} at step ${record.step}`)
          }
        }
        if (this.trainer.done >= this.trainer.total) return this.finish('done')
      } while (performance.now() - t0 < this.sliceMs)
    } catch (e) {
      return this.finish('failed', `training failed: ${(e as Error).message}`)
    }
    if (performance.now() - this.lastFlush >= this.flushMs) this.flush()
    this.schedule()
  }

  private flush(): void {
    this.lastFlush = performance.now()
    if (this.pending.length === 0) return
    const batch = this.pending
    this.pending = []
    this.on.records(batch)
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
