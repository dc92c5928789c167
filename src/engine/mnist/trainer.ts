// Mini-batch SGD on MNIST, one iteration per step(), as the notebook's training loop:
// sample a batch from the same generator that initialised the weights, take the gradient at
// the current parameters, update, then report the batch loss (docs/models.md says when).
import type { MnistTraining, Params, StepRecord, Trainer } from '../types'
import { RandomState } from '../random'
import { serialCompute, type MnistCompute } from './compute'
import { gatherRows, type Csr, type MnistData } from './data'
import { Backprop } from './backprop'
import { lossAfterUpdate } from './convention'
import { timesW } from './kernels'
import { lossFromA2 } from './loss'
import { evaluatesAt } from './schedule'
import { cloneParams, forward, initParams, type MnistParams } from './model'
import { largestChanges } from '../changes'

/** How many of an update's largest parameter changes a snapshot step reports. */
const CHANGES_SHOWN = 8

/**
 * The loss reported for each iteration: textbook (the notebook's loop) and twolayernet (the
 * book's train_neuralnet.py), the batch loss after the update; standard, the batch loss at the
 * parameters the gradient was taken at (what training libraries report), which saves a forward
 * pass per iteration.
 * Evaluation (train and test accuracy, test confusion) happens every `evalEvery` iterations (or
 * on the book's schedule) and always after the last one, so every run ends with its accuracy.
 */
export function createMnistTrainer(config: MnistTraining, data: MnistData, compute: MnistCompute = serialCompute): Trainer {
  const rng = new RandomState(config.seed)
  const train = compute.csrOf(data.train)
  // backprop trains the parameters where its kernels keep them, in its workspace
  const bp = config.gradient === 'backprop'
    ? new Backprop(config.hidden, config.batch, train)
    : null
  const init = initParams(rng, config.hidden)
  if (bp) bp.load(init)
  const params = (): MnistParams => (bp ? bp.params : init)
  const total = config.iterations
  let done = 0

  // one update, as Backprop.step; returns the batch loss at the parameters before it
  const numericalStep = (x: Csr, index: number[], labels: number[]): number => {
    const { grads, loss } = compute.numericalGradient(init, x, index, labels, config.formulation, config.h)
    for (const name of ['W1', 'b1', 'W2', 'b2'] as const) descend(init[name].data, grads[name].data, config.lr)
    return loss
  }

  const isLast = (): boolean => done === total
  const every = (k: number): boolean => k > 0 && done % k === 0
  /** `every` for the step about to be taken. */
  const dueNext = (k: number): boolean => k > 0 && (done + 1) % k === 0

  return {
    total,
    get done() {
      return done
    },
    step(snapshot = false): StepRecord | null {
      if (done >= total) return null
      const index = rng.choice(data.train.count, config.batch)
      const labels = index.map((n) => data.train.labels[n])
      // the batch as its own arrays, gathered once, for the JavaScript paths that need it
      let x: Csr | undefined
      const batch = (): Csr => (x ??= gatherRows(train, index))
      // a step that carries a snapshot also says what its update did (one more copy and forward pass)
      const snapshotted = snapshot || dueNext(config.snapshotEvery) || done + 1 === total
      const was = snapshotted ? cloneParams(params()) : null
      const before = bp ? bp.step(index, labels, config.formulation, config.lr) : numericalStep(batch(), index, labels)
      const after = (): number => lossFromA2(forward(params(), batch(), timesW).A2, labels, config.formulation)
      const loss = lossAfterUpdate(config.formulation) ? after() : before
      done++
      const record: StepRecord = { step: done, loss, lr: config.lr }
      if (was) {
        record.change = {
          lossBefore: before,
          lossAfter: lossAfterUpdate(config.formulation) ? loss : after(),
          largest: largestChanges(was, params(), CHANGES_SHOWN)
        }
      }
      if (evaluatesAt(config, data.train.count, done)) {
        const p = params()
        const trainEval = compute.evaluate(p, data.train, config.formulation)
        const testEval = compute.evaluate(p, data.test, config.formulation)
        record.trainAcc = trainEval.accuracy
        record.testAcc = testEval.accuracy
        record.confusion = testEval.confusion
      }
      // every iteration is logged; one taken by hand also carries its parameters, for the weight views
      if (snapshot || every(config.snapshotEvery) || isLast()) record.params = cloneParams(params())
      return record
    },
    params(): Params {
      return cloneParams(params())
    },
    result() {
      return {}
    }
  }
}

/** w -= lr*dw, as the notebook's `params[key] -= lr * grads[key]`. */
function descend(w: Float64Array, dw: Float64Array, lr: number): void {
  for (let q = 0; q < w.length; q++) w[q] -= lr * dw[q]
}
