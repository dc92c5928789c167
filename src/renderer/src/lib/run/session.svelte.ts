// One lesson's training run as the renderer sees it: start it through the service (which saves it),
// follow its 'run:progress' events, and accumulate the metrics columns and the latest snapshot that
// the lesson's Views draw. Pause/Resume/Stop go to the service; Reset forgets the run locally.
import type { TrainConfig } from '../../../../shared/config'
import type { LabApi, Metrics, ProgressEvent, RunStatus, Snapshot, WireStepRecord } from '../../../../shared/api'
import { totalSteps } from '../../../../shared/total-steps'

export type SessionStatus = RunStatus | 'idle' | 'starting'

export const emptyMetrics = (): Metrics => ({ step: [], loss: [], lr: [], trainAcc: [], testAcc: [] })

export class RunSession {
  status = $state<SessionStatus>('idle')
  runId = $state<number | null>(null)
  done = $state(0)
  total = $state(0)
  rate = $state(0)
  etaSeconds = $state<number | null>(null)
  reason = $state<string | null>(null)
  error = $state<string | null>(null)
  metrics = $state.raw<Metrics>(emptyMetrics())
  snapshot = $state.raw<Snapshot | null>(null)
  predictions = $state.raw<number[] | null>(null)
  /** Every parameter snapshot received, for small models' weight histories. */
  history = $state.raw<Snapshot[]>([])

  private early: ProgressEvent[] = []
  private unsubscribe: () => void
  /** Keep history only for small models (gates, XOR): MNIST snapshots are large. */
  constructor(
    private readonly api: LabApi,
    private readonly keepHistory: boolean
  ) {
    this.unsubscribe = api.on('run:progress', (e) => this.receive(e))
  }

  get active(): boolean {
    return this.status === 'starting' || this.status === 'running' || this.status === 'paused'
  }

  async start(config: TrainConfig): Promise<void> {
    this.clear()
    this.status = 'starting'
    this.total = totalSteps(config)
    try {
      const { runId } = await this.api.invoke('runs:start', { config, name: undefined })
      this.runId = runId
      if (this.status === 'starting') this.status = 'running'
      // events that raced ahead of the reply
      const early = this.early.filter((e) => e.runId === runId)
      this.early = []
      for (const e of early) this.receive(e)
    } catch (e) {
      this.status = 'idle'
      this.error = (e as Error).message
    }
  }

  async pause(): Promise<void> {
    if (this.runId != null) await this.call(() => this.api.invoke('runs:pause', { runId: this.runId! }), 'paused')
  }

  async resume(): Promise<void> {
    if (this.runId != null) await this.call(() => this.api.invoke('runs:resume', { runId: this.runId! }), 'running')
  }

  async stop(): Promise<void> {
    if (this.runId != null) await this.call(() => this.api.invoke('runs:stop', { runId: this.runId! }), null)
  }

  reset(): void {
    if (this.active && this.runId != null) void this.api.invoke('runs:stop', { runId: this.runId }).catch(() => undefined)
    this.clear()
  }

  dispose(): void {
    this.unsubscribe()
  }

  private async call(f: () => Promise<unknown>, next: SessionStatus | null): Promise<void> {
    try {
      await f()
      if (next && this.active) this.status = next
    } catch (e) {
      this.error = (e as Error).message
    }
  }

  private clear(): void {
    this.status = 'idle'
    this.runId = null
    this.done = 0
    this.total = 0
    this.rate = 0
    this.etaSeconds = null
    this.reason = null
    this.error = null
    this.metrics = emptyMetrics()
    this.snapshot = null
    this.predictions = null
    this.history = []
    this.early = []
  }

  private receive(e: ProgressEvent): void {
    if (this.runId == null) {
      if (this.status === 'starting') this.early.push(e)
      return
    }
    if (e.runId !== this.runId) return
    this.status = e.status
    this.done = e.done
    this.total = e.total
    this.rate = e.rate
    this.etaSeconds = e.etaSeconds
    if (e.reason !== undefined) this.reason = e.reason
    if (e.predictions) this.predictions = e.predictions
    if (e.records.length) this.append(e.records)
  }

  private append(records: WireStepRecord[]): void {
    const m = this.metrics
    const next: Metrics = {
      step: m.step.slice(),
      loss: m.loss.slice(),
      lr: m.lr.slice(),
      trainAcc: m.trainAcc.slice(),
      testAcc: m.testAcc.slice()
    }
    let snapshot = this.snapshot
    const added: Snapshot[] = []
    for (const r of records) {
      next.step.push(r.step)
      next.loss.push(r.loss)
      next.lr.push(r.lr ?? NaN)
      next.trainAcc.push(r.trainAcc ?? NaN)
      next.testAcc.push(r.testAcc ?? NaN)
      if (r.params || r.confusion) {
        snapshot = {
          step: r.step,
          params: r.params ?? snapshot?.params ?? {},
          grads: r.grads ?? (r.params ? undefined : snapshot?.grads),
          confusion: r.confusion ?? snapshot?.confusion
        }
        if (r.params) added.push({ step: r.step, params: r.params, grads: r.grads })
      }
    }
    this.metrics = next
    this.snapshot = snapshot
    if (this.keepHistory && added.length) this.history = this.history.concat(added)
  }
}
