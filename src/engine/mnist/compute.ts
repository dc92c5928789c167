// The two computations of an MNIST run that split exactly across threads: the numerical gradient
// (by parameter ranges) and an evaluation pass (by image ranges). The trainer asks for them
// through this interface; computed here on the calling thread, or by a pool of worker threads
// (src/services/threads) that calls the same range functions on shared memory.
import type { Formulation } from '../types'
import { csrOf, type Csr, type MnistSplit } from './data'
import { evaluate, type Evaluation } from './evaluate'
import type { Gradient, MnistParams } from './model'
import { numericalGradient } from './numerical'

export interface MnistCompute {
  /** The numerical gradient at p for the batch x, the rows `index` of the training split. */
  numericalGradient(p: MnistParams, x: Csr, index: ArrayLike<number>, labels: ArrayLike<number>, formulation: Formulation, h: number): Gradient
  evaluate(p: MnistParams, split: MnistSplit, formulation: Formulation): Evaluation
  /** The training split in CSR form, wherever this compute keeps it. */
  csrOf(split: MnistSplit): Csr
}

/** Everything on the calling thread. */
export const serialCompute: MnistCompute = {
  numericalGradient: (p, x, _index, labels, formulation, h) => numericalGradient(p, x, labels, formulation, h),
  evaluate,
  csrOf: (split) => csrOf(split)
}
