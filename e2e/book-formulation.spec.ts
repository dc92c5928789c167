// The book beside the notebook, through the real UI: SimpleNet's loss select gives the book's loss
// (delta 1e-7; numpy's value from fixtures/make_simplenet_book_fixture.py) and back, and the MNIST
// lesson offers the book's evaluation schedule and the thread count, in English and Korean.
import { expect, shot, test } from './fixtures'

for (const lang of ['en', 'ko'] as const) {
  test(`SimpleNet's loss select switches between the notebook's and the book's loss (${lang})`, async ({ page, lessons }) => {
    await lessons.openNotebook('simplenet')
    if (lang === 'ko') await page.getByRole('button', { name: '한국어' }).click()
    await expect(lessons.number('simplenet-loss')).toHaveText('3.34491868')
    const loss = page.locator('#sn-formulation')
    await expect(loss.locator('option')).toHaveText(lang === 'en' ? ['notebook (δ = 1e-4)', 'book, common/functions.py (δ = 1e-7)'] : ['노트북 (δ = 1e-4)', '책 (δ = 1e-7)'])
    await loss.selectOption('book')
    // numpy, the book's cross_entropy_error: 3.34775568905136
    await expect(lessons.number('simplenet-loss')).toHaveText('3.34775569')
    await shot(page, `simplenet-book-loss-${lang}`)
    await loss.selectOption('notebook')
    await expect(lessons.number('simplenet-loss')).toHaveText('3.34491868')
  })

  test(`the MNIST lesson offers the book's evaluation schedule and the thread count (${lang})`, async ({ page, lessons }) => {
    await lessons.open('mnist')
    if (lang === 'ko') await page.getByRole('button', { name: '한국어' }).click()
    const schedule = page.locator('#mnist-eval-schedule')
    await expect(schedule).toHaveValue('every')
    await expect(page.locator('#mnist-evalEvery')).toBeEnabled()
    await schedule.selectOption('book')
    await expect(page.locator('#mnist-evalEvery')).toBeDisabled()
    const threads = page.locator('#mnist-threads')
    await expect(threads).toHaveValue('0')
    await threads.fill('65')
    await expect(threads).toHaveAttribute('aria-invalid', 'true')
    await expect(page.locator('#mnist-threads-error')).toContainText('64')
    await threads.fill('1')
    await expect(threads).toHaveAttribute('aria-invalid', 'false')
    await shot(page, `mnist-book-schedule-${lang}`)
  })
}
