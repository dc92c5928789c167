// What one epoch of a gate or two-layer XOR run did, recomputed from the parameters before it (the
// renderer does this for the explained step instead of the store keeping more): each parameter
// before, its gradient, the learning rate and the parameter after, the loss before and after,
// and for a numerical gradient the two evaluations behind each element.
import { gateModel } from './gates'
import type { Probes } from './gradient'
import { copy } from './linalg'
import { copyParams, epochRates, tableEpoch, type TableModel } from './truthtable'
import type { GateTraining, Params, Xor2Training } from './types'
import { xor2Model } from './xor2'

export interface ExplainedStep {
  /** The epoch explained (1-based): it turned `before` into `after`. */
  step: number
  lr: number
  before: Params
  /** Keyed 'd' + name, as the trainers' records. */
  grads: Params
  after: Params
  lossBefore: number
  lossAfter: number
  /** Numerical gradients only: L(w + h) and L(w − h) for every element, keyed by parameter name. */
  probes?: Record<string, Probes>
  h: number
}

type TableTraining = GateTraining | Xor2Training

const modelOf = (config: TableTraining): TableModel => (config.kind === 'gate' ? gateModel(config) : xor2Model(config))
const ratesOf = (config: TableTraining): number[] =>
  epochRates(config.kind === 'gate' ? [{ lr: config.lr, epochs: config.epochs }] : config.schedule)

/** Puts `params` into the model's own matrices (its loss reads those). */
function load(model: TableModel, params: Params): void {
  for (const name of model.names) model.params[name].data.set(params[name].data)
}

/** The parameters before epoch 1: the notebook's initialisation from the seed. */
export const initialParams = (config: TableTraining): Params => copyParams(modelOf(config).params)

/**
 * The parameters after epoch `to`, trained on from `from` (the parameters after epoch `fromStep`,
 * e.g. the nearest stored snapshot; 0 and the initial parameters for the start).
 */
export function paramsAfter(config: TableTraining, from: Params, fromStep: number, to: number): Params {
  const model = modelOf(config)
  load(model, from)
  const rates = ratesOf(config)
  for (let e = fromStep; e < to; e++) tableEpoch(model, rates[e], config)
  return copyParams(model.params)
}

/** Epoch `step` again, from the parameters after epoch step − 1. */
export function explainStep(config: TableTraining, before: Params, step: number): ExplainedStep {
  const rates = ratesOf(config)
  if (!Number.isInteger(step) || step < 1 || step > rates.length) {
    throw new RangeError(`step must be an epoch from 1 to ${rates.length}, got ${step}`)
  }
  const model = modelOf(config)
  load(model, before)
  const lossBefore = model.loss()
  const lr = rates[step - 1]
  const probes: Record<string, Probes> | undefined = config.gradient === 'numerical' ? {} : undefined
  const kept = Object.fromEntries(model.names.map((n) => [n, copy(model.params[n])]))
  const grads = tableEpoch(model, lr, config, probes)
  return { step, lr, before: kept, grads, after: copyParams(model.params), lossBefore, lossAfter: model.loss(), probes, h: config.h }
}

