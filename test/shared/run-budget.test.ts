// The run budget: its bound holds for files of runs the engine really trained, it is not so
// loose that it refuses what fits, and a refusal names the setting and the smallest value that fits.
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createTrainer } from '../../src/engine'
import type { StepRecord } from '../../src/engine/types'
import type { MnistConfig, RunConfig, TrainConfig } from '../../src/shared/config'
import { exportRunFile } from '../../src/services/runfile'
import { simpleNetRecords } from '../../src/engine/simplenet-run'
import { RunStore } from '../../src/services/store/run-store'
import { parseRunConfig } from '../../src/shared/config'
import { mnistQuickStart, notebook, totalSteps } from '../../src/shared/kinds'
import { checkRunBudget, RUN_FILE_LIMIT, runCounts, runFileBound } from '../../src/shared/run-budget'
import { tempDir, storeDb } from '../services/tmp'
import { loadMnist } from '../../src/services/mnist'

const open: RunStore[] = []
afterEach(() => open.splice(0).forEach((s) => s.close()))

/** Trains `config` for real and returns the size of its run file. */
async function fileSize(config: RunConfig): Promise<{ bytes: number; metrics: number; snapshots: number }> {
  const s = new RunStore(join(tempDir(), 'lab.db'))
  open.push(s)
  const id = s.createRun({ config, totalSteps: totalSteps(config) })
  let records: StepRecord[]
  if (config.kind === 'simplenet') records = simpleNetRecords(config).records
  else {
    const t = createTrainer(config as TrainConfig, config.kind === 'mnist' ? loadMnist() : undefined)
    records = []
    while (t.done < t.total) {
      const r = t.step()
      if (r) records.push(r)
    }
  }
  s.append(id, records)
  s.finish(id, 'done', 'a reason '.repeat(1000))
  s.setNote(id, 'ü'.repeat(10_000))
  const bytes = Buffer.byteLength(JSON.stringify((await exportRunFile(s, id)).content))
  const snapshots = storeDb(s).prepare('SELECT count(*) FROM snapshots').pluck().get() as number
  return { bytes, metrics: records.length, snapshots }
}

function refusal(config: RunConfig): string {
  try {
    checkRunBudget(config, '')
  } catch (e) {
    return (e as Error).message
  }
  throw new Error('expected a refusal')
}

describe('run budget', () => {
  it('bounds the files of real runs (as sent in a message), counts included', async () => {
    const mnist: MnistConfig = { ...mnistQuickStart, hidden: 8, iterations: 7, evalEvery: 3, snapshotEvery: 2 }
    const configs: RunConfig[] = [
      { ...notebook.simplenet, t: [0, 0, 1], x: [0.6, 0.9], steps: 25 },
      { ...notebook.gate, epochs: 2000, logEvery: 1 },
      { ...notebook.gate, epochs: 2001, logEvery: 1000 },
      { ...notebook.xor2, schedule: [{ lr: 0.1, epochs: 300 }, { lr: 0.3, epochs: 301 }], logEvery: 7 },
      mnist
    ] as RunConfig[]
    for (const config of configs) {
      const actual = await fileSize(config)
      const counts = runCounts(config)
      expect(actual.metrics, config.kind).toBeLessThanOrEqual(counts.metrics)
      expect(actual.snapshots, config.kind).toBeLessThanOrEqual(counts.paramSnapshots + counts.evalSnapshots)
      expect(actual.bytes, config.kind).toBeLessThanOrEqual(runFileBound(config))
    }
    // MNIST: iterations 2, 4, 6 and the last (7) carry weights; 3, 6 and the last evaluate
    expect(await fileSize(mnist)).toMatchObject({ metrics: 7, snapshots: 5 })
  })

  it('is tight where snapshots dominate: a real file is most of its bound', async () => {
    const config = { ...mnistQuickStart, hidden: 64, iterations: 20, evalEvery: 0, snapshotEvery: 1 }
    expect((await fileSize(config)).bytes / runFileBound(config)).toBeGreaterThan(0.9)
  })

  it('refuses what could outgrow a run file, naming the smallest setting that fits', () => {
    // the settings that once could not be exported: hidden 512, a snapshot every iteration, 150 iterations
    const heavy: MnistConfig = { ...mnistQuickStart, hidden: 512, iterations: 150, snapshotEvery: 1 }
    expect(() => parseRunConfig(heavy, 'config')).toThrow(
      /^config\.snapshotEvery 1 is too small: these settings could make a run of 310\.9 MB; a run keeps at most 128\.0 MB so that it fits in a run file\. Set it to at least 3\.$/
    )
    expect(runFileBound({ ...heavy, snapshotEvery: 3 })).toBeLessThanOrEqual(RUN_FILE_LIMIT)
    expect(runFileBound({ ...heavy, snapshotEvery: 2 })).toBeGreaterThan(RUN_FILE_LIMIT)
    // a million iterations with a 1.6 MB snapshot each: terabytes, refused before training
    const long = { ...heavy, iterations: 1_000_000 }
    expect(() => checkRunBudget(long, 'config')).toThrow(/could make a run of 20\d\d\.\d GB.*Set it to at least \d+\.$/)
    const fits = Number(/at least (\d+)/.exec(refusal(long))![1])
    expect(runFileBound({ ...long, snapshotEvery: fits })).toBeLessThanOrEqual(RUN_FILE_LIMIT)
    expect(runFileBound({ ...long, snapshotEvery: fits - 1 })).toBeGreaterThan(RUN_FILE_LIMIT)
    // evaluations alone: raising evalEvery is the fix
    expect(() => checkRunBudget({ ...mnistQuickStart, iterations: 1_000_000, evalEvery: 1, snapshotEvery: 1_000_000 }, 'config')).toThrow(/^config\.evalEvery 1 is too small.*at least 12\.$/)
    expect(() => checkRunBudget({ ...notebook.xor2, schedule: Array(10).fill({ lr: 0.1, epochs: 100_000 }) } as RunConfig, '')).toThrow(/^logEvery 1 is too small.*at least 4\.$/)
    // the notebook's own settings and the lessons' defaults all fit
    for (const c of [notebook.simplenet, notebook.gate, notebook.xor2, notebook.mnist, mnistQuickStart] as RunConfig[]) expect(checkRunBudget(c, '')).toBe(c)
  })
})
