// What the logic-gate neuron and the two-layer XOR share: the four-row truth table they learn,
// the epoch loop of section 4.5 (all gradients, then all updates, then the loss after the update),
// and the input grid their decision surfaces are drawn on.
import { numericalGradients } from './gradient'
import { copy, descend, fromRows, matrix } from './linalg'
import type { GateName, GradientMethod, Matrix, Params, ScheduleStep, StepRecord, Trainer } from './types'

/** The notebook's X: every pair of 0/1 inputs, one per row. */
export const X: Matrix = fromRows([
  [0, 0],
  [0, 1],
  [1, 0],
  [1, 1]
])

/** Target output of each gate for the four rows of X. */
export const LABELS: Record<GateName, number[]> = {
  AND: [0, 0, 0, 1],
  OR: [0, 1, 1, 1],
  NAND: [1, 1, 1, 0],
  XOR: [0, 1, 1, 0]
}

/** A model trained on X; its params are mutated in place by the trainer. */
export interface TableModel {
  params: Params
  /** Parameter names in the notebook's gradient order. */
  names: string[]
  /** Loss on the four rows with the current params. */
  loss(): number
  /** Analytic gradients of the same loss, keyed 'd' + name. */
  backprop(): Params
  /** Outputs on the four rows. */
  predict(): number[]
}

export interface TableOptions {
  h: number
  gradient: GradientMethod
  logEvery: number
}

/** One step() = one epoch over X. Epochs are counted across the schedule's segments. */
export function tableTrainer(model: TableModel, schedule: readonly ScheduleStep[], opts: TableOptions): Trainer {
  const lrs = schedule.flatMap((seg) => Array<number>(seg.epochs).fill(seg.lr))
  let done = 0
  const logs = (n: number): boolean => n % opts.logEvery === 0 || n === lrs.length
  return {
    total: lrs.length,
    get done() {
      return done
    },
    step(record = false): StepRecord | null {
      if (done >= lrs.length) throw new Error(`training is finished: all ${lrs.length} epochs are done`)
      const lr = lrs[done]
      const grads =
        opts.gradient === 'numerical' ? numericalGradients(model.loss, model.params, model.names, opts.h) : model.backprop()
      for (const name of model.names) descend(model.params[name], grads['d' + name], lr)
      const loss = model.loss()
      done++
      // a diverged step is always reported, so the run fails at the step it happened, not K later
      const logged = record || logs(done) || !Number.isFinite(loss)
      if (!logged) return null
      return { step: done, loss, lr, params: copyParams(model.params), grads }
    },
    logs,
    params: () => copyParams(model.params),
    result: () => ({ predictions: model.predict() })
  }
}

const copyParams = (p: Params): Params => Object.fromEntries(Object.entries(p).map(([k, m]) => [k, copy(m)]))

/** A square grid of inputs over [min, max]^2, for decision-surface heat maps. */
export interface GridSpec {
  size: number
  min: number
  max: number
}

export const defaultGrid: GridSpec = { size: 41, min: -0.5, max: 1.5 }

/**
 * The grid as an (size*size) x 2 input matrix: row iy*size + ix holds
 * (x1, x2) = (min + ix*step, min + iy*step), so x1 varies fastest and x2 grows with the row.
 */
export function gridInputs(spec: GridSpec): Matrix {
  const { size, min, max } = spec
  if (!Number.isInteger(size) || size < 2) throw new RangeError(`grid size must be an integer of at least 2, got ${size}`)
  const step = (max - min) / (size - 1)
  const m = matrix(size * size, 2)
  for (let iy = 0; iy < size; iy++) {
    for (let ix = 0; ix < size; ix++) {
      m.data[2 * (iy * size + ix)] = min + ix * step
      m.data[2 * (iy * size + ix) + 1] = min + iy * step
    }
  }
  return m
}
