// Every screen fits a classroom laptop (1024×700) and a 1280×800 screen, in English and Korean:
// no sideways page scroll, no table that scrolls sideways, no button, select or cell cut off, and
// axe-core finds no serious or critical accessibility violation. Runs of every kind are trained
// headless first, so each lesson is seen after training too.
import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { test, expect, shot, type Lab } from './fixtures'
import { LibraryPage } from './pages/library'
import { forbiddenTerms, readGlossary } from './glossary'

const SIZES = [
  { width: 1024, height: 700 },
  { width: 1280, height: 800 }
]

/** Trains one small run of each kind into the host's database with `lab`; answers the ids of the trained runs (gate, xor2, mnist). */
function seedRuns(lab: Lab): number[] {
  const runs = [
    ['simplenet', '--seed', '1', '--x', '0.6,0.9', '--t', '0,0,1'],
    ['train', 'gate', '--gate', 'AND', '--seed', '1', '--lr', '0.1', '--epochs', '200', '--log-every', '10'],
    ['train', 'xor2', '--seed', '1', '--schedule', '0.1x200,0.3x200', '--log-every', '10'],
    ['train', 'mnist', '--seed', '1', '--hidden', '10', '--batch', '20', '--iterations', '20', '--lr', '0.1', '--gradient', 'backprop', '--eval-every', '10'],
    ['train', 'descent', '--f', 'function_2', '--init', '-3,4', '--lr', '0.1', '--steps', '20'],
    ['train', 'playground', '--data', 'circle', '--epochs', '20', '--seed', '1']
  ]
  return runs.map((args) => {
    const cli = spawnSync('npm', ['run', '--silent', 'lab', '--', ...args, '--json'], {
      cwd: join(__dirname, '..'),
      env: { ...process.env, LAB_DB: lab.dbPath },
      encoding: 'utf8'
    })
    expect(cli.status, cli.stderr).toBe(0)
    return (JSON.parse(cli.stdout.trim().split('\n').pop()!) as { runId?: number }).runId
  }).filter((id): id is number => id !== undefined)
}

