// A trainer run to its end the way the lessons run it, step by step, keeping each logged record.
import type { StepRecord, Trainer } from '../../src/engine/types'

export function drain(trainer: Trainer): { records: Map<number, StepRecord>; predictions: number[] } {
  const records = new Map<number, StepRecord>()
  while (trainer.done < trainer.total) {
    const r = trainer.step()
    if (r) records.set(r.step, r)
  }
  return { records, predictions: trainer.result().predictions! }
}
