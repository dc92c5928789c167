// A run as large as the settings allow is exported to a file and imported from it within a
// bounded memory: a line at a time, whatever the file's size. Measured in child processes
// (peak resident set size against the process's own baseline), not timed.
import { spawnSync } from 'node:child_process'
import { statSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { describe, expect, it } from 'vitest'
import type { MnistConfig } from '../../src/shared/config'
import { checkRunBudget, RUN_FILE_LIMIT, runFileBound } from '../../src/shared/run-budget'
import { RunStore } from '../../src/services/store/run-store'
import { tempDir } from './tmp'

/**
 * What the export and the import may add to their process's resident memory: a few lines and
 * their decoded numbers, SQLite's page cache, and what the garbage collector has not yet
 * reclaimed. The V8 heap is capped below the file's size too, so the file can never be held whole.
 */
const MEMORY_BOUND = 256 * 1024 * 1024
const HEAP_CAP_MB = 64

function child(args: string[]): { baseline: number; peak: number } {
  const r = spawnSync(process.execPath, [`--max-old-space-size=${HEAP_CAP_MB}`, '--import', pathToFileURL(require.resolve('tsx')).href, join(__dirname, 'runfile-memory-child.ts'), ...args], { encoding: 'utf8' })
  if (r.status !== 0) throw new Error(r.stderr)
  return JSON.parse(r.stdout)
}

/**
 * A run at the size limit: the largest network, a snapshot every iteration, as many iterations
 * as the budget allows (the most snapshot bytes an allowed run can have, so the longest lines).
 */
function largestRun(): MnistConfig {
  const base: MnistConfig = { kind: 'mnist', seed: 1, hidden: 512, batch: 100, iterations: 1, lr: 0.1, gradient: 'backprop', formulation: 'standard', h: 1e-4, evalEvery: 0, snapshotEvery: 1 }
  let iterations = 1
  while (runFileBound({ ...base, iterations: iterations + 1 }) <= RUN_FILE_LIMIT) iterations++
  const config = { ...base, iterations }
  expect(checkRunBudget(config, 'config')).toBe(config)
  expect(() => checkRunBudget({ ...config, iterations: iterations + 1 }, 'config')).toThrow(/too small/)
  return config
}

describe('run file memory', () => {
  it('exports and re-imports a run at the size limit a line at a time', { timeout: 300_000 }, () => {
    const config = largestRun()
    const dir = tempDir()
    const db = join(dir, 'a.db')
    const s = new RunStore(db)
    const runId = s.createRun({ config, totalSteps: config.iterations })
    const h = config.hidden
    const fill = (rows: number, cols: number, step: number) => ({ rows, cols, data: Float64Array.from({ length: rows * cols }, (_, i) => Math.fround(Math.sin(i + step))) })
    for (let step = 1; step <= config.iterations; step++) {
      const last = step === config.iterations
      s.append(
        runId,
        [
          {
            step,
            loss: 1 / step,
            lr: 0.1,
            ...(last ? { trainAcc: 0.9, testAcc: 0.8, confusion: Array.from({ length: 100 }, (_, k) => (k % 11 ? 1 : 991)) } : {}),
            params: { W1: fill(784, h, step), b1: fill(1, h, step), W2: fill(h, 10, step), b2: fill(1, 10, step) }
          }
        ]
      )
    }
    s.finish(runId, 'done')
    s.close()

    const file = join(dir, 'largest.glrun')
    const exported = child(['export', db, String(runId), file])
    const size = statSync(file).size
    // the largest run really is near the limit, and within it
    expect(size).toBeLessThanOrEqual(runFileBound(config))
    expect(size).toBeGreaterThan(0.9 * RUN_FILE_LIMIT)
    const imported = child(['import', join(dir, 'b.db'), file])
    process.stdout.write(`run file ${(size / 2 ** 20).toFixed(1)} MiB; export peak +${((exported.peak - exported.baseline) / 2 ** 20).toFixed(1)} MiB, import peak +${((imported.peak - imported.baseline) / 2 ** 20).toFixed(1)} MiB over baseline\n`)
    expect(exported.peak - exported.baseline).toBeLessThan(MEMORY_BOUND)
    expect(imported.peak - imported.baseline).toBeLessThan(MEMORY_BOUND)

    const b = new RunStore(join(dir, 'b.db'))
    const a = new RunStore(db)
    expect(b.getRun(1)).toMatchObject({ steps: config.iterations, status: 'done', snapshotSteps: a.getRun(runId)!.snapshotSteps })
    expect(b.snapshot(1, config.iterations)!.params!.W1.data).toEqual(a.snapshot(runId, config.iterations)!.params!.W1.data)
    a.close()
    b.close()
  })
})
