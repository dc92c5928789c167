// One run's life in the process that trains it: created and owned here (pid + heartbeat), its
// steps appended in batches, ended once with a status and a reason. LabService (the app and the
// browser host) and the `lab` CLI both go through it, so a run is stored the same whichever
// front trained it. A storage error (a full disk, a busy database) is reported once, in words,
// to whoever drives the trainer, which stops it and ends the run; nothing is thrown at them.
import type { StepRecord } from '../../engine/types'
import { HEARTBEAT_MS } from '../store/liveness'
import type { NewRun, RunStore } from '../store/run-store'
import { storageProblem } from './storage-problem'

export type EndStatus = 'done' | 'stopped' | 'failed' | 'interrupted'

export class OwnedRun {
  readonly id: number
  private ended = false
  /** A write failed: nothing more is written until the run is ended. */
  private broken = false
  private readonly heartbeat: ReturnType<typeof setInterval>

  constructor(
    private readonly store: RunStore,
    run: NewRun,
    private readonly onStorageError: (problem: string) => void
  ) {
    this.id = store.createRun(run)
    this.heartbeat = setInterval(() => this.write(() => store.heartbeat([this.id])), HEARTBEAT_MS)
    this.heartbeat.unref()
  }

  /** Stores a batch in one transaction; false when it could not be stored (already reported). */
  append(records: StepRecord[]): boolean {
    return this.write(() => this.store.append(this.id, records))
  }

  setStatus(status: 'running' | 'paused'): boolean {
    return this.write(() => this.store.setStatus(this.id, status))
  }

  /** Ends the run; where even that cannot be written, it is let go, and reads `interrupted` from then on. */
  finish(status: EndStatus, reason?: string | null, predictions?: number[]): void {
    if (this.ended) return
    this.ended = true
    clearInterval(this.heartbeat)
    try {
      this.store.finish(this.id, status, reason ?? null, predictions)
    } catch {
      this.store.disown(this.id)
    }
  }

  private write(f: () => void): boolean {
    if (this.ended || this.broken) return false
    try {
      f()
      return true
    } catch (e) {
      this.broken = true
      this.onStorageError(storageProblem(e))
      return false
    }
  }
}

/** The reason a run ended by a storage error is saved with. */
export const storageFailureReason = (problem: string): string =>
  `The run could not be saved: ${problem}. Every step saved before that is kept; training was stopped.`
