// Engine benchmarks against the numpy reference scripts in bench/numpy, timed in the same run.
import { execFileSync } from 'node:child_process'
import { join } from 'node:path'
import type { Trainer } from '../src/engine/types'
import type { MnistConfig } from '../src/shared/config'
import { createMnistTrainer, type MnistData } from '../src/engine/mnist'
import { evaluate } from '../src/engine/mnist/evaluate'
import { initParams } from '../src/engine/mnist/model'
import { RandomState } from '../src/engine/random'
import { notebook } from '../src/shared/kinds'
import type { BenchRow } from './report'

interface NumpyResult {
  ms: number
}

/** One run of a reference script: its time, or why it could not run (no python3 or numpy). */
function numpyOnce(script: string, env: NodeJS.ProcessEnv = process.env): NumpyResult | string {
  try {
    const out = execFileSync('python3', [join('bench', 'numpy', script)], { encoding: 'utf8', env, stdio: ['ignore', 'pipe', 'pipe'] })
    return JSON.parse(out.trim().split('\n').pop()!) as NumpyResult
  } catch (err) {
    const message = (err as { stderr?: string; message: string }).stderr || (err as Error).message
    return `numpy reference skipped: ${message.trim().split('\n').pop()}`
  }
}

/** The time of one `run` in ms; `prepare` runs first, outside the timing. */
function timeOnce<T>(prepare: () => T, run: (prepared: T) => void): number {
  const prepared = prepare()
  const start = performance.now()
  run(prepared)
  return performance.now() - start
}

const ONE_THREAD = { ...process.env, OPENBLAS_NUM_THREADS: '1' }

/**
 * Best of `runs` timings of ours and of the numpy script, taken in turns (ours, numpy, numpy with
 * OpenBLAS held to one thread, ours, ...), so that both sample the same stretches of a machine
 * whose speed drifts by a third over a minute here. Ours first runs `warmups` times untimed
 * (the JIT's compiles). The one-thread figure goes in the note: on a busy 2-core machine
 * threaded BLAS can be many times slower.
 */
function sideBySide<T>(name: string, note: string, script: string, runs: number, prepare: () => T, run: (prepared: T) => void, warmups = 1): BenchRow {
  for (let w = 0; w < warmups; w++) timeOnce(prepare, run)
  let ours = Infinity
  let ref: number | string = Infinity
  let oneThread = Infinity
  for (let r = 0; r < runs; r++) {
    ours = Math.min(ours, timeOnce(prepare, run))
    if (typeof ref === 'string') continue
    const result = numpyOnce(script)
    if (typeof result === 'string') {
      ref = result
      continue
    }
    ref = Math.min(ref, result.ms)
    const single = numpyOnce(script, ONE_THREAD)
    if (typeof single !== 'string') oneThread = Math.min(oneThread, single.ms)
  }
  return typeof ref === 'string'
    ? { name, ours, reference: null, note: ref }
    : { name, ours, reference: ref, note: note + (oneThread < Infinity ? `; numpy with 1 BLAS thread: ${Math.round(oneThread)} ms` : '') }
}

/**
 * `count` iterations of a run on a fresh trainer created outside the timing, as the numpy
 * scripts start their clocks after initialising the weights; no evaluation pass is timed.
 */
function steps(config: MnistConfig, data: MnistData, count: number): [() => Trainer, (trainer: Trainer) => void] {
  return [
    // one extra iteration so that the timed ones are not the last (which always evaluates)
    () => createMnistTrainer({ ...config, iterations: count + 1, evalEvery: 0, snapshotEvery: 0 }, data),
    (trainer) => {
      for (let i = 0; i < count; i++) trainer.step()
    }
  ]
}

export function benchEngine(data: MnistData): BenchRow[] {
  const backprop: MnistConfig = { ...notebook.mnist, gradient: 'backprop', formulation: 'standard' }
  const p = initParams(new RandomState(1), 64)
  return [
    sideBySide('backprop epoch (784-64-10, batch 100, 600 it.)',
      'standard model; both: best of 5, taken in turns; numpy: bench/numpy/backprop_epoch.py',
      'backprop_epoch.py', 5, ...steps(backprop, data, 600)),
    // one iteration is short and its JavaScript loops take a few runs to be fully compiled: a
    // run of the notebook's is 100 iterations, so the steady one is what is compared
    sideBySide('textbook numerical-gradient iteration',
      'ours: best of 3 after 3 untimed; numpy: the notebook\'s naive method timed on 400 of 50,890 parameters and extrapolated, best of 3',
      'numerical_iteration.py', 3, ...steps(notebook.mnist, data, 1), 3),
    sideBySide('full evaluation pass (60k train + 10k test)',
      'textbook accuracy as the notebook computes it every iteration; both: best of 3, taken in turns',
      'evaluation.py', 3, () => p, (params) => {
        evaluate(params, data.train, 'textbook')
        evaluate(params, data.test, 'textbook')
      })
  ]
}
