// Section 4.5.2: the notebook's two-layer XOR network, quirks included. W1 has only two weights:
// X·W1 is (n,1) and adding b1 (2,) broadcasts it to (n,2), so both hidden units see the same
// weighted sum s = x1*W1[0] + x2*W1[1] and differ only in their bias (two thresholds on s).
import { crossEntropyErrorForBin, sigmoid } from './functions'
import { dot, matrix, reshape, sum, transpose } from './linalg'
import { RandomState } from './random'
import { gridInputs, LABELS, tableTrainer, X, type GridSpec, type TableModel } from './truthtable'
import type { Matrix, Params, Trainer, Xor2Training } from './types'

export interface Xor2Output {
  /** Z1: the two hidden units' outputs, n x 2 */
  hidden: Matrix
  /** y: n x 1 */
  output: Matrix
}

/** Forward pass of { W1: 1x2, b1: 1x2, W2: 1x2, b2: 1x1 } on inputs x (n x 2). */
export function xor2Forward(params: Params, x: Matrix): Xor2Output {
  const [w1, w2] = params.W1.data
  const b1 = params.b1.data
  const [v1, v2] = params.W2.data
  const b2 = params.b2.data[0]
  const hidden = matrix(x.rows, 2)
  const output = matrix(x.rows, 1)
  for (let n = 0; n < x.rows; n++) {
    const s = x.data[2 * n] * w1 + x.data[2 * n + 1] * w2 // X·W1.reshape(2,1): one sum per row
    const z1 = sigmoid(s + b1[0]) // + b1 broadcasts that sum against both biases
    const z2 = sigmoid(s + b1[1])
    hidden.data[2 * n] = z1
    hidden.data[2 * n + 1] = z2
    output.data[n] = sigmoid(z1 * v1 + z2 * v2 + b2)
  }
  return { hidden, output }
}

export function xor2Model(config: Xor2Training): TableModel {
  const rs = new RandomState(config.seed)
  // the notebook's draw order: W1 = randn(2), b1 = rand(2), W2 = randn(2), b2 = rand(1)
  const params = {
    W1: matrix(1, 2, rs.randn(2)),
    b1: matrix(1, 2, rs.rand(2)),
    W2: matrix(1, 2, rs.randn(2)),
    b2: matrix(1, 1, rs.rand(1))
  }
  const t = LABELS.XOR
  return {
    params,
    names: ['W1', 'b1', 'W2', 'b2'],
    loss: () => crossEntropyErrorForBin(xor2Forward(params, X).output.data, t),
    backprop() {
      const { hidden: Z1, output: y } = xor2Forward(params, X)
      const dA2 = matrix(4, 1, Array.from(y.data, (v, n) => 0.5 * (v - t[n])))
      const dZ1 = dot(dA2, params.W2)
      const dA1 = matrix(4, 2, Array.from(dZ1.data, (g, i) => g * Z1.data[i] * (1 - Z1.data[i])))
      // b1 feeds each hidden unit of every row; W1 feeds both units through the shared sum s
      const ds = dot(dA1, matrix(2, 1, [1, 1]))
      return {
        dW1: reshape(dot(transpose(X), ds), 1, 2),
        db1: dot(matrix(1, 4, [1, 1, 1, 1]), dA1),
        dW2: reshape(dot(transpose(Z1), dA2), 1, 2),
        db2: matrix(1, 1, [sum(dA2)])
      }
    },
    predict: () => Array.from(xor2Forward(params, X).output.data)
  }
}

export function createXor2Trainer(config: Xor2Training): Trainer {
  return tableTrainer(xor2Model(config), config.schedule, config)
}

export interface Xor2Surface {
  /** One grid of values per hidden unit. */
  hidden: Float64Array[]
  output: Float64Array
}

/** Each hidden unit's output and the network's output over a grid of inputs (see gridInputs for the layout). */
export function xor2Surface(params: Params, spec: GridSpec): Xor2Surface {
  const { hidden, output } = xor2Forward(params, gridInputs(spec))
  const n = hidden.rows
  return {
    hidden: [0, 1].map((j) => Float64Array.from({ length: n }, (_, i) => hidden.data[i * 2 + j])),
    output: output.data
  }
}
