// A LabService with its real parts for tests: a SQLite file in a temp folder, engine processes
// forked with tsx, and what each engine process sent as the host received it.
import { join } from 'node:path'
import { afterEach } from 'vitest'
import type { StepRecord } from '../../src/engine/types'
import { EngineHost, type Spawn } from '../../src/services/engine-host/engine-host'
import { forkSpawner } from '../../src/services/engine-host/fork-spawner'
import type { EngineMessage } from '../../src/services/engine-process/messages'
import { LabService } from '../../src/services/lab-service'
import { readSamples } from '../../src/services/mnist/samples'
import { RunStore } from '../../src/services/store/run-store'
import type { ProgressEvent } from '../../src/shared/api'
import { tempDir } from './tmp'

export interface WatchedChild {
  pid: number
  received: StepRecord[]
  batches: number
  /** The step count of every message that carried one (records and paused), in order. */
  done: number[]
  exited: Promise<void>
}

/** Forks real engine processes and keeps what each one sent. */
export function watchedSpawner() {
  const children: WatchedChild[] = []
  const base = forkSpawner()
  const spawn: Spawn = () => {
    const child = base()
    let exited!: () => void
    const entry: WatchedChild = { pid: child.pid!, received: [], batches: 0, done: [], exited: new Promise((r) => (exited = r)) }
    children.push(entry)
    child.onExit(() => exited())
    child.onMessage((m: EngineMessage) => {
      if (m.type === 'paused') entry.done.push(m.done)
      if (m.type !== 'records') return
      entry.batches++
      entry.done.push(m.done)
      entry.received.push(...m.records)
    })
    return child
  }
  return { spawn, children }
}

const cleanup: (() => void)[] = []
afterEach(() => cleanup.splice(0).forEach((f) => f()))

/** `silenceMs`: how long an engine may say nothing before the host ends it as hung (engine-host.ts). */
export function setup(opts: { silenceMs?: number } = {}) {
  const file = join(tempDir(), 'lab.db')
  const store = new RunStore(file)
  const { spawn, children } = watchedSpawner()
  const service = new LabService({ store, engine: new EngineHost(spawn, opts.silenceMs), mnistSamples: (count) => readSamples(count) })
  const events: (ProgressEvent & { at: number })[] = []
  const waiters: { test: (e: ProgressEvent) => boolean; resolve: (e: ProgressEvent) => void }[] = []
  service.on('run:progress', (e) => {
    const copy = { ...e, records: [...e.records], at: performance.now() }
    events.push(copy)
    for (const w of [...waiters]) {
      if (!w.test(copy)) continue
      waiters.splice(waiters.indexOf(w), 1)
      w.resolve(copy)
    }
  })
  /** The next progress event (from now on) that passes `test`. */
  const next = (test: (e: ProgressEvent) => boolean): Promise<ProgressEvent> => new Promise((resolve) => waiters.push({ test, resolve }))
  cleanup.push(() => {
    service.close()
    store.close()
  })
  return { file, store, service, children, events, next }
}

export async function ok<T>(p: Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>): Promise<T> {
  const r = await p
  if (!r.ok) throw new Error(r.error.message)
  return r.value
}
