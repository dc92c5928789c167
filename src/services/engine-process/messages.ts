// What the host and the engine process say to each other. Records keep their Float64Arrays:
// both Node's `fork` (serialization 'advanced') and Electron's utility process clone typed arrays.
// Every records batch is acknowledged by the host once it is stored ('ack' with the batch's
// `done`): the engine does not run more than one batch ahead of what the host has kept. An
// engine says something at least every HEARTBEAT_MS (a heartbeat when it has nothing else to
// say, paused or waiting for an ack), so the host takes one silent for ENGINE_SILENCE_MS as hung.
import type { StepRecord } from '../../engine/types'
import type { TrainConfig } from '../../shared/config'
import type { Pace } from '../../shared/pace'

export type HostMessage =
  | { type: 'start'; config: TrainConfig; paused?: boolean; pace?: Pace }
  /** Steps per second from now on (null: full speed). */
  | { type: 'pace'; pace: Pace }
  | { type: 'pause' }
  | { type: 'resume' }
  | { type: 'step' }
  | { type: 'stop' }
  | { type: 'ack'; done: number }

/** How often an engine process that has sent nothing else says it is alive. */
export const HEARTBEAT_MS = 500

/**
 * How long the host waits without a single message before it ends an engine as hung (SIGKILL).
 * Twenty heartbeats: a step is far shorter (a slice is 20 ms; the slowest step, a numerical
 * MNIST iteration, well under a second) and loading MNIST at the start takes about a second.
 */
export const ENGINE_SILENCE_MS = 10_000

export type FinishStatus = 'done' | 'stopped' | 'failed'

export type EngineMessage =
  /**
   * `done`: the steps the trainer had taken when the batch left (records are the logged ones among
   * them); `shown`: at a watchable pace, the other steps, to draw and not to store.
   */
  | { type: 'records'; records: StepRecord[]; done: number; shown?: StepRecord[] }
  /** Holding at step `done`; every record up to it was sent before this. */
  | { type: 'paused'; done: number }
  | { type: 'finished'; status: FinishStatus; reason?: string; predictions?: number[] }
  /** Nothing else to say: the process is alive and its event loop turns. */
  | { type: 'heartbeat' }
