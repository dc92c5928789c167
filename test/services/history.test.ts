// runs:history against the SQLite file a real run wrote, read back here without the app's codec.
import Database from 'better-sqlite3'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { EngineHost } from '../../src/services/engine-host/engine-host'
import { forkSpawner } from '../../src/services/engine-host/fork-spawner'
import { LabService } from '../../src/services/lab-service'
import { readSamples } from '../../src/services/mnist/samples'
import { RunStore } from '../../src/services/store/run-store'
import { HISTORY_LIMIT, type Envelope, type WireParams } from '../../src/shared/api'
import { mnistQuickStart, notebook } from '../../src/shared/kinds'
import { tempDir, until } from './tmp'

const cleanup: (() => void)[] = []
afterEach(() => cleanup.splice(0).forEach((f) => f()))

function setup() {
  const file = join(tempDir(), 'lab.db')
  const store = new RunStore(file)
  const service = new LabService({ store, engine: new EngineHost(forkSpawner()), mnistSamples: (count) => readSamples(count) })
  cleanup.push(() => {
    service.close()
    store.close()
  })
  return { file, store, service }
}

async function ok<T>(p: Promise<Envelope<T>>): Promise<T> {
  const r = await p
  if (!r.ok) throw new Error(r.error.message)
  return r.value
}

/** The BLOB layout, decoded by hand: u32 LE header length, JSON header, then float64 LE params first. */
function storedParams(file: string, runId: number): { step: number; params: WireParams }[] {
  const db = new Database(file, { readonly: true, fileMustExist: true })
  const rows = db.prepare('SELECT step, data FROM snapshots WHERE run_id = ? AND has_params = 1 ORDER BY step').all(runId) as {
    step: number
    data: Buffer
  }[]
  db.close()
  return rows.map(({ step, data }) => {
    const headLen = data.readUInt32LE(0)
    const header = JSON.parse(data.subarray(4, 4 + headLen).toString('utf8')) as { f32: boolean; params: [string, number, number][] }
    expect(header.f32).toBe(false)
    let at = 4 + headLen
    const params: WireParams = {}
    for (const [name, rows, cols] of header.params) {
      const values: number[] = []
      for (let i = 0; i < rows * cols; i++, at += 8) values.push(data.readDoubleLE(at))
      params[name] = { rows, cols, data: values }
    }
    return { step, params }
  })
}

async function finishedRun(service: LabService, store: RunStore, config: unknown): Promise<number> {
  const { runId } = await ok(service.handle('runs:start', { config }))
  await until(() => store.getRun(runId)?.status === 'done', 'the run to finish')
  return runId
}

describe('runs:history', () => {
  it('gives a gate run its stored parameters, ascending, cut at upTo', async () => {
    const { file, store, service } = setup()
    const runId = await finishedRun(service, store, { ...notebook.gate, epochs: 300 })
    const stored = storedParams(file, runId)
    expect(stored.length).toBe(300)

    const history = await ok(service.handle('runs:history', { runId }))
    expect(history).toEqual(stored)
    // parameters only: the gradients stay in runs:snapshot
    expect(history.every((s) => Object.keys(s).join() === 'step,params')).toBe(true)
    // notebook: AND, seed 1, lr 0.1 prints these weights at epoch 100
    expect(history.find((s) => s.step === 100)!.params.w.data.map((v) => +v.toFixed(8))).toEqual([1.56426876, 0.79168393])

    expect(await ok(service.handle('runs:history', { runId, upTo: 100 }))).toEqual(stored.filter((s) => s.step <= 100))
    expect(await ok(service.handle('runs:history', { runId, upTo: 0 }))).toEqual([])
  })

  it(`decimates a long XOR run evenly to ${HISTORY_LIMIT}, keeping the first and the last`, async () => {
    const { file, store, service } = setup()
    const runId = await finishedRun(service, store, { ...notebook.xor2, schedule: [{ lr: 0.1, epochs: 3000 }, { lr: 0.3, epochs: 4000 }] })
    const stored = storedParams(file, runId)
    expect(stored.length).toBe(7000)

    const history = await ok(service.handle('runs:history', { runId }))
    expect(history.length).toBe(HISTORY_LIMIT)
    expect(history[0]).toEqual(stored[0])
    expect(history.at(-1)).toEqual(stored.at(-1))
    // each kept one is a stored snapshot, ascending, and the gaps are 1 or 2 snapshots (7000 into 5000)
    const at = new Map(stored.map((s, i) => [s.step, i]))
    const indices = history.map((s) => at.get(s.step)!)
    history.forEach((s, i) => expect(s).toEqual(stored[indices[i]]))
    const gaps = new Set(indices.slice(1).map((v, i) => v - indices[i]))
    expect([...gaps].sort()).toEqual([1, 2])

    // below the limit nothing is dropped
    expect(await ok(service.handle('runs:history', { runId, upTo: stored[2500].step }))).toEqual(stored.slice(0, 2501))
  })

  it('picks rows 0, 3, 6, 9 of 10 for at most 4, and 0, 3, 6 of 7 for at most 3', async () => {
    const { file, store, service } = setup()
    const runId = await finishedRun(service, store, { ...notebook.gate, epochs: 10 })
    const steps = storedParams(file, runId).map((s) => s.step)
    expect(steps).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
    expect(store.paramsHistory(runId, 10, 4).map((s) => s.step)).toEqual([1, 4, 7, 10])
    expect(store.paramsHistory(runId, 7, 3).map((s) => s.step)).toEqual([1, 4, 7])
    expect(store.paramsHistory(runId, 7, 7).map((s) => s.step)).toEqual([1, 2, 3, 4, 5, 6, 7])
  })

  it('refuses MNIST runs, unknown runs and bad payloads, naming why', async () => {
    const { store, service } = setup()
    const mnist = store.createRun({ config: mnistQuickStart, totalSteps: 10, status: 'done' })
    expect(await service.handle('runs:history', { runId: mnist })).toEqual({
      ok: false,
      error: { code: 'invalid', message: `run ${mnist} is a mnist run: its snapshots are too large for a weight history; ask for them one at a time (runs:snapshot)` }
    })
    expect(await service.handle('runs:history', { runId: 999 })).toEqual({ ok: false, error: { code: 'not-found', message: 'there is no run 999', problem: { id: 'run.notFound', params: { id: 999 } } } })
    expect(await service.handle('runs:history', { runId: 1, upTo: -1 })).toMatchObject({
      ok: false,
      error: { code: 'invalid', message: expect.stringContaining('upTo') }
    })
  })
})
