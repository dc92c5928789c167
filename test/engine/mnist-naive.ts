// The notebook's numerical gradient done as written (two full losses per parameter, nudged in
// place), for tests only: the reference the fast incremental gradient must agree with.
import type { Formulation } from '../../src/engine/types'
import type { Csr } from '../../src/engine/mnist/data'
import { lossFromA2 } from '../../src/engine/mnist/loss'
import { forward, zerosLike, type MnistParams } from '../../src/engine/mnist/model'

export function naiveNumericalGradient(
  p: MnistParams, x: Csr, labels: number[], formulation: Formulation, h: number
): MnistParams {
  const f = (): number => lossFromA2(forward(p, x).A2, labels, formulation)
  const grad = zerosLike(p)
  for (const name of ['W1', 'b1', 'W2', 'b2'] as const) {
    const w = p[name].data
    for (let q = 0; q < w.length; q++) {
      const tmp = w[q]
      w[q] = tmp + h
      const fxh1 = f()
      w[q] = tmp - h
      const fxh2 = f()
      grad[name].data[q] = (fxh1 - fxh2) / (2 * h)
      w[q] = tmp
    }
  }
  return grad
}
