// One lifecycle: the same configuration trained by `lab train` and by LabService (the app and
// the browser host) stores the same metric rows and snapshots, the final step included whatever
// the log interval: checked against each other and against the steps worked out by hand.
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { TrainConfig } from '../../src/shared/config'
import { EngineHost } from '../../src/services/engine-host/engine-host'
import { forkSpawner } from '../../src/services/engine-host/fork-spawner'
import { LabService } from '../../src/services/lab-service'
import { readSamples } from '../../src/services/mnist/samples'
import { RunStore } from '../../src/services/store/run-store'
import { tempDir, until } from '../services/tmp'
import { lab } from './lab'

const cases: { name: string; args: string[]; steps: number[] }[] = [
  // multiples of 10, then the 25th epoch
  { name: 'gate', args: ['gate', '--gate', 'AND', '--seed', '1', '--lr', '0.1', '--epochs', '25', '--log-every', '10'], steps: [10, 20, 25] },
  // counted across the schedule's 30 + 15 epochs: multiples of 10, then the 45th
  { name: 'xor2', args: ['xor2', '--seed', '1', '--schedule', '0.1x30,0.3x15', '--log-every', '10'], steps: [10, 20, 30, 40, 45] },
  // every iteration
  { name: 'mnist', args: ['mnist', '--seed', '1', '--hidden', '8', '--batch', '10', '--iterations', '5', '--lr', '0.1', '--gradient', 'backprop', '--eval-every', '2'], steps: [1, 2, 3, 4, 5] }
]

describe('the CLI and LabService store the same run', () => {
  it.each(cases)('$name', async ({ args, steps }) => {
    const db = join(tempDir(), 'lab.db')
    const cli = lab(['train', ...args, '--db', db, '--json'])
    expect(cli.code).toBe(0)
    const store = new RunStore(db)
    const service = new LabService({ store, engine: new EngineHost(forkSpawner()), mnistSamples: (count) => readSamples(count) })
    try {
      const fromCli = store.getRun(1)!
      const r = await service.handle('runs:start', { config: fromCli.config as TrainConfig })
      if (!r.ok) throw new Error(r.error.message)
      const fromApp = await until(() => {
        const run = store.getRun(r.value.runId)!
        return run.status === 'done' && run
      }, 'the app run to finish', 60_000)
      expect(fromApp.config).toEqual(fromCli.config)
      expect(store.metrics(1).step).toEqual(steps)
      expect(store.metrics(fromApp.id)).toEqual(store.metrics(1))
      expect(fromApp.snapshotSteps).toEqual(fromCli.snapshotSteps)
      expect(fromApp).toMatchObject({ status: 'done', steps: steps.length, finalLoss: fromCli.finalLoss, predictions: fromCli.predictions })
    } finally {
      service.close()
      store.close()
    }
  })
})
