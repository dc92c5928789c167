// LabService: every LabApi channel, the same behind Electron's IPC, the browser host's
// WebSocket and the CLI. Payloads are validated whole before anything happens; training runs
// in engine processes (SimpleNet in-process), and their records land in SQLite as they arrive.
import type { RunConfig, TrainConfig } from '../shared/config'
import {
  HISTORY_LIMIT,
  isChannel,
  requests,
  type Channel,
  type Envelope,
  type EventName,
  type Events,
  type ExportFile,
  type MnistSamples,
  type Request,
  type Responses
} from '../shared/api'
import { Emitters } from '../shared/emitter'
import { ValidationError } from '../shared/schema'
import { toWireParams } from '../shared/wire'
import { allRunsCsv, runCsv, runsCsv, weightsCsv } from './csv-exports'
import { ApiFailure } from './errors'
import type { EngineHost, EngineRun } from './engine-host/engine-host'
import { OwnedRun, storageFailureReason, type EndStatus } from './lifecycle/owned-run'
import { storageProblem } from './lifecycle/storage-problem'
import { ProgressTracker } from './progress'
import { notebookExport } from './notebook'
import { exportRunFile, importRunText } from './runfile'
import { storeComputedRun } from './simplenet-run'
import { HEARTBEAT_MS } from './store/liveness'
import { RunBusyError, type RunStore } from './store/run-store'
import { allKinds, defaultName, kindOf, totalSteps } from '../shared/kinds'
import type { Pace } from '../shared/pace'

/**
 * At most this many runs train at once in one host (paused ones count: they keep their engine
 * process). Each engine process takes about 100 MB and keeps a core busy; past two, on the
 * two-core machines this is built for, every run only gets slower and the host itself answers
 * late (Stop included).
 */
export const MAX_TRAINING_RUNS = 2

export interface LabServiceDeps {
  store: RunStore
  engine: EngineHost
  /** The first `count` MNIST test digits as bytes (src/services/mnist/samples.ts reads them). */
  mnistSamples(count: number): MnistSamples
}

interface Active {
  name: string
  owned: OwnedRun
  run: EngineRun
  progress: ProgressTracker
  /** Paused (or asked to pause): Step is allowed. */
  held: boolean
}

type Handlers = { [C in Channel]: (req: Request<C>) => Responses[C] | Promise<Responses[C]> }

export class LabService {
  private readonly store: RunStore
  private readonly engine: EngineHost
  private readonly active = new Map<number, Active>()
  private readonly events = new Emitters<Events>()
  /** Runs whose owner is gone (another process killed) are written `interrupted` on this cadence. */
  private readonly reconciler: ReturnType<typeof setInterval>

  constructor(private readonly deps: LabServiceDeps) {
    this.store = deps.store
    this.engine = deps.engine
    this.reconciler = setInterval(() => {
      try {
        this.store.reconcile()
      } catch {
        // a busy or full database: reads already show such runs interrupted; try again next time
      }
    }, HEARTBEAT_MS)
    this.reconciler.unref()
  }

  /** Set when the database file was unusable and moved aside on open. */
  get notice(): string | null {
    return this.store.notice
  }

  on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void {
    return this.events.on(event, listener)
  }

  private emit<E extends EventName>(event: E, payload: Events[E]): void {
    this.events.fire(event, payload)
  }

  async handle<C extends Channel>(channel: C, payload: unknown): Promise<Envelope<Responses[C]>> {
    if (!isChannel(channel)) return { ok: false, error: { code: 'invalid', message: `unknown channel ${JSON.stringify(channel)}` } }
    try {
      const req = (requests[channel] as (v: unknown, field: string) => Request<C>)(payload, '')
      const value = await (this.handlers[channel] as (r: Request<C>) => Responses[C] | Promise<Responses[C]>)(req)
      return { ok: true, value }
    } catch (e) {
      if (e instanceof ValidationError) return { ok: false, error: { code: 'invalid', message: e.message } }
      if (e instanceof ApiFailure) return { ok: false, error: { code: e.code, message: e.message } }
      if (e instanceof RunBusyError) return { ok: false, error: { code: 'busy', message: e.message } }
      return { ok: false, error: { code: 'internal', message: (e as Error).message } }
    }
  }

