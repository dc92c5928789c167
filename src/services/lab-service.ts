// LabService: every LabApi channel, the same behind Electron's IPC, the browser host's
// WebSocket and the CLI. Payloads are validated whole before anything happens; training runs
// in engine processes (SimpleNet in-process), and their records land in SQLite as they arrive.
import type { StepRecord } from '../engine/types'
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
import { ProgressTracker } from './progress'
import { exportRunFile, importRunFile } from './runfile'
import { simpleNetRecords } from './simplenet-run'
import { HEARTBEAT_MS } from './store/liveness'
import type { RunStore } from './store/run-store'
import { totalSteps } from '../shared/total-steps'

export interface LabServiceDeps {
  store: RunStore
  engine: EngineHost
  /** The first `count` MNIST test digits as bytes (src/services/mnist/samples.ts reads them). */
  mnistSamples(count: number): MnistSamples
}

interface Active {
  run: EngineRun
  progress: ProgressTracker
}

type Handlers = { [C in Channel]: (req: Request<C>) => Responses[C] | Promise<Responses[C]> }

export class LabService {
  private readonly store: RunStore
  private readonly engine: EngineHost
  private readonly active = new Map<number, Active>()
  private readonly events = new Emitters<Events>()
  private readonly heartbeat: ReturnType<typeof setInterval>

  constructor(private readonly deps: LabServiceDeps) {
    this.store = deps.store
    this.engine = deps.engine
    this.heartbeat = setInterval(() => this.store.heartbeat([...this.active.keys()]), HEARTBEAT_MS)
    this.heartbeat.unref()
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
    clearInterval(this.heartbeat)
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

  startRun(config: RunConfig, name?: string): number {
    if (config.kind === 'simplenet') {
      const { records, predictions } = simpleNetRecords(config)
      const total = totalSteps(config)
      const runId = this.store.createRun({ config, name, totalSteps: total })
      this.store.append(runId, records)
      this.store.finish(runId, 'done', null, predictions)
      // one event, like any run's last, so views listening for progress need no special case
      const progress = new ProgressTracker(runId, 'simplenet', total, (e) => this.emit('run:progress', e))
      progress.add(records)
      progress.finish('done', null, predictions)
      return runId
    }
    return this.startTraining(config, name)
  }

  private startTraining(config: TrainConfig, name?: string): number {
    const total = totalSteps(config)
    const runId = this.store.createRun({ config, name, totalSteps: total })
    const progress = new ProgressTracker(runId, config.kind, total, (e) => this.emit('run:progress', e))
    const f32 = config.kind === 'mnist'
    const run = this.engine.start(config, {
      records: (records: StepRecord[]) => {
        // a run already ended here (host shutdown) may still have records in the pipe
        if (!this.active.has(runId)) return
        this.store.append(runId, records, f32)
        progress.add(records)
      },
      finished: (status, reason, predictions) => this.finishRun(runId, status, reason, predictions)
    })
    this.active.set(runId, { run, progress })
    return runId
  }

  private finishRun(runId: number, status: 'done' | 'stopped' | 'failed' | 'interrupted', reason?: string, predictions?: number[]): void {
    const a = this.active.get(runId)
    if (!a) return
    this.active.delete(runId)
    this.store.finish(runId, status, reason ?? null, predictions)
    a.progress.finish(status, reason ?? null, predictions)
    if (status === 'stopped') a.run.stop()
  }

  /** Pause or resume a run this service is training; the store and the renderer follow. */
  private hold(runId: number, paused: boolean): null {
    const a = this.training(runId)
    if (paused) a.run.pause()
    else a.run.resume()
    const status = paused ? 'paused' : 'running'
    this.store.setStatus(runId, status)
    a.progress.setStatus(status)
    return null
  }

  private readonly handlers: Handlers = {
    'runs:start': ({ config, name }) => ({ runId: this.startRun(config, name) }),
    'runs:pause': ({ runId }) => this.hold(runId, true),
    'runs:resume': ({ runId }) => this.hold(runId, false),
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
      // 5,000 MNIST snapshots would be ~200M numbers: its views ask for one snapshot at a time
      if (kind === 'mnist') {
        throw new ApiFailure('invalid', `run ${runId} is an MNIST run: weight history is for gate, XOR and SimpleNet runs only`)
      }
      return this.store
        .paramsHistory(runId, upTo ?? Number.MAX_SAFE_INTEGER, HISTORY_LIMIT)
        .map((s) => ({ step: s.step, params: toWireParams(s.params) }))
    },
    'export:runCsv': ({ runId }) => runCsv(this.store, runId),
    'export:weightsCsv': ({ runId, step }) => weightsCsv(this.store, runId, step),
    'export:runsCsv': ({ runIds }) => runsCsv(this.store, runIds),
    'export:runFile': ({ runId }) => exportRunFile(this.store, runId),
    'import:runFile': ({ content }) => ({ runId: importRunFile(this.store, content) }),
    'mnist:samples': ({ count }) => this.deps.mnistSamples(count),
    'files:save': () => {
      throw new ApiFailure('invalid', 'saving files is not supported here: the browser downloads the file instead')
    }
  }
}
