// What the host and the engine process say to each other. Records keep their Float64Arrays:
// both Node's `fork` (serialization 'advanced') and Electron's utility process clone typed arrays.
import type { StepRecord } from '../../engine/types'
import type { TrainConfig } from '../../shared/config'

export type HostMessage = { type: 'start'; config: TrainConfig } | { type: 'pause' } | { type: 'resume' } | { type: 'stop' }

export type FinishStatus = 'done' | 'stopped' | 'failed'

export type EngineMessage =
  | { type: 'records'; records: StepRecord[] }
  | { type: 'finished'; status: FinishStatus; reason?: string; predictions?: number[] }
