// Run-store timings on a library the size the issue names: 1,000 runs and 1,000,000 metric
// rows (999 gate runs and one 60,000-step MNIST run with float32 W1 snapshots). No numpy
// counterpart exists, so `reference` is null and the note states the interactive budget.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Matrix, StepRecord } from '../src/engine/types'
import { RunStore } from '../src/services/store/run-store'
import { mnistQuickStart, notebook } from '../src/shared/kinds'
import { toWireParams } from '../src/shared/wire'
import type { BenchRow } from './report'

const GATE_RUNS = 999
/** 940,000 gate rows in all: 940 or 941 steps per run */
const GATE_ROWS = 940_000
const MNIST_STEPS = 60_000
const SNAPSHOT_EVERY = 1000

function median(f: () => void, times: number): number {
  const t: number[] = []
  for (let i = 0; i < times; i++) {
    const t0 = performance.now()
    f()
    t.push(performance.now() - t0)
  }
  return t.sort((a, b) => a - b)[Math.floor(times / 2)]
}

const filled = (rows: number, cols: number, v: number): Matrix => ({ rows, cols, data: new Float64Array(rows * cols).fill(v) })

function build(store: RunStore): number {
  for (let r = 0; r < GATE_RUNS; r++) {
    const epochs = Math.floor(GATE_ROWS / GATE_RUNS) + (r < GATE_ROWS % GATE_RUNS ? 1 : 0)
    const id = store.createRun({ config: { ...notebook.gate, epochs }, totalSteps: epochs })
    const records: StepRecord[] = []
    for (let s = 1; s <= epochs; s++) {
      records.push({ step: s, loss: 1 / s, lr: 0.1, ...(s % 100 === 0 ? { params: { w: filled(1, 2, s), b: filled(1, 1, -s) } } : {}) })
    }
    store.append(id, records)
    store.finish(id, 'done', null, [0, 0, 0, 1])
  }
  const config = { ...mnistQuickStart, iterations: MNIST_STEPS, snapshotEvery: SNAPSHOT_EVERY }
  const mnist = store.createRun({ config, totalSteps: MNIST_STEPS })
  const W1 = filled(784, 64, 0.01)
  const rest = { b1: filled(1, 64, 0), W2: filled(64, 10, 0.01), b2: filled(1, 10, 0) }
  for (let start = 1; start <= MNIST_STEPS; start += 100) {
    const batch: StepRecord[] = []
    for (let s = start; s < start + 100; s++) {
      const evaluation = s % 600 === 0 ? { trainAcc: 0.9, testAcc: 0.9, confusion: new Array(100).fill(1) } : {}
      batch.push({ step: s, loss: 2 / s, lr: 0.1, ...evaluation, ...(s % SNAPSHOT_EVERY === 0 ? { params: { W1, ...rest } } : {}) })
    }
    store.append(mnist, batch)
  }
  store.finish(mnist, 'done')
  return mnist
}

export async function benchStore(): Promise<BenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'gradient-lab-bench-'))
  try {
    const file = join(dir, 'lab.db')
    const t0 = performance.now()
    const writer = new RunStore(file)
    const mnist = build(writer)
    const buildMs = performance.now() - t0
    writer.close()

    // every `lab runs` and every app start opens the file first (checks included)
    const openMs = median(() => new RunStore(file).close(), 5)

    // a fresh open, as when the app starts with this library
    const store = new RunStore(file)
    const open = performance.now()
    const list = store.listRuns()
    const firstList = performance.now() - open
    if (list.length !== GATE_RUNS + 1) throw new Error(`expected ${GATE_RUNS + 1} runs, listed ${list.length}`)
    const rows = (store.db.prepare('SELECT count(*) AS n FROM metrics').get() as { n: number }).n

    const listMs = median(() => store.listRuns(), 7)
    const mnistMetricsMs = median(() => store.metrics(mnist), 5)
    const gateMetricsMs = median(() => store.metrics(1), 21)
    let step = 0
    const frameMs = median(() => {
      // a scrubber jump: parameters at the nearest snapshot at or before, ready to send
      step = (step + 7919) % MNIST_STEPS
      const snap = store.snapshot(mnist, step)
      if (snap?.params) toWireParams(snap.params)
    }, 61)
    store.close()
    const size = `${list.length} runs, ${rows.toLocaleString('en')} metric rows`
    return [
      { name: 'store: build library', ours: buildMs, reference: null, note: `${size}, appended in batches (one transaction each)` },
      { name: 'store: open database', ours: openMs, reference: null, note: `${size}; open, checks and migration, as every \`lab runs\` pays` },
      { name: 'store: list runs (first, after open)', ours: firstList, reference: null, note: `${size}; budget 100 ms` },
      { name: 'store: list runs', ours: listMs, reference: null, note: `${size}; budget 100 ms` },
      { name: 'store: load metrics, 60k-step run', ours: mnistMetricsMs, reference: null, note: 'all 60,000 steps as columns; budget 100 ms' },
      { name: 'store: load metrics, gate run', ours: gateMetricsMs, reference: null, note: '941 steps; budget 100 ms' },
      { name: 'store: replay frame, 60k-step MNIST', ours: frameMs, reference: null, note: 'nearest snapshot at or before + decode float32 W1 (784x64); budget 16 ms (one frame)' }
    ]
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