  /**
   * Every run as one long-format CSV under one header (File > Export All Runs). Not a LabApi
   * channel: export:runsCsv takes at most 100 runs, and chunks of it would carry different
   * configuration columns for different kinds.
   */
  allRunsCsv(): ExportFile {
    return allRunsCsv(this.store)
  }

  /** Stop every run (host shutdown): they are saved as `stopped`. */
  close(): void {
    clearInterval(this.reconciler)
    for (const id of [...this.active.keys()]) this.finishRun(id, 'stopped', 'the host was shut down')
    this.engine.killAll()
  }

  private exists(runId: number): void {
    if (!this.store.hasRun(runId)) throw new ApiFailure('not-found', `there is no run ${runId}`)
  }

  private training(runId: number): Active {
    const a = this.active.get(runId)
    if (a) return a
    this.exists(runId)
    throw new ApiFailure('not-found', `run ${runId} is not training`)
  }

  startRun(config: RunConfig, name?: string, paused = false, pace: Pace = null): number {
    if (kindOf(config.kind).run === 'computed') {
      let stored
      try {
        stored = storeComputedRun(this.store, config, name)
      } catch (e) {
        throw new ApiFailure('internal', `the run could not be saved: ${storageProblem(e)}`)
      }
      // one event, like any run's last, so views listening for progress need no special case
      const progress = new ProgressTracker(stored.runId, config.kind, totalSteps(config), (e) => this.emit('run:progress', e))
      progress.add(stored.records)
      progress.finish('done', null, stored.predictions)
      return stored.runId
    }
    return this.startTraining(config as TrainConfig, name, paused, pace)
  }

  private refuseOverCapacity(): void {
    if (this.active.size < MAX_TRAINING_RUNS) return
    const list = [...this.active].map(([id, a]) => `run ${id} (${a.name}${a.held ? ', paused' : ''})`).join(' and ')
    throw new ApiFailure(
      'busy',
      `at most ${MAX_TRAINING_RUNS} runs can train at once, and ${list} are training: stop one (or let it finish) to start another`
    )
  }

  private startTraining(config: TrainConfig, name: string | undefined, paused: boolean, pace: Pace): number {
    this.refuseOverCapacity()
    const total = totalSteps(config)
    const displayName = name ?? defaultName(config)
    let runId = 0
    let owned: OwnedRun
    try {
      owned = new OwnedRun(this.store, { config, name: displayName, totalSteps: total, status: paused ? 'paused' : 'running' }, (problem) =>
        this.storageFailed(runId, problem)
      )
    } catch (e) {
      throw new ApiFailure('internal', `the run could not be saved: ${storageProblem(e)}`)
    }
    runId = owned.id
    const progress = new ProgressTracker(runId, config.kind, total, (e) => this.emit('run:progress', e), { paused, pace })
    let run: EngineRun
    try {
      run = this.startEngine(runId, config, owned, progress, { paused, pace })
    } catch (e) {
      owned.finish('failed', `the engine process could not be started: ${(e as Error).message}`)
      throw e
    }
    this.active.set(runId, { name: displayName, owned, run, progress, held: paused })
    return runId
  }

  private startEngine(
    runId: number,
    config: TrainConfig,
    owned: OwnedRun,
    progress: ProgressTracker,
    opts: { paused: boolean; pace: Pace }
  ): EngineRun {
    return this.engine.start(
      config,
      {
        records: (records, done, shown) => {
          // a run already ended here (host shutdown, storage error) may still have records in the pipe
          if (!this.active.has(runId) || !owned.append(records)) return false
          progress.add(records, done, shown)
          return true
        },
        paused: (done) => {
          // a Resume sent before this arrived has already set the engine going again
          if (!this.active.get(runId)?.held || !owned.setStatus('paused')) return
          progress.paused(done)
        },
        finished: (status, reason, predictions) => this.finishRun(runId, status, reason, predictions)
      },
      opts
    )
  }

  /** The database refused a write: the engine is ended, the run fails with the reason, the host carries on. */
  private storageFailed(runId: number, problem: string): void {
    const a = this.active.get(runId)
    if (!a) return
    a.run.abort()
    this.finishRun(runId, 'failed', storageFailureReason(problem))
  }

  private finishRun(runId: number, status: EndStatus, reason?: string, predictions?: number[]): void {
    const a = this.active.get(runId)
    if (!a) return
    this.active.delete(runId)
    a.owned.finish(status, reason ?? null, predictions)
    a.progress.finish(status, reason ?? null, predictions)
    if (status === 'stopped') a.run.stop()
  }

