// The lines the notebook prints while it trains, for the lessons' log panes: 4.5.1 prints one every
// 100 epochs (its AND cell says "Loss", the other gates' "Cost"), 4.5.2 the same with the two-layer
// network's parameters, 4.5.3 one per iteration with both accuracies. Numbers as numpy prints them.
// The notebook's OR/NAND/XOR and two-layer cells print the AND neuron's weights (a copy-paste slip);
// these lines print the run's own parameters.
import type { GateName } from '../engine/types'
import { npArray, pyFloat } from './numpy-print'

/** The notebook prints a line when the epoch count is a multiple of this. */
export const NOTEBOOK_PRINT_EVERY = 100

export function gateLine(gate: GateName, epoch: number, loss: number, w: ArrayLike<number>, b: ArrayLike<number>): string {
  return `Epochs : ${epoch}, ${gate === 'AND' ? 'Loss' : 'Cost'} : ${pyFloat(loss)}, Weights : ${npArray(w)}, Bias : ${npArray(b)}`
}

export function xor2Line(epoch: number, loss: number, p: Record<'W1' | 'b1' | 'W2' | 'b2', ArrayLike<number>>): string {
  return `Epochs : ${epoch}, Cost : ${pyFloat(loss)}, W1 : ${npArray(p.W1)}, b1 : ${npArray(p.b1)}, W2 : ${npArray(p.W2)}, b2 : ${npArray(p.b2)}`
}

export function mnistLine(iteration: number, loss: number, trainAcc: number, testAcc: number): string {
  return `Epoch : ${iteration}, Cost : ${pyFloat(loss)}, Train Accuracy : ${pyFloat(trainAcc)}, Test Accuracy : ${pyFloat(testAcc)}`
}