/** What does not fit on the screen shown now, in words (empty when everything fits). */
function misfits(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = []
    const name = (el: Element): string => `${el.tagName.toLowerCase()} “${(el.textContent ?? '').trim().slice(0, 40)}”`
    const doc = document.documentElement
    if (doc.scrollWidth > doc.clientWidth) out.push(`the page scrolls sideways (${doc.scrollWidth} > ${doc.clientWidth})`)
    const clips = (el: Element): boolean => getComputedStyle(el).overflowX !== 'visible'
    for (const table of Array.from(document.querySelectorAll('main table'))) {
      for (let el = table.parentElement; el && el.tagName !== 'MAIN'; el = el.parentElement) {
        if (clips(el) && el.scrollWidth > el.clientWidth + 1) out.push(`a table scrolls sideways: ${name(table)} (${el.scrollWidth} > ${el.clientWidth})`)
      }
    }
    const canvas = document.createElement('canvas').getContext('2d')!
    for (const el of Array.from(document.querySelectorAll('main button, main select, main td, main th'))) {
      const box = el.getBoundingClientRect()
      if (box.width === 0 || el.closest('.katex')) continue
      if (el.tagName === 'SELECT') {
        // a select shows its chosen option: the longest one must fit beside the arrow
        const style = getComputedStyle(el)
        canvas.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`
        const widest = Math.max(...Array.from((el as HTMLSelectElement).options).map((o) => canvas.measureText(o.text).width))
        const room = el.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - 20
        if (widest > room + 1) out.push(`${name(el)} is narrower than its options (${Math.ceil(widest)} > ${Math.floor(room)})`)
      } else if (el.scrollWidth > el.clientWidth + 1 && !(el.tagName === 'TD' && el.querySelector('canvas'))) {
        out.push(`${name(el)} cuts its content (${el.scrollWidth} > ${el.clientWidth})`)
      }
      for (let up = el.parentElement; up && up.tagName !== 'BODY'; up = up.parentElement) {
        if (!clips(up)) continue
        const room = up.getBoundingClientRect()
        if (box.left < room.left - 1 || box.right > room.right + 1) out.push(`${name(el)} sticks out of its container`)
        break
      }
    }
    return [...new Set(out)]
  })
}

async function expectScreen(page: Page, screen: string): Promise<void> {
  // fonts and charts settle before measuring
  await page.evaluate(() => document.fonts.ready.then(() => new Promise(requestAnimationFrame)))
  expect(await misfits(page), `${screen}: what does not fit`).toEqual([])
  const axe = await new AxeBuilder({ page }).analyze()
  const serious = axe.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`)
  expect(serious, `${screen}: axe-core`).toEqual([])
}

for (const size of SIZES) {
  for (const lang of ['en', 'ko'] as const) {
    test(`every screen fits ${size.width}×${size.height} in ${lang} and passes axe-core`, async ({ page, lab, lessons }) => {
      test.setTimeout(300_000)
      const [gateRun, xor2Run] = seedRuns(lab)
      await page.setViewportSize(size)
      await page.evaluate((l) => localStorage.setItem('gradient-lab.lang', l), lang)
      await page.reload()
      const at = (screen: string): string => `${screen} at ${size.width}×${size.height} (${lang})`

      await expect(page.getByTestId('welcome-database')).toContainText('.db')
      await expectScreen(page, at('welcome'))
      await shot(page, `fit-welcome-${size.width}-${lang}`)

      // every lesson; the trained ones open on their newest run (trained above): the views after training
      for (const kind of ['loss', 'derivative', 'gradient', 'descent', 'simplenet', 'gate', 'xor2', 'mnist', 'playground'] as const) {
        await lessons.open(kind)
        const trained = ['descent', 'gate', 'xor2', 'mnist', 'playground'].includes(kind)
        if (trained) await expect(page.getByTestId('run-status')).toBeVisible()
        await expectScreen(page, at(`${kind} after training`))
        await shot(page, `fit-${kind}-${size.width}-${lang}`)
        if (!trained) continue
        await lessons.button(lang === 'ko' ? '초기화' : 'Reset').click()
        await expectScreen(page, at(`${kind} before training`))
      }

      const library = new LibraryPage(page)
      await page.getByTestId('nav-library').click()
      await expect(library.row(gateRun).or(page.locator(`tr[data-run-id="${gateRun}"]`))).toBeVisible()
      await expectScreen(page, at('runs library'))
      await shot(page, `fit-library-${size.width}-${lang}`)
      await page.locator(`tr[data-run-id="${gateRun}"] [aria-haspopup=menu]`).click()
      await expectScreen(page, at('runs library with a row menu open'))
      await page.keyboard.press('Escape')

      await page.locator(`tr[data-run-id="${gateRun}"]`).getByRole('button').first().click()
      await expect(page.getByRole('slider')).toBeEnabled()
      await expectScreen(page, at('replay'))
      await shot(page, `fit-replay-${size.width}-${lang}`)
      await page.getByRole('button', { name: /^←/ }).click()

      for (const id of [gateRun, xor2Run]) await page.locator(`tr[data-run-id="${id}"] input[type=checkbox]`).check()
      await page.locator('[role=toolbar] button').first().click()
      await expectScreen(page, at('compare'))
      await shot(page, `fit-compare-${size.width}-${lang}`)
      await page.getByRole('button', { name: /^←/ }).click()

      await page.locator('input[type=file]').setInputFiles({ name: 'bogus.glrun', mimeType: 'application/json', buffer: Buffer.from('not json') })
      await expect(page.getByTestId('import-message')).toBeVisible()
      await expectScreen(page, at('import refused'))
      await shot(page, `fit-import-${size.width}-${lang}`)
    })
  }
}

test('focus stays in the run bar through Train, Pause, Resume and Stop, from the keyboard', async ({ page, lessons }) => {
  await lessons.open('gate')
  await lessons.fill('Epochs', '100000')
  const focused = (): Promise<string | null> => page.evaluate(() => document.activeElement?.getAttribute('data-control') ?? document.activeElement?.tagName ?? null)
  await lessons.trainButton.focus()
  await page.keyboard.press('Enter')
  await lessons.waitForStatus('running')
  await expect.poll(focused).toBe('pause')
  await page.keyboard.press('Enter')
  await lessons.waitForStatus('paused')
  await expect.poll(focused).toBe('resume')
  await page.keyboard.press('Enter')
  await lessons.waitForStatus('running')
  await expect.poll(focused).toBe('pause')
  await page.keyboard.press('Tab')
  await expect.poll(focused).toBe('stop')
  await page.keyboard.press('Enter')
  await lessons.waitForStatus('stopped')
  await expect.poll(focused).toBe('train')
})

test('with the skip link, Tab reaches the first run of the library in at most 5 presses; arrows move between runs', async ({ page, lab }) => {
  // the newest run is the first row, the one trained before it the second
  const [older, newest] = seedRuns(lab).slice(-2)
  const library = new LibraryPage(page)
  await library.open()
  await expect(library.row(newest)).toBeVisible()
  // from the top of the document: a reload keeps the library open
  await page.reload()
  await expect(library.row(newest)).toBeVisible()
  const inRow = (): Promise<string | null> => page.evaluate(() => document.activeElement?.closest('tr')?.getAttribute('data-run-id') ?? null)
  // one Tab to the skip link, Enter: on the first row
  await page.keyboard.press('Tab')
  await expect(page.getByRole('link', { name: 'Skip to the content' })).toBeFocused()
  await page.keyboard.press('Enter')
  await expect.poll(inRow).toBe(String(newest))
  await page.keyboard.press('ArrowDown')
  await expect.poll(inRow).toBe(String(older))
  await page.keyboard.press('Space')
  await expect(library.row(older).getByRole('checkbox')).toBeChecked()
  // the rows are one Tab stop: Tab leaves the table for the pager
  await page.keyboard.press('Tab')
  await expect.poll(inRow).toBe(null)
})

test('Korean to the last word: a refused import, a Korean run name in the CSV file name, the glossary on every screen', async ({ page, lab, lessons }) => {
  test.setTimeout(240_000)
  const [gateRun] = seedRuns(lab)
  const library = new LibraryPage(page)
  await library.open()
  await library.rename(gateRun, 'AND 노트북')
  await library.replay(gateRun)
  const csv = await library.exportFrom('Metrics CSV')
  expect(csv.suggestedFilename()).toContain('노트북')
  expect(csv.suggestedFilename()).toBe(`run-${gateRun}-AND 노트북.csv`)
  await library.back()

  await page.getByRole('button', { name: '한국어' }).click()
  const glossary = readGlossary()
  const screens: string[] = []
  const readScreen = async (name: string): Promise<void> => {
    const text = await page.locator('body').innerText()
    const found = forbiddenTerms(text, glossary)
    expect(found, `${name} uses a word the glossary forbids`).toEqual([])
    screens.push(name)
  }
  await page.getByTestId('nav-welcome').click()
  await readScreen('welcome')
  for (const kind of ['loss', 'derivative', 'gradient', 'descent', 'simplenet', 'gate', 'xor2', 'mnist', 'playground'] as const) {
    await lessons.open(kind)
    await readScreen(kind)
  }
  await page.getByTestId('nav-library').click()
  await readScreen('library')
  await page.locator(`tr[data-run-id="${gateRun}"]`).getByRole('button').first().click()
  await expect(page.getByRole('slider')).toBeEnabled()
  await readScreen('replay')
  await page.getByRole('button', { name: /^←/ }).click()

  await page.locator('input[type=file]').setInputFiles({ name: 'bogus.glrun', mimeType: 'application/json', buffer: Buffer.from('not json') })
  const message = page.getByTestId('import-message')
  await expect(message).toContainText('가져오지 않았습니다')
  const words = ((await message.textContent()) ?? '').replace('bogus.glrun', '')
  expect(words, 'Latin letters outside the file name').not.toMatch(/[A-Za-z]/)
  await readScreen('import refused')
  expect(screens).toHaveLength(13)
})