  /** Pausing takes effect between two steps: the engine answers with the step it holds at, and the paused event carries it. */
  private pause(runId: number): null {
    const a = this.training(runId)
    a.held = true
    a.run.pause()
    return null
  }

  private resume(runId: number): null {
    const a = this.training(runId)
    if (!a.held) return null
    a.held = false
    a.run.resume()
    if (a.owned.setStatus('running')) a.progress.resumed()
    return null
  }

  private step(runId: number): null {
    const a = this.training(runId)
    if (!a.held) throw new ApiFailure('invalid', `run ${runId} is running: pause it first, then step it`)
    a.run.step()
    return null
  }

  private setPace(runId: number, pace: Pace): null {
    const a = this.training(runId)
    a.run.setPace(pace)
    a.progress.setPace(pace)
    return null
  }

  private readonly handlers: Handlers = {
    'runs:start': ({ config, name, paused, pace }) => ({ runId: this.startRun(config, name, paused ?? false, pace ?? null) }),
    'runs:pace': ({ runId, pace }) => this.setPace(runId, pace),
    'runs:pause': ({ runId }) => this.pause(runId),
    'runs:resume': ({ runId }) => this.resume(runId),
    'runs:step': ({ runId }) => this.step(runId),
    'runs:stop': ({ runId }) => {
      this.training(runId).run.stop()
      return null
    },
    'runs:list': (filter) => this.store.listRuns(filter ?? {}),
    'runs:get': ({ runId }) => {
      const run = this.store.getRun(runId)
      if (!run) throw new ApiFailure('not-found', `there is no run ${runId}`)
      return run
    },
    'runs:delete': ({ runId }) => {
      // the store refuses a run still training, in this process or another one
      if (!this.store.delete(runId)) throw new ApiFailure('not-found', `there is no run ${runId}`)
      return null
    },
    'runs:rename': ({ runId, name }) => {
      if (!this.store.rename(runId, name)) throw new ApiFailure('not-found', `there is no run ${runId}`)
      return null
    },
    'runs:setNote': ({ runId, note }) => {
      if (!this.store.setNote(runId, note)) throw new ApiFailure('not-found', `there is no run ${runId}`)
      return null
    },
    'runs:metrics': ({ runId }) => {
      this.exists(runId)
      return this.store.metrics(runId)
    },
    'runs:snapshot': ({ runId, step }) => {
      this.exists(runId)
      const s = this.store.snapshot(runId, step)
      if (!s || !s.params) return null
      return {
        step: s.step,
        params: toWireParams(s.params),
        ...(s.grads ? { grads: toWireParams(s.grads) } : {}),
        ...(s.confusion ? { confusion: s.confusion } : {})
      }
    },
    'runs:history': ({ runId, upTo }) => {
      const kind = this.store.runKind(runId)
      if (!kind) throw new ApiFailure('not-found', `there is no run ${runId}`)
      // a large model's snapshots (MNIST: 5,000 of ~50k numbers) are asked for one at a time
      if (!kindOf(kind).history) {
        const small = allKinds().filter((k) => k.history).map((k) => k.kind)
        throw new ApiFailure('invalid', `run ${runId} is a ${kind} run: weight history is for ${small.slice(0, -1).join(', ')} and ${small.at(-1)} runs only`)
      }
      return this.store
        .paramsHistory(runId, upTo ?? Number.MAX_SAFE_INTEGER, HISTORY_LIMIT)
        .map((s) => ({ step: s.step, params: toWireParams(s.params) }))
    },
    'export:runCsv': ({ runId }) => runCsv(this.store, runId),
    'export:weightsCsv': ({ runId, step }) => weightsCsv(this.store, runId, step),
    'export:runsCsv': ({ runIds }) => runsCsv(this.store, runIds),
    'export:runFile': ({ runId }) => exportRunFile(this.store, runId),
    'import:runFile': ({ content, filename }) => importRunText(this.store, content, filename ?? null),
    'export:notebook': ({ runId, language, withMnist }) => notebookExport(this.store, runId, language, withMnist),
    'mnist:samples': ({ count }) => this.deps.mnistSamples(count),
    'files:save': () => {
      throw new ApiFailure('invalid', 'saving files is not supported here: the browser downloads the file instead')
    }
  }
}
