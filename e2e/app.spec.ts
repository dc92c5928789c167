// Issue 3's end-to-end check: in the real app (browser host, real engine process, real SQLite
// file), start an MNIST run, watch its progress arrive, stop it, and find it in the database —
// opened by the test itself, not through the app.
import Database from 'better-sqlite3'
import { expect, shot, test } from './fixtures'

interface RunRow {
  status: string
  kind: string
  steps: number
  total_steps: number
  config: string
}

test('a run started in the app streams progress, stops, and is saved in the database file', async ({ page, lessons, lab }) => {
  await lessons.open('mnist')
  // standard backprop (the lesson's quick default), made long enough that Stop lands mid-run
  await expect(lessons.field('Gradient method')).toHaveValue('backprop')
  await lessons.fill('Iterations', '20000')
  await lessons.fill('Evaluate every (iterations)', '500')
  await lessons.train()
  const runId = await lessons.runId()
  expect(runId).toBeGreaterThan(0)
  await lessons.waitForStatus('running', 60_000)

  // progress arrives and keeps moving
  await expect.poll(() => lessons.stepsDone(), { timeout: 60_000 }).toBeGreaterThan(0)
  const first = await lessons.stepsDone()
  await expect.poll(() => lessons.stepsDone(), { timeout: 30_000 }).toBeGreaterThan(first)
  await shot(page, 'app-mnist-training')

  await lessons.button('Stop').click()
  await lessons.waitForStatus('stopped', 30_000)
  const shown = await lessons.stepsDone()
  expect(shown).toBeLessThan(20000)

  const db = new Database(lab.dbPath, { readonly: true, fileMustExist: true })
  try {
    const run = db.prepare('SELECT status, kind, steps, total_steps, config FROM runs WHERE id = ?').get(runId) as
      | RunRow
      | undefined
    expect(run).toBeDefined()
    expect(run!.status).toBe('stopped')
    expect(run!.kind).toBe('mnist')
    expect(run!.total_steps).toBe(20000)
    expect(JSON.parse(run!.config)).toMatchObject({ kind: 'mnist', iterations: 20000, gradient: 'backprop', evalEvery: 500 })

    const metrics = db.prepare('SELECT step, loss FROM metrics WHERE run_id = ? ORDER BY step').all(runId) as {
      step: number
      loss: number
    }[]
    // every step the engine reported is on disk, numbered 1..n without a gap, at least as many as shown
    expect(metrics.length).toBeGreaterThan(0)
    expect(metrics.length).toBeGreaterThanOrEqual(shown)
    expect(metrics.map((m) => m.step)).toEqual(Array.from({ length: metrics.length }, (_, i) => i + 1))
    expect(run!.steps).toBe(metrics.length)
    // a freshly initialised 10-class network starts near ln 10 and learns from there
    expect(metrics[0].loss).toBeGreaterThan(2.2)
    expect(metrics[0].loss).toBeLessThan(2.4)
    expect(metrics.every((m) => Number.isFinite(m.loss))).toBe(true)
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
  } finally {
    db.close()
  }
})
