// One training run's life, the same for every front (the app and the browser host through
// LabService, and `lab train`): the run is created and owned here (OwnedRun), its records are
// stored as they arrive, live progress is kept (ProgressTracker) where someone listens, the
// trainer is driven through a Driver (an engine process for the hosts, a runner in this process
// for `lab`), a storage error ends it as failed, and it is ended exactly once.
import type { StepRecord } from '../../engine/types'
import type { ProgressEvent } from '../../shared/api'
import type { Pace } from '../../shared/pace'
import type { TrainConfig } from '../../shared/config'
import { defaultName, totalSteps } from '../../shared/kinds'
import type { EngineRun, EngineRunHandlers } from '../engine-host/engine-host'
import { ProgressTracker } from '../progress'
import type { RunStore } from '../store/run-store'
import { OwnedRun, storageFailureReason, type EndStatus } from './owned-run'
import { storageProblem } from './storage-problem'

/** The controls of whatever trains the run, an engine process's or in-process (the same as EngineRun); it reports through EngineRunHandlers. */
export type Driver = EngineRun

/** Starts the trainer of `config`: `EngineHost.start` (an engine process), or `inProcess` (src/services/lifecycle/in-process.ts). */
export type StartDriver = (config: TrainConfig, on: EngineRunHandlers, opts: { paused: boolean; pace: Pace }) => Driver

/** How a run ended, as stored. `storageProblem` is set when the database refused a write. */
export interface RunEnd {
  status: EndStatus
  reason: string | null
  predictions?: number[]
  storageProblem: string | null
}

export interface TrainingOptions {
  /** Its name in the library; the kind's default name when absent. */
  name?: string
  /** Created paused at step 0 (a branch: at the step it retrains up to), to be stepped from there. */
  paused?: boolean
  /**
   * The run it branches from (RunStore's parent). A branch started paused first retrains up to
   * where it holds (Trainer.holdAt), and reads `running` until it holds.
   */
  parentId?: number
  /** Steps per second (null or absent: full speed), kept by the trainer (src/shared/pace.ts). */
  pace?: Pace
  /** Live progress events (the hosts). */
  progress?: (e: ProgressEvent) => void
  /** Each batch, once stored (`lab` prints it). */
  kept?: (records: StepRecord[], done: number) => void
  /** Called once, when the run has ended and is stored so. */
  ended?: (end: RunEnd) => void
}

/** The run could not even be created: the database refused it (the words say why). */
export class RunNotCreated extends Error {}

export class TrainingRun {
  /** The stored run's id; null when it is not stored (`lab --no-save`). */
  readonly id: number | null
  readonly name: string
  private readonly owned: OwnedRun | null
  private readonly progress: ProgressTracker | null
  private readonly driver: Driver
  /**
   * Paused, or asked to pause: Step is allowed. The host's one record of it (the trainer holds its
   * own across the process boundary). A Resume sent before the engine's `paused` answer arrived
   * has already set the engine going again, so that answer is then ignored.
   */
  private held: boolean
  /** The step the trainer holds at, once it has said so; null while it runs or is still pausing. */
  private holding: number | null = null
  private pace: Pace
  private ended = false

  constructor(
    store: RunStore | null,
    readonly config: TrainConfig,
    start: StartDriver,
    private readonly opts: TrainingOptions = {}
  ) {
    const paused = opts.paused ?? false
    const shownPaused = paused && opts.parentId === undefined
    const pace = opts.pace ?? null
    this.pace = pace
    const total = totalSteps(config)
    this.name = opts.name ?? defaultName(config)
    this.held = paused
    try {
      this.owned = store
        ? new OwnedRun(store, { config, name: this.name, totalSteps: total, status: shownPaused ? 'paused' : 'running', parentId: opts.parentId }, (problem) =>
            this.storageFailed(problem)
          )
        : null
    } catch (e) {
      throw new RunNotCreated(storageProblem(e))
    }
    this.id = this.owned?.id ?? null
    this.progress = opts.progress && this.id !== null ? new ProgressTracker(this.id, config.kind, total, opts.progress, { paused: shownPaused, pace }) : null
    try {
      this.driver = start(config, this.handlers, { paused, pace })
    } catch (e) {
      this.owned?.finish('failed', `the engine process could not be started: ${(e as Error).message}`)
      throw e
    }
  }

  get paused(): boolean {
    return this.held
  }

  /** The step a paused run holds at (every record up to it stored); null while it trains or is still pausing. */
  get pausedAt(): number | null {
    return this.holding
  }

  /** Its speed, as last set. */
  get speed(): Pace {
    return this.pace
  }

  /** Takes effect between two steps: the driver answers with the step it holds at. */
  pause(): void {
    this.held = true
    this.driver.pause()
  }

  resume(): void {
    if (!this.held) return
    this.held = false
    this.holding = null
    this.driver.resume()
    if (this.owned?.setStatus('running') ?? true) this.progress?.resumed()
  }

  /** One step of a paused run; false (nothing done) while it runs. */
  step(): boolean {
    if (!this.held) return false
    this.holding = null
    this.driver.step()
    return true
  }

  /** A new speed, at once (running or paused). */
  setPace(pace: Pace): void {
    this.pace = pace
    this.driver.setPace(pace)
    this.progress?.setPace(pace)
  }

  /** Asks the trainer to stop after its current step; it ends `stopped`. */
  stop(): void {
    this.driver.stop()
  }

  /** Ends the run here (host shutdown), stored with this status; the trainer is stopped. */
  end(status: EndStatus, reason: string | null, predictions?: number[]): void {
    this.finish(status, reason, predictions, null)
  }

  private readonly handlers: EngineRunHandlers = {
    records: (records, done, shown) => {
      // a run already ended here (host shutdown, storage error) may still have records in the pipe
      if (this.ended || !(this.owned?.append(records) ?? true)) return false
      this.progress?.add(records, done, shown)
      this.opts.kept?.(records, done)
      return true
    },
    paused: (done) => {
      if (!this.held || this.ended || !(this.owned?.setStatus('paused') ?? true)) return
      this.holding = done
      this.progress?.paused(done)
    },
    finished: (status, reason, predictions) => this.finish(status, reason ?? null, predictions, null)
  }

  /** The database refused a write: the run fails with the reason, the trainer is ended, the host carries on. */
  private storageFailed(problem: string): void {
    this.finish('failed', storageFailureReason(problem), undefined, problem)
    this.driver.abort()
  }

  private finish(status: EndStatus, reason: string | null, predictions: number[] | undefined, problem: string | null): void {
    if (this.ended) return
    this.ended = true
    this.owned?.finish(status, reason, predictions)
    this.progress?.finish(status, reason, predictions)
    if (status === 'stopped') this.driver.stop()
    this.opts.ended?.({ status, reason, predictions, storageProblem: problem })
  }
}
