// The playground lesson in a real browser, in English and in Korean: the suggested three-arm
// spiral learns (test accuracy ≥ 0.9), points placed with the mouse reach the stored run and its
// replay, a CSV with a bad line is refused naming the line, and a learning rate of 10 ends the
// run with the explanation and no NaN on screen. Screenshots of the network, the neuron maps,
// the decision map and the charts go to test-results/screenshots/.
import Database from 'better-sqlite3'
import { test, expect, shot } from './fixtures'
import { LessonsPage } from './pages/lessons'

type Lang = 'en' | 'ko'
const words = {
  en: { paused: 'paused', resume: 'Resume', branch: /^A branch: after epoch 3, W2\[2, 1\] set to 1\.75\.$/, branchOf: (id: number) => `a branch of run #${id}`, stopped: 'stopped', train: 'Train', done: 'done', failed: 'failed', line: 'line 3', diverged: 'the loss became infinite', custom: 'your points', replay: (id: number) => new RegExp(`^Replay run ${id}\\b`), replayOf: (id: number) => new RegExp(`^Replay of run #${id}\\b`) },
  ko: { paused: '일시정지됨', resume: '계속', branch: /^분기한 실행: 3번째 에폭 뒤 W2\[2, 1\] = 1\.75\.$/, branchOf: (id: number) => `실행 #${id}에서 분기`, stopped: '중지됨', train: '학습', done: '완료', failed: '실패', line: '3번째 줄', diverged: '손실이 무한대가 되었습니다', custom: '직접 찍은 점', replay: (id: number) => new RegExp(`^실행 ${id} .* 다시 보기$`), replayOf: (id: number) => new RegExp(`^실행 #${id} 다시 보기`) }
}

