// Worker threads for one MNIST run, as the engine's MnistCompute: the numerical gradient split by
// parameter ranges, each evaluation pass by image ranges (the engine's range functions, so every
// number is the one a single thread computes). The calling thread takes the first range itself
// and waits for the others with Atomics.wait: the trainer stays synchronous, and its runner
// handles control messages between steps as before. The data set lives once, in shared memory.
import { join } from 'node:path'
import { Worker } from 'node:worker_threads'
import {
  CLASSES, csrOf, evaluationOf, evaluationOutputs, evaluationRanges, numericalGradientPart, parameterRanges,
  type Csr, type Evaluation, type Gradient, type MnistCompute, type MnistData, type MnistParams, type MnistSplit
} from '../../engine/mnist'
import type { Formulation } from '../../engine/types'
import { FORMULATIONS } from '../../shared/fields'
import {
  BATCH_ROWS, CONTROL_WORDS, EVALUATE, FAILED, FORMULATION, GEN, H_STEP, NUMERICAL, PENDING, QUIT, RANGES, REASON_BYTES, REASON_LENGTH,
  SPLIT, TASK, csrView, paramsBytes, paramsView, shareCsr, sharedMemory, type SharedRun, type SharedSplit
} from './shared'

// From source (tsx, Vitest) the worker is worker.ts, registered with tsx; built, the bundle's
// threads-worker.js beside the engine process's own entry (electron.vite.config.ts).
const FROM_SOURCE = __filename.endsWith('.ts')
const ENTRY = FROM_SOURCE ? join(__dirname, 'worker.ts') : join(__dirname, 'threads-worker.js')
const BOOT = `const { workerData } = require('node:worker_threads')
if (workerData.entry.endsWith('.ts')) require('tsx/cjs/api').register()
require(workerData.entry)`

export interface PoolSize {
  hidden: number
  batch: number
}

export class ThreadPool implements MnistCompute {
  private readonly workers: Worker[]
  private readonly control: Int32Array
  private readonly job: Float64Array
  private readonly params: MnistParams
  private readonly grads: MnistParams
  private readonly index: Int32Array
  private readonly outputs: Float64Array
  private readonly run: SharedRun
  private failure: string | null = null
  private closing = false

  /** threads in all, the calling one included (so threads - 1 workers). */
  constructor(private readonly data: MnistData, size: PoolSize, readonly threads: number) {
    const share = (split: MnistSplit): SharedSplit => {
      const labels = sharedMemory(split.count)
      new Uint8Array(labels).set(split.labels)
      return { csr: shareCsr(csrOf(split, sharedMemory)), labels }
    }
    const H = size.hidden
    this.run = {
      hidden: H,
      threads,
      train: share(data.train),
      test: share(data.test),
      control: sharedMemory(4 * CONTROL_WORDS),
      reason: sharedMemory(REASON_BYTES),
      job: sharedMemory(8 * (RANGES + 2 * threads)),
      params: sharedMemory(paramsBytes(H)),
      grads: sharedMemory(paramsBytes(H)),
      index: sharedMemory(4 * size.batch),
      outputs: sharedMemory(8 * CLASSES * Math.max(data.train.count, data.test.count))
    }
    this.control = new Int32Array(this.run.control)
    this.job = new Float64Array(this.run.job)
    this.params = paramsView(this.run.params, H)
    this.grads = paramsView(this.run.grads, H)
    this.index = new Int32Array(this.run.index)
    this.outputs = new Float64Array(this.run.outputs)
    this.workers = Array.from({ length: threads - 1 }, (_, w) => {
      const worker = new Worker(BOOT, { eval: true, workerData: { entry: ENTRY, run: this.run, part: w + 1 } })
      worker.on('error', (e) => this.lost(w, e.message))
      worker.on('exit', (code) => this.lost(w, `stopped with exit code ${code}`))
      return worker
    })
  }

  /** The training split's rows, in the shared memory the workers read. */
  csrOf(split: MnistSplit): Csr {
    return csrView(split === this.data.train ? this.run.train.csr : this.run.test.csr)
  }

  numericalGradient(p: MnistParams, x: Csr, index: ArrayLike<number>, labels: ArrayLike<number>, formulation: Formulation, h: number): Gradient {
    this.load(p)
    this.index.set(index)
    this.job[H_STEP] = h
    this.job[BATCH_ROWS] = index.length
    let loss = NaN
    this.call(NUMERICAL, formulation, parameterRanges(x, p.b1.cols, this.threads), (from, to) => {
      loss = numericalGradientPart(p, x, labels, formulation, h, from, to, this.grads)
    })
    return { grads: this.grads, loss }
  }

  evaluate(p: MnistParams, split: MnistSplit, formulation: Formulation): Evaluation {
    this.load(p)
    const train = split === this.data.train
    this.job[SPLIT] = train ? 0 : 1
    const x = this.csrOf(split)
    this.call(EVALUATE, formulation, evaluationRanges(split.count, this.threads), (from, to) => evaluationOutputs(p, x, from, to, this.outputs))
    return evaluationOf(this.outputs.subarray(0, CLASSES * split.count), split.labels, formulation)
  }

  /** Ends the workers (they are waiting for a call: they quit at once). */
  close(): Promise<number[]> {
    this.closing = true
    this.job[TASK] = QUIT
    Atomics.add(this.control, GEN, 1)
    Atomics.notify(this.control, GEN)
    return Promise.all(this.workers.map((w) => w.terminate()))
  }

  /** The worker threads, for their supervision (and the tests that stop one). */
  get threadsOf(): readonly Worker[] {
    return this.workers
  }

  private load(p: MnistParams): void {
    for (const name of ['W1', 'b1', 'W2', 'b2'] as const) if (p[name].data !== this.params[name].data) this.params[name].data.set(p[name].data)
  }

  /** Starts the workers on their ranges, computes the first range here, waits for them. */
  private call(task: number, formulation: Formulation, bounds: number[], first: (from: number, to: number) => void): void {
    if (this.failure) throw new Error(this.failure)
    this.job[TASK] = task
    this.job[FORMULATION] = FORMULATIONS.indexOf(formulation)
    for (let part = 0; part < this.threads; part++) {
      this.job[RANGES + 2 * part] = bounds[part]
      this.job[RANGES + 2 * part + 1] = bounds[part + 1]
    }
    Atomics.store(this.control, PENDING, this.workers.length)
    Atomics.add(this.control, GEN, 1)
    Atomics.notify(this.control, GEN)
    let own: unknown = null
    try {
      first(bounds[0], bounds[1])
    } catch (e) {
      own = e
    }
    for (let left = Atomics.load(this.control, PENDING); left > 0; left = Atomics.load(this.control, PENDING)) {
      Atomics.wait(this.control, PENDING, left)
    }
    if (own) throw own
    if (Atomics.load(this.control, FAILED)) {
      const bytes = new Uint8Array(this.run.reason).slice(0, Atomics.load(this.control, REASON_LENGTH))
      this.failure = `worker ${new TextDecoder().decode(bytes)}`
      throw new Error(this.failure)
    }
  }

  /** A worker that ended or failed outside a call: the next call fails with the reason. */
  private lost(w: number, reason: string): void {
    if (this.closing) return
    this.failure ??= `worker thread ${w + 2} of ${this.threads} ${reason}`
  }
}
