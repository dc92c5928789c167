// EngineHost: one engine process per run, spawned through an injected function (Node's fork
// here, Electron's utilityProcess in src/main). A process that dies before saying `finished`
// leaves its run `interrupted`; the host itself carries on. Each records batch is acknowledged
// once the handler has kept it, which is what lets the engine take further steps.
import type { StepRecord } from '../../engine/types'
import type { TrainConfig } from '../../shared/config'
import type { Pace } from '../../shared/pace'
import type { EngineMessage, FinishStatus, HostMessage } from '../engine-process/messages'

export interface ExitInfo {
  code: number | null
  signal: string | null
  /** Electron's child-process-gone reason, when known. */
  reason?: string
}

export interface EngineChild {
  /** The OS process id, where the spawner knows it. */
  readonly pid?: number
  post(msg: HostMessage): void
  onMessage(cb: (msg: EngineMessage) => void): void
  onExit(cb: (info: ExitInfo) => void): void
  kill(): void
}

export type Spawn = () => EngineChild

export interface EngineRunHandlers {
  /**
   * Keep the records; return false when they could not be kept (the batch is then not acknowledged).
   * `shown`: steps taken at a watchable pace off the log interval, to show and not to keep.
   */
  records(records: StepRecord[], done: number, shown?: StepRecord[]): boolean
  /** The engine holds at step `done`, every record up to it delivered. */
  paused(done: number): void
  finished(status: FinishStatus | 'interrupted', reason?: string, predictions?: number[]): void
}

export interface EngineRun {
  pause(): void
  resume(): void
  step(): void
  /** Steps per second from now on (null: full speed). */
  setPace(pace: Pace): void
  stop(): void
  /** Ends the engine process at once; nothing more is reported. */
  abort(): void
}

/**
 * How long a stop may wait for the engine to end its current step: a slice is 20 ms and the
 * slowest step allowed (a numerical MNIST iteration) well under this. Past it the process is
 * ended and the run keeps the steps already stored.
 */
export const STOP_GRACE_MS = 750

export class EngineHost {
  private readonly live = new Set<EngineChild>()

  constructor(private readonly spawn: Spawn) {}

  start(config: TrainConfig, on: EngineRunHandlers, opts: { paused?: boolean; pace?: Pace } = {}): EngineRun {
    const child = this.spawn()
    this.live.add(child)
    let ended = false
    const end = (status: FinishStatus | 'interrupted', reason?: string, predictions?: number[]): void => {
      if (ended) return
      ended = true
      this.live.delete(child)
      on.finished(status, reason, predictions)
    }
    child.onMessage((msg) => {
      if (ended) return
      switch (msg.type) {
        case 'records':
          if (on.records(msg.records, msg.done, msg.shown)) child.post({ type: 'ack', done: msg.done })
          return
        case 'paused':
          return on.paused(msg.done)
        case 'finished':
          end(msg.status, msg.reason, msg.predictions)
          child.kill()
      }
    })
    child.onExit((info) => {
      const how = info.reason ?? (info.signal ? `signal ${info.signal}` : `exit code ${info.code}`)
      end('interrupted', `The engine process ended unexpectedly (${how}); the steps received until then are kept.`)
    })
    child.post({ type: 'start', config, paused: opts.paused ?? false, pace: opts.pace ?? null })
    return {
      pause: () => !ended && child.post({ type: 'pause' }),
      resume: () => !ended && child.post({ type: 'resume' }),
      step: () => !ended && child.post({ type: 'step' }),
      setPace: (pace) => !ended && child.post({ type: 'pace', pace }),
      stop: () => {
        if (ended) return
        child.post({ type: 'stop' })
        setTimeout(() => {
          if (ended) return
          child.kill()
          end('stopped', 'stopped by the user (the engine did not answer in time and was ended)')
        }, STOP_GRACE_MS).unref()
      },
      abort: () => {
        if (ended) return
        ended = true
        this.live.delete(child)
        child.kill()
      }
    }
  }

  /** Ends every engine process (host shutdown). */
  killAll(): void {
    for (const c of this.live) c.kill()
  }
}
