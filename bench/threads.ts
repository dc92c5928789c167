// `npm run bench`'s thread table: each MNIST computation at 1 and at 2 threads in the same run,
// timed in alternation (1, 2, 1, 2, ...) so that both sample the same stretches of a shared
// machine, best of each; and the engine's resident memory at each thread count, measured in a
// fresh process per count (bench/threads-memory.ts).
import { execFileSync } from 'node:child_process'
import type { MnistConfig } from '../src/shared/config'
import { createMnistTrainer, gatherRows, type MnistCompute, type MnistData } from '../src/engine/mnist'
import { serialCompute } from '../src/engine/mnist/compute'
import { initParams } from '../src/engine/mnist/model'
import { RandomState } from '../src/engine/random'
import { notebook } from '../src/shared/kinds'
import { ThreadPool } from '../src/services/threads'
import { MachineThreads } from './machine-threads'

export interface ThreadRow {
  name: string
  one: number
  two: number
  note: string
}

const timed = (f: () => void): number => {
  const t0 = performance.now()
  f()
  return performance.now() - t0
}

/**
 * Best of `runs` alternating timings of `one` and `two`, after `warmups` untimed of each; the note
 * gets the range of the pairs' ratios (each pair shares a stretch of the machine).
 */
function pairs(name: string, note: string, runs: number, one: () => void, two: () => void, warmups = 1): ThreadRow {
  for (let w = 0; w < warmups; w++) {
    one()
    two()
  }
  const times = Array.from({ length: runs }, () => [timed(one), timed(two)])
  const ratios = times.map(([a, b]) => a / b)
  return {
    name,
    one: Math.min(...times.map((t) => t[0])),
    two: Math.min(...times.map((t) => t[1])),
    note: `${note}; pairs' ratios ${Math.min(...ratios).toFixed(2)}-${Math.max(...ratios).toFixed(2)}x`
  }
}

const alternate = (name: string, note: string, runs: number, pool: ThreadPool, work: (compute: MnistCompute) => void, warmups = 1): ThreadRow =>
  pairs(name, note, runs, () => work(serialCompute), () => work(pool), warmups)

/** `count` iterations of a fresh trainer (created inside the timing: its set-up is small next to them). */
const iterations = (config: MnistConfig, data: MnistData, count: number) => (compute: MnistCompute) => {
  const trainer = createMnistTrainer({ ...config, iterations: count }, data, compute)
  for (let i = 0; i < count; i++) trainer.step()
}

interface Resident {
  maxRssMb: number
  rssMb: number
}

function resident(threads: number): Resident {
  const out = execFileSync(process.execPath, [...process.execArgv, 'bench/threads-memory.ts', String(threads)], { encoding: 'utf8' })
  return JSON.parse(out.trim().split('\n').pop()!) as Resident
}

/** The machine's reference rows: a perfectly parallel loop, and the cost of one join. */
function machine(): ThreadRow[] {
  const m = new MachineThreads()
  const N = 2e7
  const loop = pairs('reference: a loop that splits perfectly (2e7 square roots), what the machine gives two threads now', 'best of 5, alternating', 5,
    () => m.single(N), () => m.split(N))
  const JOINS = 2000
  const join = timed(() => {
    for (let j = 0; j < JOINS; j++) m.split(0)
  }) / JOINS
  void m.close()
  return [loop, { name: 'one join with nothing to compute (start the other thread, wait for it)', one: 0, two: join, note: `mean of ${JOINS}` }]
}

export function benchThreads(data: MnistData): { rows: ThreadRow[]; memory: { one: Resident; two: Resident } } {
  const reference = machine()
  const pool = new ThreadPool(data, notebook.mnist, 2)
  const p = initParams(new RandomState(1), 64)
  const rng = new RandomState(2)
  const index = rng.choice(data.train.count, 100)
  const labels = index.map((n) => data.train.labels[n])
  const x = gatherRows(pool.csrOf(data.train), index)
  const backprop: MnistConfig = { ...notebook.mnist, gradient: 'backprop', formulation: 'standard', evalEvery: 0, snapshotEvery: 1000 }
  const rows = [
    alternate('textbook numerical-gradient iteration (784-64-10, batch 100)', 'the gradient of one batch; best of 5 after 3 untimed, alternating', 5, pool,
      (compute) => void compute.numericalGradient(p, x, index, labels, 'textbook', 1e-4), 3),
    alternate('full evaluation pass (60k train + 10k test, textbook)', 'best of 5, alternating', 5, pool, (compute) => {
      compute.evaluate(p, data.train, 'textbook')
      compute.evaluate(p, data.test, 'textbook')
    }),
    alternate('backprop epoch (600 it., standard; one final evaluation)', 'best of 3, alternating; the steps themselves stay on one thread', 3, pool,
      iterations(backprop, data, 600)),
    alternate("the notebook's whole run (100 numerical iterations, an evaluation after each)", 'best of 2 after none untimed, alternating', 2, pool,
      iterations(notebook.mnist, data, 100), 0)
  ]
  void pool.close()
  rows.push(...reference)
  return { rows, memory: { one: resident(1), two: resident(2) } }
}

export function formatThreads({ rows, memory }: ReturnType<typeof benchThreads>): string {
  const ms = (v: number): string => (v >= 10000 ? `${(v / 1000).toFixed(1)} s` : `${v.toFixed(1)} ms`)
  const table = [['threads: benchmark', '1 thread', '2 threads', '1/2', 'note']].concat(
    rows.map((r) => (r.one === 0
      ? [r.name, '-', `${(r.two * 1000).toFixed(0)} µs`, '-', r.note]
      : [r.name, ms(r.one), ms(r.two), `${(r.one / r.two).toFixed(2)}x`, r.note])),
    (['maxRssMb', 'rssMb'] as const).map((k) => [
      `engine resident memory, ${k === 'maxRssMb' ? 'peak' : 'after the run'} (MNIST loaded, 3 numerical iterations, evaluated each)`,
      `${memory.one[k].toFixed(0)} MB`, `${memory.two[k].toFixed(0)} MB`, `${(memory.two[k] / memory.one[k]).toFixed(2)}x (2/1)`,
      'a fresh process per count: bench/threads-memory.ts'
    ])
  )
  const widths = table[0].map((_, c) => Math.max(...table.map((row) => row[c].length)))
  return table.map((row) => row.map((cell, c) => (c === row.length - 1 ? cell : cell.padEnd(widths[c]))).join('  ')).join('\n')
}
