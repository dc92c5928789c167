// The small things a learner tripped over, each shown fixed: the sidebar leaves Compare, the way
// out of invalid weights stays open, a reload keeps the lesson and what was typed, a changed gate
// says the views are the run's, "the notebook's settings are in place" goes at the next edit, the
// h plot names its own dip, and a replayed step without a snapshot says so.
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { test, expect } from './fixtures'
import { LibraryPage } from './pages/library'

test('the sidebar’s Runs library leaves Compare for the list', async ({ page, lessons }) => {
  const a = await lessons.trainNotebook('gate', { Epochs: '20' })
  const b = await lessons.trainNotebook('gate', { Epochs: '30' })
  const library = new LibraryPage(page)
  await library.open()
  await library.select(a, b)
  await library.compareSelected()
  await page.getByTestId('nav-library').click()
  await expect(library.table).toBeVisible()
  await expect(page.getByRole('heading', { name: /^Compare \d+ runs$/ })).toHaveCount(0)
})

test('SimpleNet: Reset W from seed works while a weight is invalid, and the h plot names its dip', async ({ page, lessons }) => {
  await lessons.open('simplenet')
  await lessons.notebookSettings()
  // the notebook's W: the error is smallest at h = 1e-5 (the plot's own sweep), not at the book's 1e-4
  await expect(page.getByTestId('simplenet-best-h')).toContainText('Here the dip is at h ≈ 1e-5')
  await lessons.fill('w11', 'abc')
  const reset = lessons.button('Reset W from seed')
  await expect(reset).toBeEnabled()
  await reset.click()
  await expect(lessons.field('w11')).toHaveValue('1.6243454')
})

test('a reload returns to the lesson with what was typed; a changed setting says the views are the run’s', async ({ page, lessons }) => {
  const run = await lessons.trainNotebook('gate', { Epochs: '40' })
  await lessons.select('Gate', 'XOR')
  await expect(page.getByTestId('views-of-run')).toHaveText(
    `These views show run #${run} as it was trained. Your changed settings take effect when you press Train.`
  )
  await lessons.fill('Learning rate', '0.25')
  await page.reload()
  await expect(page.getByTestId('nav-gate')).toHaveAttribute('aria-current', 'page')
  await expect(lessons.field('Gate')).toHaveValue('XOR')
  await expect(lessons.field('Learning rate')).toHaveValue('0.25')
  // the run stays on screen, its own settings in its views
  await expect(page.getByTestId('run-id')).toHaveText(`Run #${run}`)
})

test('“The notebook’s settings are in place” goes at the next edit', async ({ page, lessons }) => {
  await lessons.open('gate')
  await lessons.notebookSettings()
  const restored = page.getByRole('status').filter({ hasText: 'The notebook’s settings are in place.' })
  await expect(restored).toBeVisible()
  await lessons.fill('Epochs', '50')
  await expect(restored).toHaveCount(0)
})

test('a replayed step with no snapshot says nothing is stored there, not “Train to see this view”', async ({ page, lab }) => {
  // an MNIST run whose only snapshot is its last iteration's
  const cli = spawnSync(
    'npm',
    ['run', '--silent', 'lab', '--', 'train', 'mnist', '--seed', '1', '--hidden', '10', '--batch', '20', '--iterations', '5', '--lr', '0.1',
      '--gradient', 'backprop', '--eval-every', '0', '--snapshot-every', '1000', '--json'],
    { cwd: join(__dirname, '..'), env: { ...process.env, LAB_DB: lab.dbPath }, encoding: 'utf8' }
  )
  expect(cli.status, cli.stderr).toBe(0)
  const runId = (JSON.parse(cli.stdout.trim().split('\n').pop()!) as { runId: number }).runId
  const library = new LibraryPage(page)
  await library.open()
  await library.replay(runId)
  await library.scrubTo(0)
  await expect(page.getByText('Nothing is stored for this view at this step.').first()).toBeVisible()
  await expect(page.getByText('Train to see this view.')).toHaveCount(0)
})
