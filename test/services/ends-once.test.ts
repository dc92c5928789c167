// A run ends once. An owner stopped (SIGSTOP) long enough to be declared interrupted by another
// process, then resumed (SIGCONT), is refused by the store: it neither appends a step nor
// changes the run's status, and it stops training and says so — the browser host and `lab
// train` alike. Real processes on a real SQLite file. The 30 s of silence (HUNG_MS) are not
// waited out: while the owner is stopped, its last heartbeat is set 31 s back, as it would read
// then, and the declaring is done by a real RunStore opening the file (reconcile).
import Database from 'better-sqlite3'
import type { ChildProcess } from 'node:child_process'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { HUNG_MS } from '../../src/services/store/liveness'
import { RunStore } from '../../src/services/store/run-store'
import { labAsync } from '../cli/lab'
import { hostClient } from './host-process'
import { tempDir, until } from './tmp'

const cleanup: (() => unknown)[] = []
afterEach(async () => {
  for (const f of cleanup.splice(0).reverse()) await f()
})

/** Numerical-gradient MNIST iterations take tens of milliseconds: a run that is still training when looked at. */
const LONG = { kind: 'mnist', seed: 1, hidden: 16, batch: 100, iterations: 1_000_000, lr: 0.1, gradient: 'numerical', formulation: 'standard', h: 1e-4, evalEvery: 0, snapshotEvery: 1_000_000 }

/**
 * Stops `child` where it holds no write transaction (a stopped writer would hold the lock), then
 * ages the run's heartbeat past HUNG_MS and lets another process's store declare it interrupted.
 */
async function stopAndDeclare(child: ChildProcess, db: string, runId: number): Promise<{ steps: number; reason: string }> {
  for (;;) {
    child.kill('SIGSTOP')
    const c = new Database(db, { timeout: 300 })
    try {
      c.prepare('UPDATE runs SET heartbeat_at = ? WHERE id = ?').run(Date.now() - HUNG_MS - 1000, runId)
      break
    } catch (e) {
      if (!/^SQLITE_BUSY/.test(String((e as { code?: unknown }).code))) throw e
      child.kill('SIGCONT')
      await new Promise((r) => setImmediate(r))
    } finally {
      c.close()
    }
  }
  const other = new RunStore(db)
  const run = other.getRun(runId)!
  other.close()
  expect(run.status).toBe('interrupted')
  expect(run.reason).toMatch(/^Training stopped unexpectedly: its process \(pid \d+\) last reported 3\d s ago, and is taken to be hung\.$/)
  return { steps: run.steps, reason: run.reason! }
}

function stored(db: string, runId: number) {
  const s = new RunStore(db)
  const run = s.getRun(runId)!
  const steps = s.metrics(runId).step.length
  s.close()
  return { status: run.status, reason: run.reason, steps: run.steps, metricRows: steps }
}

describe('a run ends once', () => {
  it('`lab train` resumed after being declared interrupted stops, says so, and writes nothing', { timeout: 120_000 }, async () => {
    const db = join(tempDir(), 'lab.db')
    const args = Object.entries(LONG)
      .filter(([k]) => k !== 'kind')
      .flatMap(([k, v]) => [`--${k.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`, String(v)])
    const training = labAsync(['train', 'mnist', ...args, '--db', db, '--json'])
    cleanup.push(() => training.child.kill('SIGKILL'))
    let stderr = ''
    training.child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()))
    await until(() => training.lines.length > 2, 'the training run to print steps', 60_000)
    const declared = await stopAndDeclare(training.child, db, 1)
    training.child.kill('SIGCONT')
    expect(await training.exited).toBe(1)
    expect(stderr).toMatch(
      /^lab: cannot save run 1 to .*lab\.db: run 1 is no longer this process's to write: it was declared interrupted \(Training stopped unexpectedly: .*hung\) while this process was not answering; training was stopped\n$/m
    )
    expect(stored(db, 1)).toEqual({ status: 'interrupted', reason: declared.reason, steps: declared.steps, metricRows: declared.steps })
  })

  it('the browser host resumed after being declared interrupted stops the run, says so, and writes nothing', { timeout: 120_000 }, async () => {
    const db = join(tempDir(), 'lab.db')
    const { host, ws, call, events } = await hostClient(db)
    cleanup.push(() => ws.terminate(), host.kill)
    const started = await call('runs:start', { config: LONG })
    const runId = started.value.runId as number
    await until(() => events.filter((e) => e.payload.runId === runId).length > 2, 'progress of the run', 60_000)
    const declared = await stopAndDeclare(host.child, db, runId)
    host.child.kill('SIGCONT')
    // the host's next write is refused: the run's progress ends, naming why
    const end = await until(() => events.find((e) => e.payload.runId === runId && e.payload.status !== 'running'), 'the host to end the run', 30_000)
    expect((end.payload as unknown as { reason: string }).reason).toMatch(/run \d+ is no longer this process's to write: it was declared interrupted/)
    // Stop no longer reaches it, and rewrites nothing
    expect(await call('runs:stop', { runId })).toMatchObject({ ok: false, error: { code: 'not-found' } })
    expect((await call('runs:get', { runId })).value).toMatchObject({ status: 'interrupted', reason: declared.reason, steps: declared.steps })
    expect(stored(db, runId)).toEqual({ status: 'interrupted', reason: declared.reason, steps: declared.steps, metricRows: declared.steps })
  })
})
