// Keyboard and screen-reader reach: every visible control in every view has an
// accessible name, and the lessons can be driven with the keyboard alone.
import type { Locator, Page } from '@playwright/test'
import { test, expect, shot } from './fixtures'
import { Chapter4Page } from './pages/chapter4'
import { LessonsPage } from './pages/lessons'
import { LibraryPage } from './pages/library'

/** Everything a user can operate or reach with Tab. */
const CONTROLS = [
  'button',
  'a[href]',
  'input',
  'select',
  'textarea',
  'summary',
  '[role=button]',
  '[role=checkbox]',
  '[role=slider]',
  '[role=tab]',
  '[tabindex]:not([tabindex="-1"])'
].join(', ')

/** Asserts every visible control has a non-blank accessible name and nothing clickable is out of Tab's reach; returns how many controls were checked. */
async function expectReachableAndNamed(page: Page, view: string): Promise<number> {
  const controls = page.locator(CONTROLS)
  const count = await controls.count()
  let checked = 0
  for (let i = 0; i < count; i++) {
    const control = controls.nth(i)
    if (!(await control.isVisible())) continue
    const html = await control.evaluate((el) => el.outerHTML.slice(0, 160))
    await expect(control, `${view}: ${html}`).toHaveAccessibleName(/\S/, { timeout: 2_000 })
    checked++
  }
  await expectNothingClickableOutOfReach(page, view)
  return checked
}

/** Whatever looks clickable (a pointer cursor) must be, or sit inside, something Tab reaches. */
async function expectNothingClickableOutOfReach(page: Page, view: string): Promise<void> {
  const unreachable = await page.evaluate((reachable) => {
    const found: string[] = []
    for (const el of Array.from(document.querySelectorAll<HTMLElement>('body *'))) {
      const box = el.getBoundingClientRect()
      if (box.width === 0 || box.height === 0 || getComputedStyle(el).cursor !== 'pointer') continue
      if (!el.closest(reachable)) found.push(el.outerHTML.slice(0, 160))
    }
    return found
  }, `${CONTROLS}, label`)
  expect(unreachable, `${view}: clickable but not reachable with Tab`).toEqual([])
}

/** Presses Tab until `target` has focus (at most `limit` times), as a keyboard-only user would. */
async function tabTo(page: Page, target: Locator, limit = 120): Promise<void> {
  await expect(target).toBeVisible()
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab')
    if (await target.evaluate((el) => el === document.activeElement)) return
  }
  throw new Error(`Tab never reached ${target}`)
}

/** A short standard backprop run (100 iterations), enough for a snapshot to predict with. */
async function trainMnistBriefly(lessons: LessonsPage): Promise<void> {
  await lessons.open('mnist')
  await lessons.fill('Iterations', '100')
  await lessons.train()
  await lessons.waitForStatus('done')
}

/** The pad's ten probabilities in percent, as printed. */
async function probabilities(lessons: LessonsPage): Promise<number[]> {
  await expect(lessons.number('prob-0')).toHaveText(/%$/)
  const shown: number[] = []
  for (let d = 0; d < 10; d++) shown.push(parseFloat((await lessons.number(`prob-${d}`).textContent()) ?? ''))
  return shown
}

test('keyboard alone trains the AND gate; every control of the gate lesson, the library and a replay is named', async ({
  page,
  lessons
}) => {
  await tabTo(page, page.getByTestId('nav-gate'))
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('nav-gate')).toHaveAttribute('aria-current', 'page')
  await tabTo(page, lessons.button('Notebook settings'))
  await page.keyboard.press('Enter')
  await tabTo(page, lessons.trainButton)
  await page.keyboard.press('Enter')
  await lessons.waitForStatus('done')
  // notebook 4.5.1.1: the AND neuron after 1000 epochs outputs 0.87496677 for (1,1)
  await expect(lessons.number('truth-pred-3')).toHaveText('0.87496677')
  expect(await expectReachableAndNamed(page, 'gate')).toBeGreaterThan(10)

  const runId = await lessons.runId()
  const library = new LibraryPage(page)
  await library.open()
  await expect(library.row(runId)).toBeVisible()
  expect(await expectReachableAndNamed(page, 'library')).toBeGreaterThan(5)
  await library.replay(runId)
  expect(await expectReachableAndNamed(page, 'replay')).toBeGreaterThan(1)
})

test('every control of the SimpleNet and XOR lessons is named', async ({ page, lessons }) => {
  await lessons.open('simplenet')
  expect(await expectReachableAndNamed(page, 'simplenet')).toBeGreaterThan(10)
  await lessons.open('xor2')
  expect(await expectReachableAndNamed(page, 'xor2')).toBeGreaterThan(10)
})

test('every control of the lessons 4.2, 4.3 and 4.4 is named', async ({ page }) => {
  const lessons = new Chapter4Page(page)
  for (const kind of ['loss', 'derivative', 'gradient'] as const) {
    await lessons.open(kind)
    expect(await expectReachableAndNamed(page, kind)).toBeGreaterThan(5)
  }
})

