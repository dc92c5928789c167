// A hung engine process is noticed (engine-host.ts): real engine processes, stopped with SIGSTOP
// so that they neither step nor send their heartbeat, as a hung or frozen process would.
import { describe, expect, it } from 'vitest'
import { notebook } from '../../src/shared/kinds'
import { ok, setup, type WatchedChild } from './lab-harness'
import { until } from './tmp'

/** The silence limit in these tests (the product's is ENGINE_SILENCE_MS, 10 s): 8 heartbeats of 500 ms. */
const SILENCE_MS = 4_000
/**
 * How late past the limit the run may be ended: the limit counts from the engine's last message
 * (up to one heartbeat before the SIGSTOP), and timers on a machine shared with other test
 * processes fire late; twice a heartbeat and a second on top is generous for both.
 */
const LATE_MS = 2_000

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

const gate = { ...notebook.gate, epochs: 100_000 }

describe('a hung engine', () => {
  it('is killed, its run ended with the reason and its slot freed within the silence limit; a quiet paused engine is not', async () => {
    const { service, store, children } = setup({ silenceMs: SILENCE_MS })
    const a = await ok(service.handle('runs:start', { config: gate, paused: true }))
    const b = await ok(service.handle('runs:start', { config: gate, paused: true }))
    await until(() => children.length === 2 && children.every((c) => c.done.length > 0), 'both engines to hold at step 0')
    // both slots are taken
    expect(await service.handle('runs:start', { config: gate })).toMatchObject({ ok: false, error: { code: 'busy' } })

    const [stopped, quiet] = children as [WatchedChild, WatchedChild]
    process.kill(stopped.pid, 'SIGSTOP')
    const t0 = performance.now()
    const run = await until(() => {
      const r = store.getRun(a.runId)!
      return r.status !== 'paused' && r
    }, 'the stopped engine to be ended', SILENCE_MS + 10_000)
    const took = performance.now() - t0
    expect(run.status).toBe('interrupted')
    expect(run.reason).toBe('The engine process stopped answering (nothing for 4 s) and was ended; the steps received until then are kept.')
    expect(took).toBeLessThan(SILENCE_MS + LATE_MS)
    // killed for real, although stopped: SIGKILL needs no cooperation
    await stopped.exited
    expect(alive(stopped.pid)).toBe(false)

    // the slot is free: a new run starts and trains to the end
    const c = await ok(service.handle('runs:start', { config: { ...notebook.gate, epochs: 50 } }))
    await until(() => store.getRun(c.runId)?.status === 'done', 'the new run to finish')
    // the paused engine said nothing but its heartbeat for longer than the limit, and is left alone
    expect(store.getRun(b.runId)!.status).toBe('paused')
    expect(alive(quiet.pid)).toBe(true)
  })

  it('is ended by Stop for real when it does not answer', async () => {
    const { service, store, children } = setup()
    const { runId } = await ok(service.handle('runs:start', { config: gate, paused: true }))
    await until(() => children[0]?.done.length > 0, 'the engine to hold at step 0')
    process.kill(children[0].pid, 'SIGSTOP')
    expect(await ok(service.handle('runs:stop', { runId }))).toBeNull()
    await children[0].exited
    expect(alive(children[0].pid)).toBe(false)
    expect(store.getRun(runId)).toMatchObject({ status: 'stopped', reason: 'stopped by the user (the engine did not answer in time and was ended)' })
    // and its slot is free
    expect(await service.handle('runs:start', { config: gate, paused: true })).toMatchObject({ ok: true })
  })
})
