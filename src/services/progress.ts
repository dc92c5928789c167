// Live progress for the renderer: records gathered per run and pushed at most ~8 times a
// second, with a rate and time left. Gate/XOR runs keep every record (a few thousand at
// most); MNIST keeps about 2,000 points over the whole run, plus every evaluation step and
// the newest snapshot of each batch.
import type { StepRecord } from '../engine/types'
import type { RunKind } from '../shared/config'
import type { ProgressEvent, RunStatus } from '../shared/api'
import { toWireRecord } from '../shared/wire'

const EMIT_MS = 125
const MNIST_POINTS = 2000
const RATE_WINDOW_MS = 3000

export class ProgressTracker {
  private buffer: StepRecord[] = []
  private samples: { t: number; done: number }[] = []
  private lastEmit = 0
  private timer: ReturnType<typeof setTimeout> | null = null
  private readonly stride: number
  done = 0
  status: RunStatus = 'running'

  constructor(
    readonly runId: number,
    readonly kind: RunKind,
    readonly total: number,
    private readonly emit: (e: ProgressEvent) => void
  ) {
    this.stride = kind === 'mnist' ? Math.max(1, Math.ceil(total / MNIST_POINTS)) : 1
    this.samples.push({ t: performance.now(), done: 0 })
  }

  add(records: StepRecord[]): void {
    // the newest parameters in a batch travel even off the stride, so live weight views keep up
    const newestParams = records.findLast((r) => r.params)
    for (const r of records) {
      const evaluation = r.trainAcc !== undefined || r.testAcc !== undefined
      if (this.stride === 1 || r.step % this.stride === 0 || evaluation || r.step === this.total || r === newestParams) {
        this.buffer.push(r)
      }
    }
    const last = records[records.length - 1]
    if (last) this.done = last.step
    const now = performance.now()
    this.samples.push({ t: now, done: this.done })
    while (this.samples.length > 2 && now - this.samples[1].t > RATE_WINDOW_MS) this.samples.shift()
    this.schedule()
  }

  /** A status change (paused, resumed, finished) goes out at once. */
  finish(status: RunStatus, reason?: string | null, predictions?: number[]): void {
    this.status = status
    this.flush(reason, predictions)
  }

  setStatus(status: RunStatus): void {
    this.status = status
    this.flush()
  }

  private schedule(): void {
    if (this.timer) return
    const wait = Math.max(0, EMIT_MS - (performance.now() - this.lastEmit))
    this.timer = setTimeout(() => this.flush(), wait)
  }

  private flush(reason?: string | null, predictions?: number[]): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    this.lastEmit = performance.now()
    const records = this.buffer
    this.buffer = []
    if (this.kind === 'mnist') dropStaleParams(records)
    const first = this.samples[0]
    const latest = this.samples[this.samples.length - 1]
    const seconds = (latest.t - first.t) / 1000
    const rate = seconds > 0 ? (latest.done - first.done) / seconds : 0
    this.emit({
      runId: this.runId,
      status: this.status,
      done: this.done,
      total: this.total,
      rate,
      etaSeconds: rate > 0 && this.status === 'running' ? (this.total - this.done) / rate : null,
      records: records.map(toWireRecord),
      ...(reason !== undefined ? { reason } : {}),
      ...(predictions ? { predictions } : {})
    })
  }
}

/** MNIST parameters are large: only the newest snapshot in a batch is worth sending live. */
function dropStaleParams(records: StepRecord[]): void {
  let seen = false
  for (let i = records.length - 1; i >= 0; i--) {
    if (!records[i].params) continue
    if (seen) records[i] = { ...records[i], params: undefined }
    seen = true
  }
}
