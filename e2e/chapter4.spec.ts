// Lessons 4.2, 4.3 and 4.4 in the browser host, in English and in Korean: each opens in the
// sidebar before 4.4.2, computes the book's numbers and shows its views with keys, axes and text
// equivalents; bad input is named in the UI's language. Screenshots in test-results/screenshots/.
import { expect, shot, test } from './fixtures'
import { Chapter4Page } from './pages/chapter4'
import { LibraryPage } from './pages/library'

const BOOK_MSE = '0.09750000000000003'
const BOOK_CEE = '0.510825457099338'

test('the chapter 4 lessons come first in the sidebar, in the chapter’s order', async ({ page }) => {
  const lessons = new Chapter4Page(page)
  const kinds = await lessons.sidebarKinds()
  expect(kinds.slice(0, 3)).toEqual(['loss', 'derivative', 'gradient'])
  expect(kinds.indexOf('gradient')).toBeLessThan(kinds.indexOf('simplenet'))
})

for (const lang of ['en', 'ko'] as const) {
  test(`4.2 losses and a mini-batch (${lang})`, async ({ page }) => {
    const lessons = new Chapter4Page(page)
    await lessons.open('loss', lang)
    await expect(lessons.heading()).toHaveText(lang === 'en' ? '4.2 Loss functions' : '4.2 손실 함수')
    await expect(lessons.number('loss-mse')).toHaveText(BOOK_MSE)
    await expect(lessons.number('loss-cee')).toHaveText(BOOK_CEE)
    // the same target as a one-hot list gives the same losses
    await lessons.field('loss-form').selectOption('oneHot')
    await lessons.field('loss-onehot').fill('0,0,1,0,0,0,0,0,0,0')
    await expect(lessons.number('loss-cee')).toHaveText(BOOK_CEE)
    // a mini-batch: np.random.seed(0); np.random.choice(60000, 10), its loss near log 10 in both forms
    await expect(lessons.number('batch-indices')).toContainText('[2732, 43567, 42613, 52416, 45891, 21243, 30403, 32103, 41993, 57043]')
    await expect(lessons.number('batch-cee-onehot')).toHaveText('2.3052232681455704')
    await expect(lessons.number('batch-cee-labels')).toHaveText('2.3052232681455704')
    await expect(page.getByRole('list', { name: lang === 'en' ? 'The drawn digits' : '뽑힌 숫자' }).getByRole('listitem')).toHaveCount(10)
    await lessons.scrollToTop()
    await shot(page, `chapter4-loss-${lang}`)
    // y that is not a distribution: named in the UI's language, the losses wait
    await lessons.field('loss-y3').fill('0.5')
    await expect(lessons.number('loss-y-problem')).toHaveText(lang === 'en' ? /^y sums to 1\.5: the probabilities of a distribution sum to 1\.$/ : /^y의 합이 1\.5입니다/)
    await expect(lessons.number('loss-invalid')).toBeVisible()
    await lessons.field('loss-y3').fill('-1')
    await expect(lessons.fieldError('loss-y3')).toBeVisible()
    await shot(page, `chapter4-loss-error-${lang}`)
  })

  test(`4.3 numerical differentiation (${lang})`, async ({ page }) => {
    const lessons = new Chapter4Page(page)
    await lessons.open('derivative', lang)
    await expect(lessons.heading()).toHaveText(lang === 'en' ? '4.3 Numerical differentiation' : '4.3 수치 미분')
    await expect(lessons.number('derivative-numerical')).toHaveText('0.1999999999990898')
    await expect(lessons.number('derivative-exact')).toHaveText('0.2')
    const curve = lang === 'en' ? /^Curve of f around x = / : /^x = .* 주변의 f 곡선/
    const errors = lang === 'en' ? /^Error of the central and forward differences/ : /중심 차분과 전방 차분의 오차/
    await expect(lessons.image(curve)).toBeVisible()
    // f, the tangent, the secant and the two points; float64's central and forward errors
    await lessons.chartDrawn(curve, 4)
    await lessons.chartDrawn(errors, 2)
    // the error chart's text equivalent lists h from 1 to 1e-16
    const table = await lessons.asText('derivative-error-text')
    await expect(table.locator('tbody tr')).toHaveCount(17)
    await expect(table.locator('tbody tr').first().locator('td').first()).toHaveText('1')
    // partial derivatives: the book's function_tmp1 and function_tmp2
    await expect(lessons.number('partial-numerical-0')).toHaveText('6.00000000000378')
    await expect(lessons.number('partial-numerical-1')).toHaveText('7.999999999999119')
    await lessons.scrollToTop()
    await shot(page, `chapter4-derivative-${lang}`)
    // x = 10, then the float32 trap: h = 1e-50 becomes 0
    await lessons.field('derivative-x').fill('10')
    await expect(lessons.number('derivative-numerical')).toHaveText('0.2999999999986347')
    await lessons.field('derivative-precision').selectOption('float32')
    await page.getByTestId('derivative-trap').click()
    await expect(lessons.number('derivative-h32')).toHaveText('0')
    await expect(lessons.number('derivative-h-zero')).toContainText(lang === 'en' ? 'rounds to 0' : '0으로 반올림')
    await expect(lessons.number('derivative-numerical')).toHaveText(lang === 'en' ? 'undefined' : '정의되지 않음')
    await expect(page.locator('main')).not.toContainText('NaN')
    // float32's two error curves join float64's; with h = 0 there is no derivative, so neither
    // tangent nor secant: the curve and its point
    await lessons.chartDrawn(errors, 4)
    await lessons.chartDrawn(curve, 2)
    await lessons.scrollToTop()
    await shot(page, `chapter4-derivative-float32-${lang}`)
    // a bad expression: named with its position, the last good one stays in use
    await lessons.field('derivative-f').fill('2*y')
    await expect(lessons.fieldError('derivative-f')).toHaveText(lang === 'en' ? /^unknown name "y" at position 3/ : /^3번째 글자의 "y"는 모르는 이름입니다/)
    await lessons.field('derivative-f').fill('sin(x) * x**2')
    await expect(lessons.fieldError('derivative-f')).toHaveCount(0)
    await expect(lessons.number('derivative-exact')).not.toHaveText('0.2')
  })

  test(`4.4 gradient (${lang})`, async ({ page }) => {
    const lessons = new Chapter4Page(page)
    await lessons.open('gradient', lang)
    await expect(lessons.heading()).toHaveText(lang === 'en' ? '4.4 Gradient' : '4.4 기울기')
    await expect(lessons.number('gradient-0')).toHaveText('6.00000000000378')
    await expect(lessons.number('gradient-1')).toHaveText('7.999999999999119')
    // the book's other points
    await page.getByRole('button', { name: '(0, 2)' }).click()
    await expect(lessons.number('gradient-0')).toHaveText('0')
    await expect(lessons.number('gradient-1')).toHaveText('4.000000000004')
    const map = page.getByTestId('gradient-map')
    await expect(map.getByRole('img', { name: lang === 'en' ? /^Heat map of f\(x0, x1\)/ : /히트맵/ })).toBeVisible()
    await expect(map.getByTestId('colorbar')).toBeVisible()
    await expect(map.locator('.axis-name.x')).toHaveText('x0')
    await expect(map.locator('.axis-name.y')).toHaveText('x1')
    // the field's text equivalent: the book's 18 x 18 grid
    const table = await lessons.asText('gradient-field-text')
    await expect(table.locator('tbody tr')).toHaveCount(324)
    await expect(table.locator('tbody tr').first()).toContainText('-2')
    // a click on the map picks the point
    const box = (await map.locator('canvas').boundingBox())!
    await page.mouse.click(box.x + box.width * 0.75, box.y + box.height * 0.5)
    await expect(lessons.field('gradient-x0')).not.toHaveValue('0')
    await expect(lessons.number('gradient-1')).not.toHaveText('4.000000000004')
    await lessons.scrollToTop()
    await shot(page, `chapter4-gradient-${lang}`)
    await lessons.field('gradient-f').fill('x0 + x')
    await expect(lessons.fieldError('gradient-f')).toHaveText(lang === 'en' ? /^unknown name "x" at position 6/ : /^6번째 글자의 "x"는 모르는 이름입니다/)
  })
}

