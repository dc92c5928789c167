// A run's logged steps as columns, the shape the store answers, the session accumulates and the
// views chart: one list per column, NaN where a step has no value.

/** Metrics as columns (cheap to send, cheap to chart). NaN where a step has no value. */
export interface Metrics {
  step: number[]
  loss: number[]
  lr: number[]
  trainAcc: number[]
  testAcc: number[]
  /** Playground: the loss on the held-out points (`loss` is the training points'). */
  testLoss: number[]
}

export const METRIC_COLUMNS = ['step', 'loss', 'lr', 'trainAcc', 'testAcc', 'testLoss'] as const satisfies readonly (keyof Metrics)[]

/** Every column cut to its first `end` entries (a new object; `end` past the length keeps all). */
export const metricsSlice = (m: Metrics, end = m.step.length): Metrics =>
  Object.fromEntries(METRIC_COLUMNS.map((k) => [k, m[k].slice(0, end)])) as unknown as Metrics
