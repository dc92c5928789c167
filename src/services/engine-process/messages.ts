// What the host and the engine process say to each other. Records keep their Float64Arrays:
// both Node's `fork` (serialization 'advanced') and Electron's utility process clone typed arrays.
// Every records batch is acknowledged by the host once it is stored ('ack' with the batch's
// `done`): the engine does not run more than one batch ahead of what the host has kept.
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
