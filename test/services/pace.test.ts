// A run's speed through LabService with a real engine process and SQLite file: the engine keeps
// the pace it is given, takes a new one mid-run, and a bad pace is refused naming what is allowed.
import { describe, expect, it } from 'vitest'
import { notebook } from '../../src/shared/kinds'
import { ok, setup } from './lab-harness'
import { until } from './tmp'

describe('a run’s pace', () => {
  it('holds a run at 1 step/s, then finishes it at once at full speed, storing every epoch', async () => {
    const { service, store, events } = setup()
    const { runId } = await ok(service.handle('runs:start', { config: notebook.gate, pace: 1 }))
    await until(() => events.some((e) => e.runId === runId && e.done >= 1), 'the first step')
    // at 1 step/s the run is nowhere near its end when the speed changes
    expect(store.getRun(runId)!.steps).toBeLessThan(10)
    expect(await ok(service.handle('runs:pace', { runId, pace: null }))).toBeNull()
    await until(() => store.getRun(runId)?.status === 'done', 'the run to finish at full speed')
    expect(store.metrics(runId).step).toEqual(Array.from({ length: 1000 }, (_, i) => i + 1))
  })

  it('refuses a speed that is not offered, naming the field and the speeds allowed, and a run that is not training', async () => {
    const { service } = setup()
    expect(await service.handle('runs:start', { config: notebook.gate, pace: 7 })).toMatchObject({
      ok: false,
      error: { code: 'invalid', message: expect.stringMatching(/^pace must be one of 1, 2, 5, 10, 30, 100, 1000, null \(full speed\) steps per second \(got 7\)/) }
    })
    expect(await service.handle('runs:pace', { runId: 99, pace: 10 })).toMatchObject({ ok: false, error: { code: 'not-found' } })
  })
})
