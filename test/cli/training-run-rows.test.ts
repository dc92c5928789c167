// A run being trained by a `lab` process cannot be deleted from another process (the app, the
// browser host); and if its row vanishes anyway (deleted by hand), `lab` stops with a sentence.
import Database from 'better-sqlite3'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { EngineHost } from '../../src/services/engine-host/engine-host'
import { forkSpawner } from '../../src/services/engine-host/fork-spawner'
import { LabService } from '../../src/services/lab-service'
import { readSamples } from '../../src/services/mnist/samples'
import { RunStore } from '../../src/services/store/run-store'
import { tempDir, until, storeDb } from '../services/tmp'
import { labAsync } from './lab'

// long enough that the run is still training whenever the test acts on it
// a snapshot only at the end: one every 100 of a million iterations would outgrow a run's size limit
const mnist = (db: string) => ['train', 'mnist', '--iterations', '1000000', '--eval-every', '0', '--snapshot-every', '1000000', '--db', db, '--json']
const cleanup: (() => unknown)[] = []
afterEach(async () => {
  for (const f of cleanup.splice(0).reverse()) await f()
})

function running(db: string) {
  const run = labAsync(mnist(db))
  let stderr = ''
  run.child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()))
  cleanup.push(() => {
    run.child.kill('SIGKILL')
    return run.exited
  })
  return { ...run, stderr: () => stderr }
}

describe('a run training in another process', () => {
  it('is refused for deletion while running or paused, and deletable once stopped', async () => {
    const db = join(tempDir(), 'lab.db')
    const run = running(db)
    await until(() => run.lines.length >= 3, 'the run to log steps', 60_000)
    const store = new RunStore(db)
    const service = new LabService({ store, engine: new EngineHost(forkSpawner()), mnistSamples: (count) => readSamples(count) })
    cleanup.push(() => store.close(), () => service.close())

    expect(await service.handle('runs:delete', { runId: 1 })).toEqual({
      ok: false,
      error: { code: 'busy', message: 'run 1 (MNIST standard backprop, hidden 64, lr 0.1) is still training: stop it first, then delete it' }
    })
    // paused is still training (a paused run in the app is the same row state)
    storeDb(store).prepare("UPDATE runs SET status = 'paused' WHERE id = 1").run()
    expect(await service.handle('runs:delete', { runId: 1 })).toMatchObject({ ok: false, error: { code: 'busy', message: expect.stringContaining('is paused, still training: stop it first') } })
    storeDb(store).prepare("UPDATE runs SET status = 'running' WHERE id = 1").run()
    expect(store.getRun(1)!.steps).toBeGreaterThan(0)

    run.child.kill('SIGINT')
    expect(await run.exited).toBe(130)
    expect(store.getRun(1)!.status).toBe('stopped')
    expect(await service.handle('runs:delete', { runId: 1 })).toEqual({ ok: true, value: null })
    expect(store.hasRun(1)).toBe(false)
  })

  it('`lab` whose run row was deleted by hand stops with a clear message, not a stack trace', async () => {
    const db = join(tempDir(), 'lab.db')
    const run = running(db)
    await until(() => run.lines.length >= 3, 'the run to log steps', 60_000)
    const other = new Database(db)
    other.pragma('foreign_keys = ON')
    other.prepare('DELETE FROM runs WHERE id = 1').run()
    other.close()
    expect(await run.exited).toBe(1)
    expect(run.stderr()).toMatch(/^lab: cannot save run 1 to .*lab\.db: run 1 is no longer this process's to write: it was deleted; training was stopped\n$/m)
    expect(run.stderr()).not.toMatch(/\n\s+at /)
  })
})
