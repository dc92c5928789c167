// A compute thread of an MNIST run (started by pool.ts): waits for a call on the shared control
// words, computes its range of the numerical gradient or of an evaluation pass with the engine's
// range functions, and joins. It never returns to its event loop while the run lasts.
import { workerData } from 'node:worker_threads'
import { evaluationOutputs, gatherRows, numericalGradientPart } from '../../engine/mnist'
import { FORMULATIONS } from '../../shared/fields'
import {
  BATCH_ROWS, EVALUATE, FAILED, FORMULATION, GEN, H_STEP, NUMERICAL, PENDING, QUIT, RANGES, REASON_BYTES, REASON_LENGTH, SPLIT, TASK,
  csrView, paramsView, type SharedRun
} from './shared'

const run = (workerData as { run: SharedRun; part: number }).run
const part = (workerData as { part: number }).part
const H = run.hidden
const control = new Int32Array(run.control)
const job = new Float64Array(run.job)
const splits = [run.train, run.test].map((s) => ({ x: csrView(s.csr), labels: new Uint8Array(s.labels) }))
const params = paramsView(run.params, H)
const grads = paramsView(run.grads, H)
const index = new Int32Array(run.index)
const outputs = new Float64Array(run.outputs)
let busy = false

function fail(reason: string): void {
  const bytes = new TextEncoder().encode(`thread ${part + 1} of ${run.threads}: ${reason}`).subarray(0, REASON_BYTES)
  if (Atomics.compareExchange(control, FAILED, 0, 1) === 0) {
    new Uint8Array(run.reason).set(bytes)
    Atomics.store(control, REASON_LENGTH, bytes.length)
  }
}

function join(): void {
  busy = false
  if (Atomics.sub(control, PENDING, 1) === 1) Atomics.notify(control, PENDING)
}

function compute(): void {
  const from = job[RANGES + 2 * part]
  const to = job[RANGES + 2 * part + 1]
  const formulation = FORMULATIONS[job[FORMULATION]]
  if (job[TASK] === NUMERICAL) {
    const train = splits[0]
    const rows = index.subarray(0, job[BATCH_ROWS])
    const labels = Array.from(rows, (n) => train.labels[n])
    numericalGradientPart(params, gatherRows(train.x, rows), labels, formulation, job[H_STEP], from, to, grads)
  } else if (job[TASK] === EVALUATE) {
    evaluationOutputs(params, splits[job[SPLIT]].x, from, to, outputs)
  }
}

// a worker ended mid-call (process.exit) still joins, with its reason, so the main thread wakes
process.on('exit', (code) => {
  if (!busy) return
  fail(`exited with code ${code} while computing`)
  join()
})

let seen = 0
for (;;) {
  Atomics.wait(control, GEN, seen)
  seen = Atomics.load(control, GEN)
  if (job[TASK] === QUIT) break
  busy = true
  try {
    compute()
  } catch (e) {
    fail((e as Error).message)
  }
  join()
}
