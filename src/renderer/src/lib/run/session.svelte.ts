// One lesson's training run as the renderer sees it: start it through the service (which saves it)
// or open a saved one, follow its 'run:progress' events, and accumulate the metrics columns and the
// latest snapshot that the lesson's Views draw. Pause/Resume/Step/Stop go to the service; Reset
// forgets the run locally.
import { describeError } from '../i18n/index.svelte'
import type { TrainConfig } from '../../../../shared/config'
import type { LabApi, Metrics, ProgressEvent, RunDetail, RunStatus, Snapshot, WireStepRecord } from '../../../../shared/api'
import { METRIC_COLUMNS, metricsSlice } from '../../../../shared/metrics'
import { totalSteps, type WeightChange } from '../../../../shared/kinds'
import { loadSavedRun } from './saved-run'
import { isLive } from '../../../../shared/status'
import type { Pace } from '../../../../shared/pace'

export type SessionStatus = RunStatus | 'idle' | 'starting'

export const emptyMetrics = (): Metrics => Object.fromEntries(METRIC_COLUMNS.map((k) => [k, []])) as unknown as Metrics

export class RunSession {
  status = $state<SessionStatus>('idle')
  runId = $state<number | null>(null)
  done = $state(0)
  total = $state(0)
  rate = $state(0)
  etaSeconds = $state<number | null>(null)
  /** Training time so far, pauses excluded (the whole run's duration once it is saved). */
  elapsedMs = $state<number | null>(null)
  reason = $state<string | null>(null)
  error = $state<string | null>(null)
  metrics = $state.raw<Metrics>(emptyMetrics())
  snapshot = $state.raw<Snapshot | null>(null)
  predictions = $state.raw<number[] | null>(null)
  /** Steps per second the next run starts at, and the run on screen trains at (null: full speed). */
  pace = $state<Pace>(null)
  /** Every parameter snapshot received, for small models' weight histories. */
  history = $state.raw<Snapshot[]>([])

  /** Events that arrived before the run's id was known or while its saved part was loading. */
  private early: ProgressEvent[] = []
  private loading = false
  private unsubscribe: () => void
  /** Keep history only for small models (gates, XOR): MNIST snapshots are large. */
  constructor(
    private readonly api: LabApi,
    private readonly keepHistory: boolean
  ) {
    this.unsubscribe = api.on('run:progress', (e) => this.receive(e))
  }

  get active(): boolean {
    return this.status === 'starting' || isLive(this.status)
  }

  /** Starts a run of `config`; `paused`: it waits at step 0 for Step or Resume. Answers its id. */
  async start(config: TrainConfig, paused = false): Promise<number | null> {
    return this.begin(totalSteps(config), paused, () => this.api.invoke('runs:start', { config, name: undefined, paused, pace: this.pace }))
  }

  /**
   * Sets a weight of the paused run on screen: that run ends where it holds, and its branch
   * (retraining up to there, then paused) takes the screen. Answers the branch's id; on a
   * refusal the run stays on screen, paused, with the reason.
   */
  async branch(edit: WeightChange): Promise<number | null> {
    const parent = this.runId
    if (parent == null || this.status !== 'paused') return null
    // it trains up to the edit before it holds: running until its paused event comes
    const runId = await this.begin(this.total, false, () => this.api.invoke('runs:branch', { runId: parent, edit }))
    if (runId != null) return runId
    const error = this.error
    await this.open(parent)
    this.error = error
    return null
  }

  /** A run the host starts (a new one, or a branch): its events are held until its id is known. */
  private async begin(total: number, paused: boolean, invoke: () => Promise<{ runId: number }>): Promise<number | null> {
    this.clear()
    this.status = 'starting'
    this.total = total
    try {
      const { runId } = await invoke()
      this.runId = runId
      if (this.status === 'starting') this.status = paused ? 'paused' : 'running'
      this.replayEarly(0)
      return runId
    } catch (e) {
      this.status = 'idle'
      this.error = describeError(e)
      return null
    }
  }

