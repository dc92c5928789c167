// The Notebook export of one run, through the library's replay in the browser host: the
// downloaded .ipynb carries the stored losses, and (where python3 with numpy is installed)
// running it reproduces the run.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { expect, shot, test } from './fixtures'
import { LibraryPage } from './pages/library'
import { pythonMissing, runNotebookFile, summary } from '../test/services/notebook-run'

test('a gate run exported as a notebook from its replay holds its stored losses and reproduces them', async ({ page, lessons, lab }) => {
  const id = await lessons.trainNotebook('gate', { 'Learning rate': '0.5', Epochs: '200' })
  const library = new LibraryPage(page)
  await library.open()
  await library.replay(id)
  // no MNIST option for a gate run
  await expect(page.getByRole('checkbox', { name: 'with the MNIST files' })).toHaveCount(0)
  const download = await library.exportFrom('Notebook (.ipynb)')
  expect(download.suggestedFilename()).toMatch(new RegExp(`^run-${id}-.*\\.ipynb$`))
  await expect(page.getByRole('status').filter({ hasText: 'exported' })).toHaveText('Notebook (.ipynb) exported.')

  const text = readFileSync((await download.path())!, 'utf8')
  const notebook = JSON.parse(text) as { nbformat: number; cells: { cell_type: string; source: string[] }[] }
  expect(notebook.nbformat).toBe(4)
  const db = new Database(lab.dbPath, { readonly: true, fileMustExist: true })
  const steps = (db.prepare('SELECT step FROM metrics WHERE run_id = ? ORDER BY step').all(id) as { step: number }[]).map((r) => r.step)
  db.close()
  const code = notebook.cells.filter((c) => c.cell_type === 'code').map((c) => c.source.join('')).join('\n')
  expect(code).toContain(`lab_steps = np.array([${steps.join(', ')}], dtype=int)`)

  const missing = pythonMissing()
  test.skip(missing !== null, `${missing}: the notebook is not executed`)
  const dir = mkdtempSync(join(tmpdir(), 'gradient-lab-'))
  writeFileSync(join(dir, 'run.ipynb'), text)
  const run = runNotebookFile(join(dir, 'run.ipynb'))
  rmSync(dir, { recursive: true, force: true })
  expect(run.stderr).not.toContain('Traceback')
  const { difference, steps: reported } = summary(run.stdout)
  expect(reported).toBe(steps.length)
  expect(difference).toBeLessThanOrEqual(1e-9)
})

test('an MNIST run offers the data files, and the notebook comes in Korean when the app is in Korean', async ({ page, lessons }) => {
  const id = await lessons.trainNotebook('mnist', { Iterations: '2' })
  const library = new LibraryPage(page)
  await library.open()
  await library.replay(id)
  // the replay's views arrive in parts (weights, then the test digits) and move the export row
  // down as they do: check the box once they are in, and again if a late part moved it mid-click
  await expect(page.getByText('weights from step 2')).toBeVisible()
  const withMnist = page.getByRole('checkbox', { name: 'with the MNIST files' })
  await expect(async () => withMnist.check()).toPass()
  await expect(page.getByRole('button', { name: 'Notebook + MNIST (.zip)' })).toBeVisible()
  await page.getByRole('group', { name: 'Export' }).scrollIntoViewIfNeeded()
  await shot(page, 'replay-notebook-export')
  await withMnist.uncheck()
  await page.getByRole('button', { name: '한국어' }).click()
  const download = await library.exportFrom('노트북 (.ipynb)')
  expect(download.suggestedFilename()).toMatch(/\.ipynb$/)
  const notebook = JSON.parse(readFileSync((await download.path())!, 'utf8')) as { cells: { cell_type: string; source: string[] }[] }
  expect(notebook.cells[0].source.join('')).toContain(`MNIST 2층 신경망 (4.5.3) 실행인 Gradient Lab의 ${id}번 실행을 numpy로 다시 만듭니다.`)
})
