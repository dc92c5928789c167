// `lab train mnist --eval-schedule book`: accuracy after the iterations the book's
// ch05/train_neuralnet.py evaluates (i % iter_per_epoch == 0, i from 0 after each update;
// iter_per_epoch = 60000 / 100 = 600): after iterations 1, 601 and 1201 of a 1,201-iteration run,
// read back from the SQLite file the run was stored in.
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { RunStore } from '../../src/services/store/run-store'
import { tempDir } from '../services/tmp'
import { jsonLines, lab } from './lab'

describe('--eval-schedule book', () => {
  it('stores train and test accuracy after iterations 1, 601 and 1201, and no other', () => {
    const db = join(tempDir(), 'lab.db')
    const r = lab(['train', 'mnist', '--seed', '1', '--hidden', '50', '--batch', '100', '--iterations', '1201', '--lr', '0.1',
      '--gradient', 'backprop', '--formulation', 'twolayernet', '--eval-schedule', 'book', '--json', '--db', db])
    expect(r.stderr).toBe('')
    expect(r.code).toBe(0)
    const printed = jsonLines(r.stdout).filter((l) => 'testAcc' in l).map((l) => l.iteration)
    expect(printed).toEqual([1, 601, 1201])

    const store = new RunStore(db)
    const runId = store.listRuns()[0].id
    const m = store.metrics(runId)
    const evaluated = m.step.filter((_, i) => !Number.isNaN(m.trainAcc[i]) && !Number.isNaN(m.testAcc[i]))
    expect(evaluated).toEqual([1, 601, 1201])
    expect(store.getRun(runId)!.config).toMatchObject({ evalSchedule: 'book' })
    store.close()
  }, 120_000)

  it('is refused with the values it allows', () => {
    const r = lab(['train', 'mnist', '--eval-schedule', 'epoch', '--no-save'])
    expect(r.code).toBe(2)
    expect(r.stderr).toContain('--eval-schedule')
    expect(r.stderr).toContain('every')
    expect(r.stderr).toContain('book')
  })
})
