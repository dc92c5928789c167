import Database from 'better-sqlite3'
import { spawn, spawnSync } from 'node:child_process'
import { ZOMBIE_PARENT, zombieOf } from './zombie'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { StepRecord } from '../../src/engine/types'
import type { GateConfig } from '../../src/shared/config'
import { HUNG_MS } from '../../src/services/store/liveness'
import { RunBusyError, RunStore } from '../../src/services/store/run-store'
import { tempDir, storeDb } from './tmp'

const gate: GateConfig = { kind: 'gate', gate: 'AND', seed: 1, lr: 0.1, epochs: 3, h: 1e-5, gradient: 'numerical', logEvery: 1 }
const m = (rows: number, cols: number, values: number[]) => ({ rows, cols, data: Float64Array.from(values) })

const open: RunStore[] = []
afterEach(() => open.splice(0).forEach((s) => s.close()))
function store(file: string): RunStore {
  const s = new RunStore(file)
  open.push(s)
  return s
}

describe('RunStore', () => {
  it('keeps metrics and snapshots exactly, and finds the snapshot at or before a step', () => {
    const s = store(join(tempDir(), 'lab.db'))
    const id = s.createRun({ config: gate, totalSteps: 3 })
    const records: StepRecord[] = [
      { step: 1, loss: 0.7, lr: 0.1, params: { w: m(1, 2, [0.1, -0.2]), b: m(1, 1, [0.3]) } },
      { step: 2, loss: 0.6, lr: 0.1 },
      { step: 3, loss: 0.1 + 0.2, lr: 0.1, params: { w: m(1, 2, [1 / 3, Math.PI]), b: m(1, 1, [-1e-300]) }, grads: { dw: m(1, 2, [5, 6]) } }
    ]
    s.append(id, records.slice(0, 2))
    s.append(id, records.slice(2))
    s.finish(id, 'done', null, [0.25, 0.5, 0.5, 0.75])

    expect(s.metrics(id)).toEqual({ step: [1, 2, 3], loss: [0.7, 0.6, 0.30000000000000004], lr: [0.1, 0.1, 0.1], trainAcc: [NaN, NaN, NaN], testAcc: [NaN, NaN, NaN], testLoss: [NaN, NaN, NaN] })
    expect(s.snapshot(id, 2)?.step).toBe(1)
    expect(Array.from(s.snapshot(id, 2)!.params!.w.data)).toEqual([0.1, -0.2])
    const last = s.snapshot(id, 99)!
    expect(last.step).toBe(3)
    expect(Array.from(last.params!.w.data)).toEqual([1 / 3, Math.PI])
    expect(Array.from(last.params!.b.data)).toEqual([-1e-300])
    expect(Array.from(last.grads!.dw.data)).toEqual([5, 6])
    expect(s.snapshot(id, 0)).toBeNull()

    const run = s.getRun(id)!
    expect(run).toMatchObject({ status: 'done', steps: 3, finalLoss: 0.30000000000000004, predictions: [0.25, 0.5, 0.5, 0.75], snapshotSteps: [1, 3], totalSteps: 3 })
    expect(run.durationMs).toBeGreaterThanOrEqual(0)
  })

  it('stores MNIST snapshots as float32 (the values float32 holds)', () => {
    const s = store(join(tempDir(), 'lab.db'))
    const id = s.createRun({ config: { kind: 'mnist', seed: 1, hidden: 1, batch: 1, iterations: 1, lr: 0.1, gradient: 'backprop', formulation: 'standard', h: 1e-4, evalEvery: 1, snapshotEvery: 1 }, totalSteps: 1 })
    s.append(id, [{ step: 1, loss: 2.3, trainAcc: 0.1, testAcc: 0.2, params: { W1: m(1, 2, [0.1, 1 / 3]) }, confusion: [1, 2, 3] }])
    const snap = s.snapshot(id, 1)!
    expect(Array.from(snap.params!.W1.data)).toEqual([Math.fround(0.1), Math.fround(1 / 3)])
    expect(snap.confusion).toEqual([1, 2, 3])
    expect(s.getRun(id)).toMatchObject({ finalTrainAcc: 0.1, finalTestAcc: 0.2 })
  })

  it('marks a run whose owner process is gone as interrupted, and leaves a live owner alone', () => {
    const file = join(tempDir(), 'lab.db')
    const s = store(file)
    const dead = s.createRun({ config: gate, totalSteps: 3 })
    const live = s.createRun({ config: gate, totalSteps: 3 })
    const exited = spawnSync(process.execPath, ['-e', 'console.log(process.pid)']).stdout.toString().trim()
    const sleeper = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'])
    try {
      storeDb(s).prepare('UPDATE runs SET owner_pid = ? WHERE id = ?').run(Number(exited), dead)
      storeDb(s).prepare('UPDATE runs SET owner_pid = ? WHERE id = ?').run(sleeper.pid, live)
      const other = store(file)
      const byId = new Map(other.listRuns().map((r) => [r.id, r]))
      expect(byId.get(dead)!.status).toBe('interrupted')
      expect(byId.get(dead)!.reason).toContain(`pid ${exited}`)
      expect(byId.get(live)!.status).toBe('running')
    } finally {
      sleeper.kill()
    }
    const check = new Database(file, { readonly: true })
    expect(check.pragma('integrity_check', { simple: true })).toBe('ok')
    check.close()
  })

  it('judges a live pid and another host by the heartbeat: hung after HUNG_MS, at once for a zombie', async () => {
    const s = store(join(tempDir(), 'lab.db'))
    const elsewhere = s.createRun({ config: gate, totalSteps: 3 })
    const quietHere = s.createRun({ config: gate, totalSteps: 3 })
    const hungHere = s.createRun({ config: gate, totalSteps: 3 })
    const zombieOwned = s.createRun({ config: gate, totalSteps: 3 })
    const sleeper = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'])
    const parent = spawn('sh', ['-c', ZOMBIE_PARENT])
    try {
      const zombie = await zombieOf(parent)
      const secondsAgo = (n: number) => Date.now() - n * 1000
      const quiet = HUNG_MS / 1000 - 5
      const hung = HUNG_MS / 1000 + 5
      storeDb(s).prepare("UPDATE runs SET owner_host = 'elsewhere', heartbeat_at = ? WHERE id = ?").run(secondsAgo(hung), elsewhere)
      storeDb(s).prepare('UPDATE runs SET owner_pid = ?, heartbeat_at = ? WHERE id = ?').run(sleeper.pid, secondsAgo(quiet), quietHere)
      storeDb(s).prepare('UPDATE runs SET owner_pid = ?, heartbeat_at = ? WHERE id = ?').run(sleeper.pid, secondsAgo(hung), hungHere)
      storeDb(s).prepare('UPDATE runs SET owner_pid = ?, heartbeat_at = ? WHERE id = ?').run(zombie, Date.now(), zombieOwned)
      // reading writes nothing, and reads what reconcile will write
      const listed = new Map(s.listRuns().map((r) => [r.id, r.status]))
      expect([elsewhere, quietHere, hungHere, zombieOwned].map((id) => listed.get(id))).toEqual(['interrupted', 'running', 'interrupted', 'interrupted'])
      expect(storeDb(s).prepare("SELECT count(*) FROM runs WHERE status = 'running'").pluck().get()).toBe(4)
      expect(s.reconcile()).toEqual([elsewhere, hungHere, zombieOwned])
      expect(s.getRun(elsewhere)!.reason).toMatch(new RegExp(`on elsewhere\\) last reported ${hung} s ago`))
      expect(s.getRun(hungHere)!.reason).toMatch(/taken to be hung/)
      expect(s.getRun(zombieOwned)!.reason).toContain(`pid ${zombie}) is no longer running`)
      expect(s.getRun(quietHere)!.status).toBe('running')
    } finally {
      sleeper.kill()
      parent.kill()
    }
  })

  it('lists by kind and deletes one run without touching the others', () => {
    const s = store(join(tempDir(), 'lab.db'))
    const a = s.createRun({ config: gate, name: 'first', totalSteps: 3 })
    const b = s.createRun({ config: { ...gate, gate: 'OR' }, name: 'second', totalSteps: 3 })
    const x = s.createRun({ config: { kind: 'xor2', seed: 1, schedule: [{ lr: 0.1, epochs: 1 }], h: 1e-5, gradient: 'backprop', logEvery: 1 }, totalSteps: 1 })
    s.append(a, [{ step: 1, loss: 1 }])
    s.append(b, [{ step: 1, loss: 2 }])
    for (const id of [a, b, x]) s.finish(id, 'done')
    expect(s.listRuns({ kind: 'gate' }).map((r) => r.id)).toEqual([b, a])
    expect(s.listRuns().map((r) => r.id)).toEqual([x, b, a])
    expect(s.delete(a)).toBe(true)
    expect(s.listRuns().map((r) => r.id)).toEqual([x, b])
    expect(s.metrics(b).loss).toEqual([2])
    expect(storeDb(s).prepare('SELECT count(*) AS n FROM metrics').get()).toEqual({ n: 1 })
  })

  it('ends a run once: its former owner is refused after it was declared interrupted, and the status stays', () => {
    const file = join(tempDir(), 'lab.db')
    const s = store(file)
    const id = s.createRun({ config: gate, totalSteps: 3 })
    s.append(id, [{ step: 1, loss: 1 }])
    // another process finds the owner silent past HUNG_MS (as after a SIGSTOP) and ends the run
    storeDb(s).prepare('UPDATE runs SET heartbeat_at = ? WHERE id = ?').run(Date.now() - HUNG_MS - 1000, id)
    const other = new Database(file)
    other.prepare("UPDATE runs SET status = 'interrupted', reason = 'Training stopped unexpectedly: hung.', owner_pid = NULL WHERE id = ?").run(id)
    other.close()
    const refusal = /^run \d+ is no longer this process's to write: it was declared interrupted \(Training stopped unexpectedly: hung\) while this process was not answering$/
    expect(() => s.append(id, [{ step: 2, loss: 0.5 }])).toThrow(refusal)
    expect(() => s.heartbeat([id])).toThrow(refusal)
    expect(() => s.setStatus(id, 'paused')).toThrow(refusal)
    expect(() => s.finish(id, 'stopped')).toThrow(refusal)
    const run = s.getRun(id)!
    expect([run.status, run.reason, run.steps]).toEqual(['interrupted', 'Training stopped unexpectedly: hung.', 1])
    expect(s.metrics(id).step).toEqual([1])
  })

  it('refuses to delete a run this process is still training, running or paused, and keeps its steps', () => {
    const s = store(join(tempDir(), 'lab.db'))
    const id = s.createRun({ config: gate, name: 'live one', totalSteps: 3 })
    s.append(id, [{ step: 1, loss: 1 }])
    expect(() => s.delete(id)).toThrow(new RunBusyError(`run ${id} (live one) is still training: stop it first, then delete it`))
    s.setStatus(id, 'paused')
    expect(() => s.delete(id)).toThrow(`run ${id} (live one) is paused, still training: stop it first, then delete it`)
    expect(s.metrics(id).loss).toEqual([1])
    s.finish(id, 'stopped')
    expect(s.delete(id)).toBe(true)
    expect(s.delete(id)).toBe(false)
  })
})
