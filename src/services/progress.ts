// Live progress for the renderer: records gathered per run and pushed at most ~8 times a
// second, with the training time so far, a rate and time left, all on a clock that stops while
// the run is paused (so a pause neither lowers the rate nor counts as training). Gate/XOR runs keep every record (a few thousand at
// most); a kind with `livePoints` (MNIST: 2,000) keeps about that many points over the whole run, plus every evaluation step and
// the newest snapshot of each batch.
import type { StepRecord } from '../engine/types'
import { kindOf } from '../shared/kinds'
import type { ProgressEvent, RunStatus } from '../shared/api'
import { toWireRecord } from '../shared/wire'
import { isLive } from '../shared/status'
import { WATCHABLE_PACE, type Pace } from '../shared/pace'

const EMIT_MS = 125
const RATE_WINDOW_MS = 3000

/** Milliseconds of training: a stopwatch that runs only while the run does. */
class TrainingClock {
  private banked = 0
  private since: number | null = null

  run(): void {
    this.since ??= performance.now()
  }

  hold(): void {
    if (this.since === null) return
    this.banked += performance.now() - this.since
    this.since = null
  }

  get ms(): number {
    return this.banked + (this.since === null ? 0 : performance.now() - this.since)
  }
}

export class ProgressTracker {
  private buffer: StepRecord[] = []
  /** (training ms, steps done) over the last RATE_WINDOW_MS of training. */
  private samples: { t: number; done: number }[] = []
  private lastEmit = 0
  private timer: ReturnType<typeof setTimeout> | null = null
  private readonly stride: number
  private readonly clock = new TrainingClock()
  /** At a watchable pace every step goes out as it comes, to be drawn on its own. */
  private everyStep = false
  done = 0
  status: RunStatus

  constructor(
    readonly runId: number,
    readonly kind: string,
    readonly total: number,
    private readonly emit: (e: ProgressEvent) => void,
    opts: { paused?: boolean; pace?: Pace } = {}
  ) {
    this.setPace(opts.pace ?? null)
    const points = kindOf(kind).livePoints
    this.stride = points === null ? 1 : Math.max(1, Math.ceil(total / points))
    this.status = opts.paused ? 'paused' : 'running'
    if (!opts.paused) this.clock.run()
    this.samples.push({ t: 0, done: 0 })
  }

  setPace(pace: Pace): void {
    this.everyStep = pace !== null && pace <= WATCHABLE_PACE
  }

  /**
   * Records kept, and the steps the engine had taken when it sent them (the last record's step by
   * default); `shown`: steps sent to be drawn only, merged in step order.
   */
  add(kept: StepRecord[], done?: number, shown?: StepRecord[]): void {
    const records = shown?.length ? [...kept, ...shown].sort((a, b) => a.step - b.step) : kept
    // the newest parameters in a batch travel even off the stride, so live weight views keep up
    const newestParams = records.findLast((r) => r.params)
    for (const r of records) {
      const evaluation = r.trainAcc !== undefined || r.testAcc !== undefined
      if (this.stride === 1 || r.step % this.stride === 0 || evaluation || r.step === this.total || r === newestParams) {
        this.buffer.push(r)
      }
    }
    const last = records[records.length - 1]
    this.done = done ?? last?.step ?? this.done
    const now = this.clock.ms
    this.samples.push({ t: now, done: this.done })
    while (this.samples.length > 2 && now - this.samples[1].t > RATE_WINDOW_MS) this.samples.shift()
    this.schedule()
  }

  /** A status change (paused, resumed, finished) goes out at once. */
  finish(status: RunStatus, reason?: string | null, predictions?: number[]): void {
    this.clock.hold()
    this.status = status
    this.flush(reason, predictions)
  }

  /** The engine holds at step `done`, every record up to it already added. */
  paused(done: number): void {
    this.clock.hold()
    this.done = done
    this.status = 'paused'
    this.flush()
  }

  resumed(): void {
    this.clock.run()
    this.status = 'running'
    this.flush()
  }

  private schedule(): void {
    if (this.everyStep) return this.flush()
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
    if (this.stride > 1 || kindOf(this.kind).livePoints !== null) dropStaleParams(records)
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
      // training time left at that rate; a paused run keeps its estimate, a finished one has none
      etaSeconds: rate > 0 && isLive(this.status) ? (this.total - this.done) / rate : null,
      elapsedMs: this.clock.ms,
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
