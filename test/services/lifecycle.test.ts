// Pause, Step, Stop, backpressure, storage errors and the concurrency limit, through LabService
// with real engine processes and a real SQLite file.
import { describe, expect, it } from 'vitest'
import { createTrainer } from '../../src/engine'
import type { GateConfig } from '../../src/shared/config'
import { EngineHost } from '../../src/services/engine-host/engine-host'
import { MAX_TRAINING_RUNS } from '../../src/services/lab-service'
import type { RunStore } from '../../src/services/store/run-store'
import { mnistQuickStart, notebook } from '../../src/shared/kinds'
import type { ProgressEvent } from '../../src/shared/api'
import { ok, setup, watchedSpawner } from './lab-harness'
import { until } from './tmp'

/** The gates lesson's long run: 100,000 backprop epochs, every one logged. */
const LONG_GATE: GateConfig = { ...notebook.gate, gradient: 'backprop', epochs: 100_000 }
const heartbeatAt = (store: RunStore, runId: number) => store.db.prepare('SELECT heartbeat_at FROM runs WHERE id = ?').pluck().get(runId) as number
const storedSteps = (store: RunStore, runId: number) => store.metrics(runId).step
const is = (runId: number, status: ProgressEvent['status'], done?: number) => (e: ProgressEvent) =>
  e.runId === runId && e.status === status && (done === undefined || e.done === done)

describe('run control', () => {
  it('Pause holds at one step (shown, stored, engine agree, a heartbeat later too); Step adds exactly one; Stop ends stopped at the step shown', async () => {
    const { service, store, children, events, next } = setup()
    const { runId } = await ok(service.handle('runs:start', { config: LONG_GATE }))
    await until(() => store.getRun(runId)!.steps >= 500, 'some epochs')
    const pausedEvent = next(is(runId, 'paused'))
    await ok(service.handle('runs:pause', { runId }))
    const paused = await pausedEvent
    const engine = children[0]
    expect(paused.done).toBeLessThan(LONG_GATE.epochs)
    // every epoch is logged here, so the stored steps are exactly 1..done
    const expected = Array.from({ length: paused.done }, (_, i) => i + 1)
    expect(storedSteps(store, runId)).toEqual(expected)
    expect(engine.done.at(-1)).toBe(paused.done)
    expect(engine.received.map((r) => r.step)).toEqual(expected)
    expect(store.getRun(runId)).toMatchObject({ status: 'paused', steps: paused.done })

    const beat = heartbeatAt(store, runId)
    await until(() => heartbeatAt(store, runId) > beat, 'a heartbeat while paused')
    expect(storedSteps(store, runId)).toHaveLength(paused.done)
    expect(engine.received).toHaveLength(paused.done)
    expect(engine.done.at(-1)).toBe(paused.done)

    // Step: one epoch, stored and emitted, and still paused
    const steppedEvent = next(is(runId, 'paused', paused.done + 1))
    await ok(service.handle('runs:step', { runId }))
    const stepped = await steppedEvent
    expect(stepped.records.map((r) => r.step)).toEqual([paused.done + 1])
    expect(storedSteps(store, runId)).toEqual([...expected, paused.done + 1])
    expect(store.getRun(runId)!.status).toBe('paused')
    // paused time is not training time: the clock did not move while held
    expect(stepped.elapsedMs - paused.elapsedMs).toBeLessThan(heartbeatAt(store, runId) - beat)

    await ok(service.handle('runs:resume', { runId }))
    expect(await service.handle('runs:step', { runId })).toMatchObject({ ok: false, error: { code: 'invalid', message: `run ${runId} is running: pause it first, then step it` } })
    await until(() => store.getRun(runId)!.steps > stepped.done + 500, 'more epochs after resume')
    const stoppedEvent = next(is(runId, 'stopped'))
    await ok(service.handle('runs:stop', { runId }))
    const stopped = await stoppedEvent
    const run = store.getRun(runId)!
    expect(run.status).toBe('stopped')
    expect(run.steps).toBe(stopped.done)
    expect(storedSteps(store, runId).at(-1)).toBe(stopped.done)
    expect(stopped.done).toBeLessThan(LONG_GATE.epochs)

    const running = events.filter((e) => e.runId === runId && e.status === 'running')
    expect(running.every((e) => e.total === LONG_GATE.epochs && e.rate > 0 && e.etaSeconds! > 0 && e.elapsedMs > 0)).toBe(true)
    // throttled: never more than ~8 running events in any one second
    for (const e of running) expect(running.filter((f) => f.at >= e.at && f.at < e.at + 1000).length).toBeLessThanOrEqual(9)
  })

  it('a run started paused waits at step 0; Step takes one epoch at a time, stored off the log interval with its parameters', async () => {
    const { service, store, next } = setup()
    const config: GateConfig = { ...notebook.gate, epochs: 1000, logEvery: 10 }
    const startEvent = next((e) => e.status === 'paused')
    const { runId } = await ok(service.handle('runs:start', { config, paused: true }))
    expect(await startEvent).toMatchObject({ runId, done: 0, total: 1000, records: [] })
    expect(store.getRun(runId)).toMatchObject({ status: 'paused', steps: 0 })
    // the reference: the same epochs taken by a trainer of its own, each one logged
    const reference = createTrainer({ ...config, logEvery: 1 })
    for (let k = 1; k <= 3; k++) {
      const event = next(is(runId, 'paused', k))
      await ok(service.handle('runs:step', { runId }))
      const e = await event
      expect(e.records.map((r) => r.step)).toEqual([k])
      const want = reference.step()!
      expect(e.records[0].loss).toBe(want.loss)
      expect(store.snapshot(runId, k)!.step).toBe(k)
      expect(Array.from(store.snapshot(runId, k)!.params!.w.data)).toEqual(Array.from(want.params!.w.data))
    }
    expect(storedSteps(store, runId)).toEqual([1, 2, 3])
    const done = next(is(runId, 'done'))
    await ok(service.handle('runs:resume', { runId }))
    await done
    // after the hand-taken steps, the log interval as configured, and the final epoch
    expect(storedSteps(store, runId)).toEqual([1, 2, 3, ...Array.from({ length: 100 }, (_, i) => (i + 1) * 10)])
  })

  it('Step on a paused MNIST run takes exactly one iteration and stores it with its parameters', async () => {
    const { service, store, next } = setup()
    const started = next((e) => e.status === 'paused')
    const { runId } = await ok(service.handle('runs:start', { config: { ...mnistQuickStart, iterations: 600, snapshotEvery: 100 }, paused: true }))
    await started
    const stepped = next(is(runId, 'paused', 1))
    await ok(service.handle('runs:step', { runId }))
    await stepped
    expect(storedSteps(store, runId)).toEqual([1])
    expect(store.getRun(runId)!.snapshotSteps).toEqual([1])
    expect(store.snapshot(runId, 1)!.params!.W1.rows).toBe(784)
  })
})