test('MNIST: a digit drawn from the keyboard gets ten probabilities; every control is named', async ({ page, lessons }) => {
  await trainMnistBriefly(lessons)
  expect(await expectReachableAndNamed(page, 'mnist')).toBeGreaterThan(10)

  const pad = page.getByRole('application', { name: /Drawing pad/ })
  await expect(pad).toHaveAccessibleDescription(/arrows move the cursor/)
  await tabTo(page, pad)
  const cursor = page.getByTestId('draw-cursor')
  await expect(cursor).toBeVisible()
  await expect(lessons.number('prob-0')).toHaveText('–')
  // a vertical stroke: up 8 cells from the centre, then paint 16 cells down
  for (let i = 0; i < 8; i++) await page.keyboard.press('ArrowUp')
  for (let i = 0; i < 16; i++) await page.keyboard.press('Shift+ArrowDown')
  const shown = await probabilities(lessons)
  const total = shown.reduce((a, b) => a + b, 0)
  expect(total).toBeGreaterThan(99.4)
  expect(total).toBeLessThan(100.6)
  // screen readers hear one sentence naming the likeliest digit, not ten changing percentages
  await expect(page.getByTestId('draw-most-likely')).toHaveText(`Most likely: ${shown.indexOf(Math.max(...shown))}`)
  await expect(page.getByTestId('draw-most-likely')).toHaveRole('status')
  // the cursor sat on the stroke's last cell: 13 columns in, 13 - 8 + 16 = 21 rows down (of 28)
  const [padBox, cursorBox] = [(await page.getByTestId('draw-canvas').boundingBox())!, (await cursor.boundingBox())!]
  expect((cursorBox.x - padBox.x) / padBox.width).toBeCloseTo(13 / 28, 2)
  expect((cursorBox.y - padBox.y) / padBox.height).toBeCloseTo(21 / 28, 2)
  // the whole drawing panel in the picture, its keys and buttons included
  await pad.evaluate((el) => el.closest('section')!.scrollIntoView({ block: 'center' }))
  await shot(page, 'draw-keyboard')

  await page.keyboard.press('Delete')
  await expect(lessons.number('prob-0')).toHaveText('–')
  // the page did not scroll away under the arrows and Space
  await page.keyboard.press('Space')
  await expect(lessons.number('prob-0')).toHaveText(/%$/)
  await expect(pad).toBeInViewport()
})

test('MNIST: a real test digit loaded from the keyboard is predicted as in the grid of test digits', async ({ page, lessons }) => {
  await trainMnistBriefly(lessons)
  const chooser = page.getByRole('combobox', { name: 'Load a test digit' })
  await tabTo(page, chooser)
  await page.keyboard.press('ArrowDown')
  await expect(chooser).toHaveValue(/^\d+$/)
  const index = Number(await chooser.inputValue())
  const shown = await probabilities(lessons)
  await shot(page, 'draw-test-digit')
  // printed to 0.1%, a barely trained network can tie: the grid's answer must be among the largest
  const largest = [...shown.keys()].filter((d) => shown[d] === Math.max(...shown))
  // the grid of test digits catches up with the network once scrolled into view
  const cell = page.getByTestId(`digit-${index}`)
  await cell.scrollIntoViewIfNeeded()
  await expect(cell).toHaveAttribute('aria-label', /^predicted \d, true 0$/)
  const gridAnswer = Number(/predicted (\d)/.exec((await cell.getAttribute('aria-label')) ?? '')?.[1])
  expect(largest).toContain(gridAnswer)
})

test('playground: every control is named, every map has a name and a text equivalent, a point can be placed from the keyboard', async ({ page, lessons }) => {
  await lessons.open('playground')
  await page.locator('#playground-epochs').fill('20')
  await lessons.train()
  await lessons.waitForStatus('done')
  expect(await expectReachableAndNamed(page, 'playground')).toBeGreaterThan(30)
  const maps = page.locator('[role=img]')
  const count = await maps.count()
  expect(count).toBeGreaterThan(8)
  for (let i = 0; i < count; i++) {
    const map = maps.nth(i)
    const html = await map.evaluate((el) => el.outerHTML.slice(0, 120))
    await expect(map, html).toHaveAccessibleName(/\S/)
    if (await map.locator('canvas').count()) await expect(map, html).toHaveAccessibleDescription(/\d/)
  }
  // a weight read from the keyboard
  const link = page.getByTestId('pg-network').locator('line.hit').first()
  await tabTo(page, link, 200)
  await expect(page.getByTestId('pg-link-value')).toHaveText(/^W1\[1, 1\] = /)
  // a point placed from the keyboard: Enter at the cross, in the plane's centre
  await tabTo(page, page.getByTestId('pg-plane'), 300)
  await page.keyboard.press('ArrowUp')
  await page.keyboard.press('Enter')
  await expect(page.locator('#playground-data')).toHaveValue('custom')
  await expect(page.getByTestId('pg-plane').locator('circle')).toHaveCount(201)
})
