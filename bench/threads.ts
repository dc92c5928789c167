// `npm run bench`'s thread table: each MNIST computation at 1 and at 2 threads in the same run,
// timed in alternation (1, 2, 1, 2, ...) so that both sample the same stretches of a shared
// machine, best of each; and the engine's resident memory at each thread count, measured in a
// fresh process per count (bench/threads-memory.ts).
import { execFileSync } from 'node:child_process'
import type { MnistConfig } from '../src/shared/config'
import { createMnistTrainer, type MnistCompute, type MnistData } from '../src/engine/mnist'
import { serialCompute } from '../src/engine/mnist/compute'
import { initParams } from '../src/engine/mnist/model'
import { RandomState } from '../src/engine/random'
import { notebook } from '../src/shared/config'
import { ThreadPool } from '../src/services/threads'

export interface ThreadRow {
  name: string
  one: number
  two: number
  note: string
}

/** Best of `runs` alternating timings of `work` on one thread and on two; `warmups` untimed first on each. */
function alternate(name: string, note: string, runs: number, pool: ThreadPool, work: (compute: MnistCompute) => void, warmups = 1): ThreadRow {
  const time = (compute: MnistCompute): number => {
    const t0 = performance.now()
    work(compute)
    return performance.now() - t0
  }
  for (let w = 0; w < warmups; w++) {
    time(serialCompute)
    time(pool)
  }
  let one = Infinity, two = Infinity
  for (let r = 0; r < runs; r++) {
    one = Math.min(one, time(serialCompute))
    two = Math.min(two, time(pool))
  }
  return { name, one, two, note }
}

/** `count` iterations of a fresh trainer (created inside the timing: its set-up is small next to them). */
const iterations = (config: MnistConfig, data: MnistData, count: number) => (compute: MnistCompute) => {
  const trainer = createMnistTrainer({ ...config, iterations: count }, data, compute)
  for (let i = 0; i < count; i++) trainer.step()
}

function residentMb(threads: number): number {
  const out = execFileSync(process.execPath, [...process.execArgv, 'bench/threads-memory.ts', String(threads)], { encoding: 'utf8' })
  return JSON.parse(out.trim().split('\n').pop()!).maxRssMb as number
}

export function benchThreads(data: MnistData): { rows: ThreadRow[]; memory: { one: number; two: number } } {
  const pool = new ThreadPool(data, notebook.mnist, 2)
  const p = initParams(new RandomState(1), 64)
  const numerical: MnistConfig = { ...notebook.mnist, evalEvery: 0, snapshotEvery: 1000 }
  const backprop: MnistConfig = { ...notebook.mnist, gradient: 'backprop', formulation: 'standard', evalEvery: 0, snapshotEvery: 1000 }
  const rows = [
    // a one-iteration run also evaluates after its last: a two-iteration run minus a one-iteration run would be
    // noisier than the evaluation is long, so the evaluation is timed on its own and the iteration with 5
    alternate('textbook numerical-gradient iteration (5-iteration run, one final evaluation, per iteration)', 'best of 3 after 1 untimed, alternating', 3, pool,
      iterations(numerical, data, 5)),
    alternate('full evaluation pass (60k train + 10k test, textbook)', 'best of 5, alternating', 5, pool, (compute) => {
      compute.evaluate(p, data.train, 'textbook')
      compute.evaluate(p, data.test, 'textbook')
    }),
    alternate('backprop epoch (600 it., standard; one final evaluation)', 'best of 3, alternating; the steps themselves stay on one thread', 3, pool,
      iterations(backprop, data, 600)),
    alternate("the notebook's whole run (100 numerical iterations, an evaluation after each)", 'best of 2 after none untimed, alternating', 2, pool,
      iterations(notebook.mnist, data, 100), 0)
  ]
  rows[0].one /= 5
  rows[0].two /= 5
  void pool.close()
  return { rows, memory: { one: residentMb(1), two: residentMb(2) } }
}

export function formatThreads({ rows, memory }: ReturnType<typeof benchThreads>): string {
  const ms = (v: number): string => (v >= 10000 ? `${(v / 1000).toFixed(1)} s` : `${v.toFixed(1)} ms`)
  const table = [['threads: benchmark', '1 thread', '2 threads', '1/2', 'note']].concat(
    rows.map((r) => [r.name, ms(r.one), ms(r.two), `${(r.one / r.two).toFixed(2)}x`, r.note]),
    [['engine resident memory, peak (MNIST loaded, a numerical run with evaluations)', `${memory.one.toFixed(0)} MB`, `${memory.two.toFixed(0)} MB`,
      `${(memory.two / memory.one).toFixed(2)}x (2/1)`, 'a fresh process per count: bench/threads-memory.ts']]
  )
  const widths = table[0].map((_, c) => Math.max(...table.map((row) => row[c].length)))
  return table.map((row) => row.map((cell, c) => (c === row.length - 1 ? cell : cell.padEnd(widths[c]))).join('  ')).join('\n')
}
