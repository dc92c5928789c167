// The notebook's whole MNIST run: 100 iterations of the textbook model with numerical gradients
// and a full train+test evaluation after each. Past iteration ~10 the run is chaotic (a 1e-13
// rounding difference grows to 1e-4 by iteration 88), so it is held to the notebook's shape, not
// its digits: from chance (~10%) to the 50-80% band over iterations 88-100.
import { expect, it } from 'vitest'
import { createMnistTrainer } from '../../src/engine/mnist'
import { notebook } from '../../src/shared/kinds'
import { loadMnist } from '../../src/services/mnist'
import printed from '../fixtures/notebook-mnist.json'

it('rises from chance to the notebook\'s 50-80% band by iterations 88-100', () => {
  const trainer = createMnistTrainer({ ...notebook.mnist, snapshotEvery: 100 }, loadMnist())
  const testAcc: number[] = []
  const started = Date.now()
  for (let r = trainer.step(); r; r = trainer.step()) testAcc.push(r.testAcc!)
  console.log(`notebook MNIST run: 100 iterations in ${((Date.now() - started) / 1000).toFixed(1)} s`)
  console.log(`test accuracy, iterations 88-100: ${testAcc.slice(87).map((a) => a.toFixed(4)).join(' ')}`)

  expect(testAcc).toHaveLength(100)
  expect(testAcc[0]).toBe(printed.rows[0].testAcc)
  const late = testAcc.slice(87).sort((a, b) => a - b)
  const median = late[Math.floor(late.length / 2)]
  expect(median).toBeGreaterThanOrEqual(0.5)
  expect(median).toBeLessThanOrEqual(0.8)
  expect(Math.max(...testAcc.slice(0, 10))).toBeLessThan(0.15)
}, 600_000)
