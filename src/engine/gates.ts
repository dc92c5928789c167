// Section 4.5.1: a single sigmoid neuron y = sigmoid(X·w + b) learning a logic gate, with the
// notebook's init `seed(S); w = randn(2); b = rand(1)` and its loss cross_entropy_error_for_bin.
import { crossEntropyErrorForBin, sigmoid } from './functions'
import { add, dot, map, matrix, reshape, sum, transpose } from './linalg'
import { RandomState } from './random'
import { gridInputs, LABELS, tableTrainer, X, type GridSpec, type TableModel } from './truthtable'
import type { GateTraining, Matrix, Params, Trainer } from './types'

/** Outputs (n x 1) of the neuron { w: 1x2, b: 1x1 } for inputs X (n x 2). */
export function gateForward(params: Params, x: Matrix): Matrix {
  return map(add(dot(x, reshape(params.w, 2, 1)), params.b), sigmoid)
}

export function gateModel(config: GateTraining): TableModel {
  const rs = new RandomState(config.seed)
  const params = { w: matrix(1, 2, rs.randn(2)), b: matrix(1, 1, rs.rand(1)) }
  const t = LABELS[config.gate]
  return {
    params,
    names: ['w', 'b'],
    loss: () => crossEntropyErrorForBin(gateForward(params, X).data, t),
    // dL/da = 0.5 (y - t) for this loss and a sigmoid output; dw = X^T·dL/da, db = sum(dL/da)
    backprop() {
      const y = gateForward(params, X)
      const da = matrix(4, 1, Array.from(y.data, (v, n) => 0.5 * (v - t[n])))
      return { dw: reshape(dot(transpose(X), da), 1, 2), db: matrix(1, 1, [sum(da)]) }
    },
    predict: () => Array.from(gateForward(params, X).data)
  }
}

export function createGateTrainer(config: GateTraining): Trainer {
  return tableTrainer(gateModel(config), [{ lr: config.lr, epochs: config.epochs }], config)
}

/** The neuron's output over a grid of inputs (see gridInputs for the layout). */
export function gateSurface(params: Params, spec: GridSpec): Float64Array {
  return gateForward(params, gridInputs(spec)).data
}
