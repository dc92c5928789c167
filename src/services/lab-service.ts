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
import { ApiFailure, noSuchRun } from './errors'
import type { EngineHost } from './engine-host/engine-host'
import { knownStorageProblem, storageProblem, storageProblemOf } from './lifecycle/storage-problem'
import { RunNotCreated, TrainingRun } from './lifecycle/training-run'
import { ProgressTracker } from './progress'
import { notebookExport } from './notebook'
import { exportRunFile, importRunText } from './runfile'
import { storeComputedRun } from './simplenet-run'
import { HEARTBEAT_MS } from './store/liveness'
import { RunBusyError, type RunStore } from './store/run-store'
import { kindOf, totalSteps } from '../shared/kinds'
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
  /** The MNIST training digits at these indices (samples.ts readTrainDigits); absent where no data set is served. */
  mnistTrainDigits?(indices: number[]): MnistSamples
}

type Handlers = { [C in Channel]: (req: Request<C>) => Responses[C] | Promise<Responses[C]> }

export class LabService {
  private readonly store: RunStore
  private readonly engine: EngineHost
  private readonly active = new Map<number, TrainingRun>()
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
      if (e instanceof ApiFailure) return { ok: false, error: { code: e.code, message: e.message, ...(e.problem ? { problem: e.problem } : {}) } }
      if (e instanceof RunBusyError) return { ok: false, error: { code: 'busy', message: e.message } }
      // a full disk or a read-only database reads like every storage failure, not as SQLite's own words
      const storage = storageProblemOf(e)
      return { ok: false, error: { code: 'internal', message: knownStorageProblem(e) ?? (e as Error).message, ...(storage ? { problem: storage } : {}) } }
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
    for (const run of [...this.active.values()]) run.end('stopped', 'the host was shut down')
    this.engine.killAll()
  }

  private exists(runId: number): void {
    if (!this.store.hasRun(runId)) throw noSuchRun(runId)
  }

  private training(runId: number): TrainingRun {
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
    const list = [...this.active].map(([id, a]) => `run ${id} (${a.name}${a.paused ? ', paused' : ''})`).join(' and ')
    throw new ApiFailure(
      'busy',
      `at most ${MAX_TRAINING_RUNS} runs can train at once, and ${list} are training: stop one (or let it finish) to start another`
    )
  }

  private startTraining(config: TrainConfig, name: string | undefined, paused: boolean, pace: Pace, parentId?: number): number {
    this.refuseOverCapacity()
    let run: TrainingRun
    try {
      run = new TrainingRun(this.store, config, (c, on, opts) => this.engine.start(c, on, opts), {
        name,
        paused,
        pace,
        parentId,
        progress: (e) => this.emit('run:progress', e),
        ended: () => this.active.delete(run.id!)
      })
    } catch (e) {
      if (e instanceof RunNotCreated) throw new ApiFailure('internal', `the run could not be saved: ${e.message}`)
      throw e
    }
    this.active.set(run.id!, run)
    return run.id!
  }

  /**
   * The paused run ends where it holds and its branch starts there, paused, with the weight set:
   * it retrains the parent's steps (the same seed, hence the same weights) and holds at the edit.
   */
  private branch(runId: number, edit: Request<'runs:branch'>['edit']): number {
    const parent = this.training(runId)
    const at = parent.pausedAt
    if (at === null) throw new ApiFailure('invalid', `run ${runId} is not paused: pause it, then edit its weights`)
    const kind = kindOf(parent.config.kind)
    if (!kind.branch) throw new ApiFailure('invalid', `a ${kind.kind} run's weights are not edited by hand`)
    // the kind's parser names what is wrong with the entry (a weight the network does not have, a value out of range)
    const config = kind.parse(kind.branch(parent.config, edit, at), 'edit') as TrainConfig
    parent.end('stopped', null)
    return this.startTraining(config, undefined, true, parent.speed, runId)
  }

  private readonly handlers: Handlers = {
    'runs:start': ({ config, name, paused, pace }) => ({ runId: this.startRun(config, name, paused ?? false, pace ?? null) }),
    'runs:pace': ({ runId, pace }) => {
      this.training(runId).setPace(pace)
      return null
    },
    /** Pausing takes effect between two steps: the engine answers with the step it holds at, and the paused event carries it. */
    'runs:pause': ({ runId }) => {
      this.training(runId).pause()
      return null
    },
    'runs:resume': ({ runId }) => {
      this.training(runId).resume()
      return null
    },
    'runs:step': ({ runId }) => {
      if (!this.training(runId).step()) throw new ApiFailure('invalid', `run ${runId} is running: pause it first, then step it`)
      return null
    },
    'runs:stop': ({ runId }) => {
      this.training(runId).stop()
      return null
    },
    'runs:branch': ({ runId, edit }) => ({ runId: this.branch(runId, edit) }),
    'runs:list': (filter) => this.store.listRuns(filter ?? {}),
    'runs:get': ({ runId }) => {
      const run = this.store.getRun(runId)
      if (!run) throw noSuchRun(runId)
      return run
    },
    'runs:delete': ({ runId }) => {
      // the store refuses a run still training, in this process or another one
      if (!this.store.delete(runId)) throw noSuchRun(runId)
      return null
    },
    'runs:rename': ({ runId, name }) => {
      if (!this.store.rename(runId, name)) throw noSuchRun(runId)
      return null
    },
    'runs:setNote': ({ runId, note }) => {
      if (!this.store.setNote(runId, note)) throw noSuchRun(runId)
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
      if (!kind) throw noSuchRun(runId)
      // a large model's snapshots (MNIST: 5,000 of ~50k numbers) are asked for one at a time
      if (!kindOf(kind).history) {
        throw new ApiFailure('invalid', `run ${runId} is a ${kind} run: its snapshots are too large for a weight history; ask for them one at a time (runs:snapshot)`)
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
    'app:info': () => ({ database: this.store.file }),
    'mnist:trainDigits': ({ indices }) => {
      if (!this.deps.mnistTrainDigits) throw new ApiFailure('not-found', 'this host serves no MNIST training digits')
      return this.deps.mnistTrainDigits(indices)
    },
    'files:save': () => {
      throw new ApiFailure('invalid', 'saving files is not supported here: the browser downloads the file instead')
    }
  }
}
