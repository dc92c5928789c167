// Pause holds, Stop saves what is shown: a 100,000-epoch backprop gate run (every epoch logged,
// so it trains for many seconds), checked on screen and in the host's SQLite file.
import Database from 'better-sqlite3'
import { expect, test } from './fixtures'

function storedRun(dbPath: string, runId: number): { status: string; steps: number } {
  const db = new Database(dbPath, { readonly: true, fileMustExist: true })
  try {
    return db.prepare('SELECT status, steps FROM runs WHERE id = ?').get(runId) as { status: string; steps: number }
  } finally {
    db.close()
  }
}

test('a paused 100,000-epoch gate run holds its step counter; Stop saves it stopped at the step shown', async ({ page, lessons, lab }) => {
  await lessons.openNotebook('gate')
  await lessons.select('Gradient method', 'backprop')
  await lessons.fill('Epochs', '100000')
  await lessons.fill('Log every (epochs)', '1')
  await lessons.train()
  const runId = await lessons.runId()
  await expect.poll(() => lessons.stepsDone(), { timeout: 60_000 }).toBeGreaterThan(1000)

  await lessons.button('Pause').click()
  await lessons.waitForStatus('paused')
  // the paused event carries the engine's step: wait until what is shown is what is stored
  await expect.poll(async () => (await lessons.stepsDone()) === storedRun(lab.dbPath, runId).steps).toBe(true)
  const shown = await lessons.stepsDone()
  expect(shown).toBeLessThan(100_000)
  // the spec is two instants: 0.5 s and 2 s after the pause took hold
  await page.waitForTimeout(500)
  expect(await lessons.stepsDone()).toBe(shown)
  await page.waitForTimeout(1500)
  expect(await lessons.stepsDone()).toBe(shown)
  expect(storedRun(lab.dbPath, runId)).toEqual({ status: 'paused', steps: shown })

  await lessons.button('Stop').click()
  await lessons.waitForStatus('stopped')
  const final = await lessons.stepsDone()
  expect(Math.abs(final - shown)).toBeLessThanOrEqual(1)
  const saved = storedRun(lab.dbPath, runId)
  expect(saved.status).toBe('stopped')
  expect(Math.abs(saved.steps - final)).toBeLessThanOrEqual(1)
})
