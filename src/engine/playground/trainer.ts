// One step() is one epoch: the training points in a fresh random order (when the batch is
// smaller than the set), a gradient-descent update per mini-batch, then the loss and accuracy
// of the whole training and test sets. A non-finite loss or weight ends the run in the
// chapter's terms, with the network of the last finite epoch kept.
import { copy, descend } from '../linalg'
import type { Params, StepRecord, Trainer } from '../types'
import type { PlaygroundTraining, WeightEdit } from './config'
import { permutation } from './dataset'
import { accuracy, dataLoss, forward, paramNames } from './network'
import { playgroundModel, type Examples, type PlaygroundModel } from './model'
import { backpropGradients, batchOf, numericalGradientsOf } from './objective'

/** The reason a diverged run ends with; the lesson words it in the reader's language from this prefix. */
export const DIVERGED = 'diverged'

/** The value is kept as a property, not in the message: a reason on screen never reads "NaN". */
export class DivergedError extends Error {
  constructor(
    readonly epoch: number,
    readonly value: number
  ) {
    super(
      `${DIVERGED} in epoch ${epoch}: the loss became infinite or not a number; the learning rate is too large for this network, ` +
        `so each update overshoots the bottom of the loss and the weights grow instead of settling; the network of epoch ${epoch - 1}, the last finite one, is kept`
    )
  }
}

/** The epoch a diverged run's reason names, or null for any other reason. */
export function divergedEpoch(reason: string | null | undefined): number | null {
  const m = reason?.match(new RegExp(`${DIVERGED} in epoch (\\d+)`))
  return m ? Number(m[1]) : null
}

export interface Evaluation {
  trainLoss: number
  testLoss: number
  trainAcc: number
  testAcc: number
}

export function evaluate(m: PlaygroundModel): Evaluation {
  const on = (e: Examples): [number, number] => {
    if (e.t.length === 0) return [0, 0]
    const Y = forward(m.net, m.params, e.X).Y
    return [dataLoss(m.net, Y, e.t), accuracy(Y, e.t)]
  }
  const [trainLoss, trainAcc] = on(m.train)
  const [testLoss, testAcc] = on(m.test)
  return { trainLoss, testLoss, trainAcc, testAcc }
}

/** One epoch of updates on m.params, in place. */
export function epoch(m: PlaygroundModel, config: PlaygroundTraining): void {
  const { X, t } = m.train
  const n = t.length
  const B = Math.min(config.batch, n)
  const order = B < n ? permutation(m.rs, n) : Array.from({ length: n }, (_, i) => i)
  const names = paramNames(m.net)
  for (let start = 0; start < n; start += B) {
    const batch = batchOf(X, t, order.slice(start, start + B))
    const grads =
      config.gradient === 'numerical'
        ? numericalGradientsOf(m.net, m.params, batch.X, batch.t, config, config.h)
        : backpropGradients(m.net, m.params, batch.X, batch.t, config)
    for (const name of names) descend(m.params[name], grads['d' + name], config.lr)
  }
}

export const copyParams = (p: Params): Params => Object.fromEntries(Object.entries(p).map(([k, v]) => [k, copy(v)]))

const finite = (p: Params): boolean => Object.values(p).every((m) => m.data.every(Number.isFinite))

/** Sets the weights edited after `epochs` epochs; true when there was one. */
function applyEdits(m: PlaygroundModel, edits: readonly WeightEdit[], epochs: number): boolean {
  let edited = false
  for (const e of edits) {
    if (e.epoch !== epochs) continue
    const P = m.params[e.param]
    P.data[e.row * P.cols + e.col] = e.value
    edited = true
  }
  return edited
}

export function createPlaygroundTrainer(config: PlaygroundTraining): Trainer {
  const m = playgroundModel(config)
  const { edits } = config
  applyEdits(m, edits, 0)
  let done = 0
  let kept = copyParams(m.params)
  return {
    total: config.epochs,
    // a branch takes its parent's epochs again and holds where the last weight was edited
    holdAt: edits.at(-1)?.epoch,
    get done() {
      return done
    },
    step(record = false): StepRecord | null {
      if (done >= config.epochs) throw new Error(`training is finished: all ${config.epochs} epochs are done`)
      epoch(m, config)
      // an edited epoch is always logged: its record is the branch's first own one
      const edited = applyEdits(m, edits, done + 1)
      const e = evaluate(m)
      if (!Number.isFinite(e.trainLoss) || !Number.isFinite(e.testLoss) || !finite(m.params)) {
        m.params = copyParams(kept)
        throw new DivergedError(done + 1, Number.isFinite(e.trainLoss) ? e.testLoss : e.trainLoss)
      }
      done++
      kept = copyParams(m.params)
      if (!(record || edited || done % config.logEvery === 0 || done === config.epochs)) return null
      return { step: done, loss: e.trainLoss, testLoss: e.testLoss, trainAcc: e.trainAcc, testAcc: e.testAcc, params: copyParams(m.params) }
    },
    params: () => copyParams(m.params),
    result: () => ({})
  }
}