  /**
   * Shows saved run `runId` as it stands: finished, or still training (its progress is followed
   * from here on). Answers the run, or null when it could not be loaded or another one replaced it.
   */
  async open(runId: number): Promise<RunDetail | null> {
    this.clear()
    this.runId = runId
    this.loading = true
    try {
      const saved = await loadSavedRun(this.api, runId, this.keepHistory)
      if (this.runId !== runId) return null
      const { run, metrics } = saved
      this.status = run.status
      this.total = run.totalSteps
      this.done = metrics.step.at(-1) ?? 0
      this.elapsedMs = run.durationMs
      this.reason = run.reason
      this.predictions = run.predictions
      this.metrics = metrics
      this.snapshot = saved.snapshot
      this.history = saved.history
      this.loading = false
      const stored = this.done
      this.replayEarly(stored)
      // an event held back may be older than what was read from the store
      this.done = Math.max(this.done, stored)
      return run
    } catch (e) {
      if (this.runId === runId) {
        this.clear()
        this.error = describeError(e)
      }
      return null
    }
  }

  // Pause, Resume, Step and Stop only ask: the status, the step and the records shown change with
  // the run's progress events (a paused event carries the step the engine stopped at, with every
  // record up to it sent before), never with the reply, which may overtake them.

  /** One more epoch (iteration for MNIST) of a paused run. */
  async step(): Promise<void> {
    await this.call('runs:step')
  }

  async pause(): Promise<void> {
    await this.call('runs:pause')
  }

  async resume(): Promise<void> {
    await this.call('runs:resume')
  }

  async stop(): Promise<void> {
    await this.call('runs:stop')
  }

  /** A new speed: at once for the run training on screen, and for the runs started after. */
  async setPace(pace: Pace): Promise<void> {
    this.pace = pace
    if (this.runId == null || !isLive(this.status)) return
    try {
      await this.api.invoke('runs:pace', { runId: this.runId, pace })
    } catch (e) {
      this.error = (e as Error).message
    }
  }

  reset(): void {
    if (this.active && this.runId != null) void this.api.invoke('runs:stop', { runId: this.runId }).catch(() => undefined)
    this.clear()
  }

  dispose(): void {
    this.unsubscribe()
  }

  private async call(channel: 'runs:step' | 'runs:pause' | 'runs:resume' | 'runs:stop'): Promise<void> {
    if (this.runId == null) return
    try {
      await this.api.invoke(channel, { runId: this.runId })
    } catch (e) {
      this.error = describeError(e)
    }
  }

  private clear(): void {
    this.status = 'idle'
    this.runId = null
    this.done = 0
    this.total = 0
    this.rate = 0
    this.etaSeconds = null
    this.elapsedMs = null
    this.reason = null
    this.error = null
    this.metrics = emptyMetrics()
    this.snapshot = null
    this.predictions = null
    this.history = []
    this.early = []
    this.loading = false
  }

  /** Applies the events held back, without the records already saved up to step `after`. */
  private replayEarly(after: number): void {
    const early = this.early.filter((e) => e.runId === this.runId)
    this.early = []
    for (const e of early) this.receive({ ...e, records: e.records.filter((r) => r.step > after) })
  }

  private receive(e: ProgressEvent): void {
    if (this.runId == null || this.loading) {
      if (this.status === 'starting' || this.loading) this.early.push(e)
      return
    }
    if (e.runId !== this.runId) return
    this.status = e.status
    this.done = e.done
    this.total = e.total
    this.rate = e.rate
    this.etaSeconds = e.etaSeconds
    this.elapsedMs = e.elapsedMs
    if (e.reason !== undefined) this.reason = e.reason
    if (e.predictions) this.predictions = e.predictions
    if (e.records.length) this.append(e.records)
  }

  private append(records: WireStepRecord[]): void {
    const next = metricsSlice(this.metrics)
    let snapshot = this.snapshot
    const added: Snapshot[] = []
    for (const r of records) {
      // a record names its values as the columns do; a step without one has NaN
      for (const k of METRIC_COLUMNS) next[k].push(r[k] ?? NaN)
      if (r.params || r.confusion) {
        snapshot = {
          step: r.step,
          params: r.params ?? snapshot?.params ?? {},
          grads: r.grads ?? (r.params ? undefined : snapshot?.grads),
          confusion: r.confusion ?? snapshot?.confusion,
          change: r.change ?? (r.params ? undefined : snapshot?.change)
        }
        if (r.params) added.push({ step: r.step, params: r.params, grads: r.grads })
      }
    }
    this.metrics = next
    this.snapshot = snapshot
    if (this.keepHistory && added.length) this.history = this.history.concat(added)
  }
}