for (const lang of ['en', 'ko'] as Lang[]) {
  test.describe(`playground in ${lang}`, () => {
    const w = words[lang]
    test.beforeEach(async ({ page }) => {
      if (lang === 'ko') await page.getByRole('button', { name: '한국어' }).click()
      await new LessonsPage(page).open('playground')
    })
    const train = async (page: import('@playwright/test').Page, status = w.done): Promise<void> => {
      await page.getByRole('button', { name: w.train, exact: true }).click()
      await expect(page.getByTestId('run-status')).toHaveText(status, { timeout: 120_000 })
    }

    test('the suggested three-arm spiral on [8, 8] tanh reaches test accuracy 0.9 (screenshots)', async ({ page }) => {
      test.setTimeout(180_000)
      await page.getByTestId('pg-suggest').click()
      await expect(page.getByTestId('pg-layer-2')).toBeVisible()
      await train(page)
      const acc = Number(await page.getByTestId('pg-test-acc').textContent())
      expect(acc).toBeGreaterThanOrEqual(0.9)
      // a hidden neuron's map, large, and a weight's value
      await page.getByTestId('pg-node-2-3').hover()
      await page.getByTestId('pg-network').locator('line.hit').first().focus()
      await expect(page.getByTestId('pg-link-value')).toHaveText(/W1\[1, 1\] = -?\d/)
      await page.getByTestId('pg-node-2-3').hover()
      await expect(page.getByTestId('pg-test-loss')).toHaveText(/^\d\.\d{4}$/)
      // the run controls stick to the top of the views: let them scroll away for the panels' pictures
      await page.locator('.sticky').evaluate((el) => ((el as HTMLElement).style.position = 'static'))
      await page.getByTestId('pg-network').locator('..').locator('..').screenshot({ path: shotPath(`playground-network-${lang}`) })
      await page.getByTestId('pg-plane').locator('..').screenshot({ path: shotPath(`playground-decision-${lang}`) })
      await page.getByTestId('pg-discretise').check()
      await page.getByTestId('pg-show-test').uncheck()
      await page.getByTestId('pg-plane').locator('..').screenshot({ path: shotPath(`playground-decision-discrete-${lang}`) })
      await page.getByTestId('pg-charts').screenshot({ path: shotPath(`playground-charts-${lang}`) })
      await new LessonsPage(page).scrollToTop()
      await shot(page, `playground-${lang}`)
    })

    test('points placed with the mouse are in the stored run and in its replay', async ({ page, lab }) => {
      test.setTimeout(120_000)
      await page.locator('#playground-points').fill('20')
      await page.locator('#playground-epochs').fill('5')
      await page.locator('input[name="pg-place"][value="2"]').check()
      const plane = page.getByTestId('pg-plane')
      const box = (await plane.boundingBox())!
      // (x1, x2) = (3, 3) and (-3, -3): the plane spans -6..6 both ways (a click, scrolled clear of the sticky controls)
      await plane.click({ position: { x: box.width * 0.75, y: box.height * 0.25 } })
      await plane.click({ position: { x: box.width * 0.25, y: box.height * 0.75 } })
      await expect(page.locator('#playground-data')).toHaveValue('custom')
      await expect(page.locator('#playground-data option:checked')).toHaveText(w.custom)
      // with the keyboard: the cross starts at (0, 0); two steps right, Enter
      await plane.focus()
      await page.keyboard.press('ArrowRight')
      await page.keyboard.press('ArrowRight')
      await page.keyboard.press('Enter')
      await train(page)
      const id = await new LessonsPage(page).runId()
      const db = new Database(lab.dbPath, { readonly: true })
      const config = JSON.parse((db.prepare('SELECT config FROM runs WHERE id = ?').get(id) as { config: string }).config)
      db.close()
      expect(config.data).toBe('custom')
      expect(config.custom).toHaveLength(23)
      expect(config.custom.slice(-3)).toEqual([
        [expect.closeTo(3, 1), expect.closeTo(3, 1), 2],
        [expect.closeTo(-3, 1), expect.closeTo(-3, 1), 2],
        [0.5, 0, 2]
      ])
      await page.getByTestId('nav-library').click()
      await page.getByRole('button', { name: w.replay(id) }).click()
      await expect(page.getByRole('heading', { name: w.replayOf(id) })).toBeVisible()
      // every point drawn again: 23 in all, the three placed ones in class 2's green
      await expect(page.getByTestId('pg-plane').locator('circle')).toHaveCount(23)
      await expect(page.getByTestId('pg-plane').locator('circle[fill="rgb(22 163 74)"], circle[stroke="rgb(22 163 74)"]')).toHaveCount(3)
      await shot(page, `playground-replay-${lang}`)
    })

    test('a paused run’s weight set by hand starts a branch, stored as such, and trains on from there', async ({ page, lab }) => {
      test.setTimeout(120_000)
      const lessons = new LessonsPage(page)
      await page.locator('#playground-points').fill('40')
      await page.locator('#playground-epochs').fill('12')
      for (let k = 1; k <= 3; k++) {
        await page.locator('[data-control="step"]').click()
        await expect(page.getByTestId('pg-epoch')).toHaveText(String(k))
      }
      await expect(page.getByTestId('run-status')).toHaveText(w.paused)
      const parent = await lessons.runId()
      // W2[2, 1]: from hidden neuron 2 of layer 1 to neuron 1 of layer 2 (row 1, column 0)
      const link = page.getByTestId('pg-link-1-2')
      await expect(page.getByTestId('pg-edit-how')).toBeVisible()
      await link.focus()
      await page.keyboard.press('Enter')
      const field = page.locator('#pg-edit-value')
      // a value out of range is refused in the UI's language, naming what is allowed
      await field.fill('5000')
      await expect(page.getByTestId('pg-edit-apply')).toBeDisabled()
      await expect(page.getByTestId('pg-edit-weight')).toContainText('1000')
      await field.fill('1.75')
      const panel = page.getByTestId('pg-network').locator('..').locator('..')
      await page.locator('.sticky').evaluate((el) => ((el as HTMLElement).style.position = 'static'))
      await panel.screenshot({ path: shotPath(`playground-edit-weight-${lang}`) })
      await page.getByTestId('pg-edit-apply').click()
      await expect(page.getByTestId('pg-branch')).toHaveText(w.branch)
      await expect(page.getByTestId('run-status')).toHaveText(w.paused)
      await expect(page.getByTestId('pg-epoch')).toHaveText('3')
      await page.getByTestId('pg-branch').locator('..').screenshot({ path: shotPath(`playground-branch-views-${lang}`) })
      const branch = await lessons.runId()
      expect(branch).not.toBe(parent)
      await shot(page, `playground-branch-${lang}`)

      const db = new Database(lab.dbPath, { readonly: true })
      const row = (id: number) => db.prepare('SELECT status, steps, parent_id, config FROM runs WHERE id = ?').get(id) as { status: string; steps: number; parent_id: number | null; config: string }
      expect(row(parent)).toMatchObject({ status: 'stopped', steps: 3, parent_id: null })
      expect(row(branch)).toMatchObject({ status: 'paused', steps: 3, parent_id: parent })
      expect(JSON.parse(row(branch).config).edits).toEqual([{ epoch: 3, param: 'W2', row: 1, col: 0, value: 1.75 }])
      // the stored test loss of every epoch, the branch's epoch 3 its own
      const testLoss = (id: number) => (db.prepare('SELECT test_loss FROM metrics WHERE run_id = ? ORDER BY step').pluck().all(id) as number[])
      expect(testLoss(branch).slice(0, 2)).toEqual(testLoss(parent).slice(0, 2))
      expect(testLoss(branch)[2]).not.toBe(testLoss(parent)[2])
      await page.getByRole('button', { name: w.resume, exact: true }).click()
      await expect(page.getByTestId('run-status')).toHaveText(w.done, { timeout: 60_000 })
      expect(row(branch)).toMatchObject({ status: 'done', steps: 12 })
      db.close()

      await page.getByTestId('nav-library').click()
      await expect(page.getByTestId('row-branch').first()).toContainText(w.branchOf(parent))
      await page.getByRole('button', { name: w.replay(branch) }).click()
      await expect(page.getByTestId('pg-branch')).toHaveText(w.branch)
    })

    test('a CSV with a bad line is refused naming the line', async ({ page }) => {
      await page.getByTestId('pg-csv').setInputFiles({ name: 'points.csv', mimeType: 'text/csv', buffer: Buffer.from('x1,x2,label\n1,2,0\n1,two,1\n') })
      await expect(page.getByTestId('pg-csv-message')).toContainText(w.line)
      await expect(page.getByTestId('pg-csv-message')).toContainText('two')
      // the data set is unchanged
      await expect(page.locator('#playground-data')).toHaveValue('circle')
      await page.getByTestId('pg-csv').setInputFiles({ name: 'good.csv', mimeType: 'text/csv', buffer: Buffer.from('1,2,0\n-1,-2,1\n3,3,2\n') })
      await expect(page.locator('#playground-data')).toHaveValue('custom')
    })

    test('a learning rate of 10 ends the run with the explanation and no NaN on screen', async ({ page }) => {
      test.setTimeout(120_000)
      await page.locator('#playground-activation').selectOption('linear')
      await page.locator('#playground-lr').fill('10')
      await page.locator('#playground-batch').fill('1000')
      await train(page, w.failed)
      await expect(page.getByTestId('run-reason')).toContainText(w.diverged)
      await expect(page.getByTestId('run-reason')).toContainText('10')
      await expect(page.locator('main')).not.toContainText('NaN')
      await shot(page, `playground-diverged-${lang}`)
    })
  })
}

function shotPath(name: string): string {
  return `${test.info().project.outputDir}/screenshots/${name}.png`
}
