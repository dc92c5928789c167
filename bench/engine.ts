// Engine benchmarks against the numpy reference scripts in bench/numpy, timed in the same run.
import { execFileSync } from 'node:child_process'
import { join } from 'node:path'
import type { MnistConfig } from '../src/engine/types'
import { createMnistTrainer, type MnistData } from '../src/engine/mnist'
import { evaluate } from '../src/engine/mnist/evaluate'
import { initParams } from '../src/engine/mnist/model'
import { RandomState } from '../src/engine/random'
import { notebook } from '../src/shared/config'
import type { BenchRow } from './report'

interface NumpyResult {
  ms: number
}

/**
 * Runs a reference script `runs` times and keeps its fastest time, the statistic taken of ours;
 * the reason instead when python3 or numpy is missing or it fails.
 */
function numpy(script: string, runs: number, env: NodeJS.ProcessEnv = process.env): NumpyResult | string {
  try {
    let best: NumpyResult | undefined
    for (let r = 0; r < runs; r++) {
      const out = execFileSync('python3', [join('bench', 'numpy', script)], { encoding: 'utf8', env, stdio: ['ignore', 'pipe', 'pipe'] })
      const result = JSON.parse(out.trim().split('\n').pop()!) as NumpyResult
      if (!best || result.ms < best.ms) best = result
    }
    return best!
  } catch (err) {
    const message = (err as { stderr?: string; message: string }).stderr || (err as Error).message
    return `numpy reference skipped: ${message.trim().split('\n').pop()}`
  }
}

/**
 * The script with numpy as installed (the reference), and its time with OpenBLAS held to one
 * thread for the note: on a busy 2-core machine threaded BLAS can be many times slower.
 */
function reference(script: string, runs: number): { ref: NumpyResult | string; oneThread: string } {
  const ref = numpy(script, runs)
  const single = typeof ref === 'string' ? ref : numpy(script, runs, { ...process.env, OPENBLAS_NUM_THREADS: '1' })
  return { ref, oneThread: typeof single === 'string' ? '' : `; numpy with 1 BLAS thread: ${Math.round(single.ms)} ms` }
}

/**
 * Fastest of `repeat` timings of `run`, in ms, after one untimed warm-up (the JIT's first
 * compile). `prepare` runs before each, outside the timing.
 */
function fastest<T>(repeat: number, prepare: () => T, run: (prepared: T) => void): number {
  let best = Infinity
  for (let r = 0; r <= repeat; r++) {
    const prepared = prepare()
    const start = performance.now()
    run(prepared)
    if (r > 0) best = Math.min(best, performance.now() - start)
  }
  return best
}

/**
 * Fastest time of `count` iterations of a run, each on a fresh trainer created outside the
 * timing, as the numpy scripts start their clocks after initialising the weights; no
 * evaluation pass is timed.
 */
function fastestSteps(repeat: number, config: MnistConfig, data: MnistData, count: number): number {
  return fastest(
    repeat,
    // one extra iteration so that the timed ones are not the last (which always evaluates)
    () => createMnistTrainer({ ...config, iterations: count + 1, evalEvery: 0, snapshotEvery: 0 }, data),
    (trainer) => {
      for (let i = 0; i < count; i++) trainer.step()
    }
  )
}

function row(name: string, ours: number, script: string, runs: number, note: string): BenchRow {
  const { ref, oneThread } = reference(script, runs)
  return typeof ref === 'string'
    ? { name, ours, reference: null, note: ref }
    : { name, ours, reference: ref.ms, note: note + oneThread }
}

export function benchEngine(data: MnistData): BenchRow[] {
  const rows: BenchRow[] = []
  const backprop: MnistConfig = { ...notebook.mnist, gradient: 'backprop', formulation: 'standard' }
  rows.push(row('backprop epoch (784-64-10, batch 100, 600 it.)', fastestSteps(3, backprop, data, 600),
    'backprop_epoch.py', 3, 'standard model; both: best of 3; numpy: bench/numpy/backprop_epoch.py'))

  rows.push(row('textbook numerical-gradient iteration', fastestSteps(3, notebook.mnist, data, 1),
    'numerical_iteration.py', 1,
    'ours: best of 3; numpy: the notebook\'s naive method timed once on 400 of 50,890 parameters and extrapolated'))

  const p = initParams(new RandomState(1), 64)
  const evaluation = fastest(2, () => p, (params) => {
    evaluate(params, data.train, 'textbook')
    evaluate(params, data.test, 'textbook')
  })
  rows.push(row('full evaluation pass (60k train + 10k test)', evaluation, 'evaluation.py', 2,
    'textbook accuracy as the notebook computes it every iteration; both: best of 2'))
  return rows
}
