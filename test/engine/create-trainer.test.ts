// The engine's entry point dispatches each run kind to its trainer.
import { describe, expect, it } from 'vitest'
import { createTrainer } from '../../src/engine'
import { mnistQuickStart, notebook } from '../../src/shared/kinds'
import type { GateConfig, Xor2Config } from '../../src/shared/config'
import { expectClose } from './close'

function finish(config: GateConfig | Xor2Config): number[] {
  const trainer = createTrainer(config)
  while (trainer.done < trainer.total) trainer.step()
  return trainer.result().predictions!
}

describe('createTrainer', () => {
  it('gate: the notebook AND run ends at the notebook predictions', () => {
    const p = finish({ ...notebook.gate, logEvery: 1000 })
    expectClose(p, [0.00135483, 0.08867878, 0.08889176, 0.87496677], { abs: 5.000001e-9 })
  })

  it('xor2: total counts epochs across the schedule', () => {
    const trainer = createTrainer({ ...notebook.xor2, schedule: [...notebook.xor2.schedule] })
    expect(trainer.total).toBe(2000)
    expect(trainer.done).toBe(0)
    trainer.step()
    expect(trainer.done).toBe(1)
  })

  it('mnist: dispatches to the MNIST trainer with the given data', () => {
    // a made-up data set of three blank images is enough to see the dispatch; the mnist-*.test.ts files cover MNIST itself
    const split = { count: 3, images: new Float32Array(3 * 784), labels: Uint8Array.from([1, 2, 3]) }
    const trainer = createTrainer({ ...mnistQuickStart, hidden: 4, batch: 2, iterations: 5, evalEvery: 0 }, { train: split, test: split })
    expect(trainer.total).toBe(5)
    expect(trainer.step()?.step).toBe(1)
  })

  it('mnist without its data set fails with a clear message', () => {
    expect(() => createTrainer(mnistQuickStart)).toThrow(/MNIST run needs the MNIST data set/)
  })
})
