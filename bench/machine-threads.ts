// The machine's own answer to "what do two threads give?", as the reference of the thread table:
// a loop that splits perfectly (independent arithmetic, nothing shared) timed on one thread and
// split across two, joined with Atomics.wait/notify like src/services/threads; and the latency of
// one join with nothing to compute (what every split call pays, and why a backprop step, about
// half a millisecond, is not split).
import { Worker } from 'node:worker_threads'

function spin(n: number): number {
  let s = 0
  for (let i = 0; i < n; i++) s += Math.sqrt(i + s * 1e-12)
  return s
}

const WORKER = `${spin.toString()}
const { workerData } = require('node:worker_threads')
const c = new Int32Array(workerData)
let seen = 0
for (;;) {
  Atomics.wait(c, 0, seen)
  seen = Atomics.load(c, 0)
  if (c[2] < 0) break
  spin(c[2])
  Atomics.store(c, 1, 0)
  Atomics.notify(c, 1)
}`

export class MachineThreads {
  private readonly control = new Int32Array(new SharedArrayBuffer(12))
  private readonly worker = new Worker(WORKER, { eval: true, workerData: this.control.buffer })

  /** `n` steps of the loop split in two: half here, half on the other thread. */
  split(n: number): void {
    this.control[2] = n / 2
    Atomics.store(this.control, 1, 1)
    Atomics.add(this.control, 0, 1)
    Atomics.notify(this.control, 0)
    spin(n / 2)
    while (Atomics.load(this.control, 1) !== 0) Atomics.wait(this.control, 1, 1)
  }

  single(n: number): void {
    spin(n)
  }

  close(): Promise<number> {
    this.control[2] = -1
    Atomics.add(this.control, 0, 1)
    Atomics.notify(this.control, 0)
    return this.worker.terminate()
  }
}