describe('backpressure', () => {
  it('an engine whose batches are not acknowledged holds after one batch in flight and one pending', async () => {
    const { spawn, children } = watchedSpawner()
    const host = new EngineHost(spawn)
    const sent: number[] = []
    let pausedAt!: (done: number) => void
    const pausedDone = new Promise<number>((r) => (pausedAt = r))
    const run = host.start(
      { ...LONG_GATE, epochs: 10_000_000, logEvery: 1000 },
      { records: (_, done) => (sent.push(done), false), paused: (done) => pausedAt(done), finished: () => undefined }
    )
    try {
      await until(() => sent.length >= 1, 'a first batch')
      // long enough for an engine without backpressure to send several more 50 ms batches
      await new Promise((r) => setTimeout(r, 500))
      run.pause()
      const held = await pausedDone
      // the first batch (never acknowledged), then only what the pause flushed: one batch's worth
      expect(sent.length).toBeLessThanOrEqual(2)
      expect(held).toBe(sent.at(-1))
      expect(children[0].done.at(-1)).toBe(held)
    } finally {
      run.abort()
    }
  })
})

describe('storage errors and limits', () => {
  it('a full disk ends the run failed with the reason in words, keeps every stored step, ends the engine; the host answers', async () => {
    const { service, store, children, next } = setup()
    // a real SQLITE_FULL: the database may grow by 1,000 pages (4 MB) only, a few batches' worth
    const pages = store.db.pragma('page_count', { simple: true }) as number
    store.db.pragma(`max_page_count = ${pages + 1000}`)
    const failedEvent = next((e) => e.status === 'failed')
    const { runId } = await ok(service.handle('runs:start', { config: { ...LONG_GATE, gradient: 'numerical' } }))
    const failed = await failedEvent
    expect(failed.reason).toBe('The run could not be saved: the disk is full. Every step saved before that is kept; training was stopped.')
    await children[0].exited
    const run = store.getRun(runId)!
    expect(run).toMatchObject({ status: 'failed', reason: failed.reason, steps: failed.done })
    expect(failed.done).toBeGreaterThan(0)
    expect(storedSteps(store, runId)).toEqual(Array.from({ length: failed.done }, (_, i) => i + 1))
    expect(await service.handle('runs:list', undefined)).toMatchObject({ ok: true, value: [{ id: runId, status: 'failed' }] })
    store.db.pragma(`max_page_count = ${pages + 100_000}`)
    const next2 = await ok(service.handle('runs:start', { config: { ...notebook.gate, epochs: 20 } }))
    await until(() => store.getRun(next2.runId)!.status === 'done', 'a new run to finish')
  })

  it(`refuses a training run past ${MAX_TRAINING_RUNS} naming the limit and the runs; Stop answers within a second under that load`, async () => {
    const { service, store, next } = setup()
    const ids: number[] = []
    for (let i = 0; i < MAX_TRAINING_RUNS; i++) ids.push((await ok(service.handle('runs:start', { config: LONG_GATE }))).runId)
    await until(() => ids.every((id) => store.getRun(id)!.steps >= 500), 'both runs to train')
    const names = ids.map((id) => `run ${id} (AND gate, lr 0.1)`).join(' and ')
    expect(await service.handle('runs:start', { config: notebook.gate })).toEqual({
      ok: false,
      error: { code: 'busy', message: `at most ${MAX_TRAINING_RUNS} runs can train at once, and ${names} are training: stop one (or let it finish) to start another` }
    })
    for (const id of ids) {
      const t0 = performance.now()
      const stopped = next(is(id, 'stopped'))
      await ok(service.handle('runs:stop', { runId: id }))
      await stopped
      expect(performance.now() - t0).toBeLessThan(1000)
      expect(store.getRun(id)!.status).toBe('stopped')
    }
    const again = await ok(service.handle('runs:start', { config: { ...notebook.gate, epochs: 20 } }))
    await until(() => store.getRun(again.runId)!.status === 'done', 'a run after the others stopped')
  })
})
