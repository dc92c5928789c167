// An import writes in short transactions: a training run in another process, appending to the
// same database file meanwhile, never waits past the busy timeout and finishes intact.
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { importRunPath } from '../../src/services/runfile'
import { RunStore } from '../../src/services/store/run-store'
import { jsonLines, labAsync } from '../cli/lab'
import { bigRunFile } from './big-run'
import { tempDir, until } from './tmp'

describe('import during training', () => {
  it('a training run in another process keeps writing to the same file while a large run is imported', { timeout: 300_000 }, async () => {
    const dir = tempDir()
    // 50,000 steps and 11 snapshots of the largest network (25 MB)
    const { file } = await bigRunFile(dir, 50_000, 5_000)

    const db = join(dir, 'lab.db')
    // numerical-gradient MNIST iterations take tens of milliseconds each, so a million of them
    // outlast the import on any machine; stopped (Ctrl-C) once the import is done
    const training = labAsync(['train', 'mnist', '--gradient', 'numerical', '--hidden', '16', '--iterations', '1000000', '--eval-every', '0', '--snapshot-every', '1000000', '--db', db, '--json'])
    await until(() => training.lines.length > 0, 'the training run to start', 60_000)
    const store = new RunStore(db)
    const before = training.lines.length
    const { runId, duplicate } = await importRunPath(store, file)
    // still training, and it stored steps while the import was writing
    expect(training.child.exitCode).toBe(null)
    const during = training.lines.length - before
    expect(during).toBeGreaterThan(0)
    training.child.kill('SIGINT')
    expect(await training.exited).toBe(130)

    expect(duplicate).toBe(false)
    expect(store.getRun(runId)).toMatchObject({ status: 'done', steps: 50_000 })
    // every step the training run printed is stored, none lost to a busy database
    const printed = jsonLines(training.lines.join('\n')).filter((l) => 'iteration' in l)
    const trained = store.listRuns().find((r) => r.id !== runId)!
    expect(trained).toMatchObject({ status: 'stopped', steps: printed.length })
    expect(store.metrics(trained.id).step).toEqual(printed.map((l) => l.iteration))
    store.close()
  })
})
