// The weight-space view in the gate lesson, in English and Korean: after an XOR run it draws the
// loss over w₁ and w₂ with its colour key and axes, the path the run took and the plateau at
// 2 log 2; replayed from the library, moving the scrubber moves the current point.
import { expect, shot, test } from './fixtures'
import { LibraryPage } from './pages/library'

const words = {
  en: { train: 'Train', done: 'done', settings: 'Notebook settings', map: /^Loss L over w₁ and w₂/, asText: 'As text', current: /^Current point \(/, path: /^Path of \d+ points/, library: 'Runs library', replay: (id: number) => new RegExp(`^Replay run ${id}\\b`), slider: 'Replay step' },
  ko: { train: '학습', done: '완료', settings: '노트북 설정', map: /^w₁와 w₂ 위의 손실 L/, asText: '글로 보기', current: /^현재 점 \(/, path: /^경로 \d+개 점/, library: '실행 기록', replay: (id: number) => new RegExp(`^실행 ${id} .*다시 보기$`), slider: '다시 보기 단계' }
}

for (const lang of ['en', 'ko'] as const) {
  test(`gate lesson, XOR: the weight-space view shows the path, its colour key and the plateau, and replay moves the point (${lang})`, async ({ page, lessons }) => {
    const w = words[lang]
    if (lang === 'ko') await page.getByRole('button', { name: '한국어' }).click()
    await lessons.open('gate')
    await page.getByRole('button', { name: w.settings, exact: true }).click()
    await page.locator('#gate-gate').selectOption('XOR')
    await page.locator('#gate-logEvery').fill('25')
    await page.getByRole('button', { name: w.train, exact: true }).click()
    await expect(page.getByTestId('run-status')).toHaveText(w.done, { timeout: 120_000 })
    const runId = Number(/#(\d+)/.exec((await page.getByTestId('run-id').textContent()) ?? '')?.[1])

    const view = page.getByTestId('gate-weight-space')
    const map = view.getByRole('img', { name: w.map })
    await expect(map).toBeVisible()
    await expect(view.getByTestId('colorbar')).toBeVisible()
    await expect(view.getByTestId('gate-weight-space-plateau')).toBeVisible()
    await view.getByText(w.asText, { exact: true }).click()
    const lines = view.getByTestId('gate-weight-space-map-text')
    await expect(lines.filter({ hasText: w.path })).toHaveCount(1)
    await expect(lines.filter({ hasText: w.current })).toHaveCount(1)
    await view.scrollIntoViewIfNeeded()
    await shot(page, `weight-space-gate-xor-${lang}`)

    // replay: the first record's point and the last one's differ, and the text follows the scrubber
    await page.getByTestId('nav-library').click()
    await page.locator(`tr[data-run-id="${runId}"]`).getByRole('button', { name: w.replay(runId) }).click()
    const replay = page.locator('section.replay')
    const rView = replay.getByTestId('gate-weight-space')
    await expect(rView.getByRole('img', { name: w.map })).toBeVisible()
    const slider = replay.getByRole('slider', { name: w.slider })
    await rView.getByText(w.asText, { exact: true }).click()
    const current = rView.getByTestId('gate-weight-space-map-text').filter({ hasText: w.current })
    const setIndex = (i: number): Promise<void> =>
      slider.evaluate((el, index) => {
        const input = el as HTMLInputElement
        input.value = String(index)
        input.dispatchEvent(new Event('input', { bubbles: true }))
        input.dispatchEvent(new Event('change', { bubbles: true }))
      }, i)
    // the replay opens at the last record; the first one's point is elsewhere, and the last comes back
    await expect(current).toHaveText(w.current)
    const last = (await current.textContent()) ?? ''
    await setIndex(0)
    await expect(current).not.toHaveText(last)
    await setIndex(Number(await slider.getAttribute('max')))
    await expect(current).toHaveText(last)
    await rView.scrollIntoViewIfNeeded()
    await shot(page, `weight-space-gate-replay-${lang}`)
    expect(await page.locator('body').innerText()).not.toContain('NaN')
  })
}

test("two-layer XOR: replayed on its plateau, the weight-space view says so; the path wanders near 2 log 2", async ({ page, lessons }) => {
  await lessons.open('xor2')
  await lessons.notebookSettings()
  await lessons.fill('Log every (epochs)', '20')
  await page.getByTestId('speed-full').click()
  await lessons.train()
  await lessons.waitForStatus('done')
  const runId = await lessons.runId()
  // live, at the end: the loss has left the plateau
  await expect(page.getByTestId('xor2-weight-space-map')).toBeVisible()
  await expect(page.getByTestId('xor2-weight-space-plateau')).toBeHidden()

  const library = new LibraryPage(page)
  await library.open()
  await library.replay(runId)
  // epoch 400 of the notebook's run: lr 0.1, loss still about 1.37
  await library.scrubTo(19)
  await expect(page.getByTestId('replay-step')).toHaveText('step 400 / 2000')
  const view = page.locator('section.replay').getByTestId('xor2-weight-space')
  await expect(view.getByTestId('xor2-weight-space-plateau')).toBeVisible()
  await expect(view.getByTestId('colorbar')).toContainText('2 log 2')
  await view.scrollIntoViewIfNeeded()
  await shot(page, 'weight-space-xor2-plateau')
})
