// Lesson 4.4.1 in English and Korean: the map of f with its colour key and axes, the book's run
// descending; the lr 10 preset diverging, said plainly, with the point off the map, no NaN on the
// page and no page error; the run replayed and two learning rates compared in the library.
import { downloaded, parseCsv } from './csv'
import { expect, shot, test } from './fixtures'
import { LibraryPage } from './pages/library'

const words = {
  en: { train: 'Train', done: 'done', map: /^f\(x₀, x₁\) with the descent path/, asText: 'As text', offMap: /^The point left the map/ },
  ko: { train: '학습', done: '완료', map: /^하강 경로, 각 점의 걸음/, asText: '글로 보기', offMap: /^점이 지도 밖으로 나갔습니다/ }
}

for (const lang of ['en', 'ko'] as const) {
  test(`4.4.1 gradient descent: the book's run descends, lr 10 diverges plainly (${lang})`, async ({ page, lessons }) => {
    const w = words[lang]
    if (lang === 'ko') await page.getByRole('button', { name: '한국어' }).click()
    await lessons.open('descent')
    await expect(lessons.heading()).toContainText('4.4.1')

    // before any run: f over the book's square, its colour key and both axes, the start point
    const map = page.getByTestId('descent-map')
    await expect(map.getByRole('img', { name: w.map })).toBeVisible()
    await expect(map.getByTestId('colorbar')).toBeVisible()
    await expect(map.getByText('x₀', { exact: true })).toBeVisible()
    await expect(map.getByText('x₁', { exact: true })).toBeVisible()

    // the book's plotted run: 20 steps of lr 0.1 from (−3, 4), at full speed
    await page.getByTestId('speed-full').click()
    await page.getByRole('button', { name: w.train, exact: true }).click()
    await expect(page.getByTestId('run-status')).toHaveText(w.done, { timeout: 60_000 })
    await expect(page.getByTestId('descent-descending')).toBeVisible()
    await expect(page.getByTestId('descent-points')).toContainText('20')
    await shot(page, `descent-book-${lang}`)

    // lr 10: every step overshoots; the page says so and where the point went, never NaN
    await page.getByTestId('preset-10').click()
    await expect(page.locator('#descent-lr')).toHaveValue('10')
    await page.getByRole('button', { name: w.train, exact: true }).click()
    await expect(page.getByTestId('run-status')).toHaveText(w.done, { timeout: 60_000 })
    await expect(page.getByTestId('descent-diverged')).toBeVisible()
    await expect(page.getByTestId('descent-frozen')).toBeVisible()
    await expect(map.getByTestId('descent-map-note')).toHaveText(w.offMap)
    await map.getByText(w.asText, { exact: true }).click()
    await shot(page, `descent-diverged-${lang}`)
    expect(await page.locator('body').innerText()).not.toContain('NaN')

    // following the point reframes the map around the whole path
    await page.getByTestId('descent-follow').check()
    await expect(map.getByTestId('descent-map-note')).toBeHidden()
    await shot(page, `descent-diverged-follow-${lang}`)
    expect(await page.locator('body').innerText()).not.toContain('NaN')
  })
}

test('4.4.1 in the library: two learning rates compared side by side, a run replayed point by point, both as CSV', async ({ page, lessons }) => {
  const library = new LibraryPage(page)
  await lessons.open('descent')
  // a start where f has no value is named, and Train waits for another
  await page.locator('#descent-f').fill('log(x0) + x1^2')
  await expect(page.getByTestId('descent-start-error')).toHaveText('f has no value at the start point (-3, 4): pick another start.')
  await expect(lessons.trainButton).toBeDisabled()
  await page.locator('#descent-f').fill('x0 +* x1')
  await expect(page.locator('#descent-f-error')).toContainText('position 5')
  await lessons.notebookSettings()
  // Step from a fresh lesson: a paused run at step 1, then step 2, each point logged after step 0
  await lessons.button('Step').click()
  await lessons.waitForStatus('paused')
  await lessons.button('Step').click()
  await expect(page.getByTestId('descent-points').locator('tbody tr')).toHaveCount(3)
  await lessons.button('Stop').click()
  await lessons.waitForStatus('stopped')
  await page.getByTestId('speed-full').click()
  const runWith = async (lr: string): Promise<number> => {
    await page.getByTestId(`preset-${lr}`).click()
    await lessons.train()
    await lessons.waitForStatus('done', 60_000)
    return lessons.runId()
  }
  const good = await runWith('0.1')
  const big = await runWith('10')

  await library.open()
  await library.select(good, big)
  // both runs as one CSV: step 0 and the 100 steps of each, f as the loss
  const csv = parseCsv(await downloaded(await library.downloadSelectedCsv()))
  expect(csv.filter((r) => r.run_id === String(good)).map((r) => r.step)).toEqual(Array.from({ length: 101 }, (_, i) => String(i)))
  expect(Number(csv.find((r) => r.run_id === String(good) && r.step === '0')!.loss)).toBe(25)
  await library.compareSelected()
  await expect(library.legend('Loss')).toHaveCount(2)
  await expect(library.differingSettings()).toContainText(['Learning rate'])
  await shot(page, 'descent-compare')
  await library.back()
  // replay: the map's current point follows the scrubber
  await library.replay(good)
  const replay = page.locator('section.replay')
  const map = replay.getByTestId('descent-map')
  await map.getByText('As text', { exact: true }).click()
  const current = map.getByTestId('descent-map-text').filter({ hasText: /^Current point/ })
  await library.scrubTo(0)
  await expect(current).toHaveText(/^Current point \(-3, 4\)/)
  await library.scrubTo(50)
  await expect(current).not.toHaveText(/^Current point \(-3, 4\)/)
  await shot(page, 'descent-replay')
  expect(await page.locator('body').innerText()).not.toContain('NaN')
})
