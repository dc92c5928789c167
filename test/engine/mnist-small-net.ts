// The small nets of test/fixtures/mnist-small-net.json, rebuilt on the real MNIST files.
import { RandomState } from '../../src/engine/random'
import { csrOf, gatherRows, type Csr } from '../../src/engine/mnist/data'
import type { MnistParams } from '../../src/engine/mnist/model'
import { loadMnist } from '../../src/services/mnist'
import fixture from '../fixtures/mnist-small-net.json'

export type SmallNetCase = (typeof fixture.cases)[number]
export const cases: SmallNetCase[] = fixture.cases

/** The case's parameters and batch, drawn from its seed the way the fixture script draws them. */
export function smallNet(c: SmallNetCase): { p: MnistParams; x: Csr; labels: number[] } {
  const rng = new RandomState(c.seed)
  const p: MnistParams = {
    W1: { rows: 784, cols: c.hidden, data: rng.randn(784 * c.hidden).map((g) => c.scale * g) },
    b1: { rows: 1, cols: c.hidden, data: new Float64Array(c.hidden) },
    W2: { rows: c.hidden, cols: 10, data: rng.randn(c.hidden * 10).map((g) => c.scale * g) },
    b2: { rows: 1, cols: 10, data: new Float64Array(10) }
  }
  const index = rng.choice(60000, c.batch)
  const data = loadMnist()
  return { p, x: gatherRows(csrOf(data.train), index), labels: index.map((n) => data.train.labels[n]) }
}