test('each lesson saves its computation as a run, and the library replays it with the same views', async ({ page }) => {
  const lessons = new Chapter4Page(page)
  const library = new LibraryPage(page)
  const saved: number[] = []
  for (const kind of ['loss', 'derivative', 'gradient'] as const) {
    await lessons.open(kind)
    await page.getByTestId('save-run').click()
    await expect(page.getByTestId('saved-run')).toHaveText(/^Saved as run #\d+$/)
    saved.push(Number(/#(\d+)/.exec((await page.getByTestId('saved-run').textContent()) ?? '')![1]))
  }
  // a run of one computation has one step: the replay's scrubber stays disabled
  const replay = async (runId: number): Promise<void> => {
    await page.getByRole('button', { name: new RegExp(`^Replay run ${runId}\\b`) }).click()
    await expect(page.getByRole('heading', { name: new RegExp(`^Replay of run #${runId}\\b`) })).toBeVisible()
  }
  await library.open()
  await replay(saved[0])
  await expect(lessons.number('loss-cee')).toHaveText(BOOK_CEE)
  await library.back()
  await replay(saved[1])
  await expect(lessons.number('derivative-numerical')).toHaveText('0.1999999999990898')
  await library.back()
  await replay(saved[2])
  await expect(lessons.number('gradient-0')).toHaveText('6.00000000000378')
  await expect(page.getByTestId('gradient-map').getByTestId('colorbar')).toBeVisible()
  await shot(page, 'chapter4-gradient-replay')
})
