// What a learner reads at a glance: every lesson, the replay and compare photographed in English
// and Korean; in Korean the shipped Hangul font draws the text (this machine has no CJK font) and
// no English word is left outside formulas, code names and the allowlist; SimpleNet marks stale
// results, warns about rounding error and draws the error-against-h plot.
import type { Page } from '@playwright/test'
import { expect, shot, test } from './fixtures'
import type { LessonKind } from './pages/lessons'

/**
 * Latin words that may stay in the Korean UI: names (of the app, the model, the gates, the data
 * set, the notebook's functions), the notebook's variable names inside formulas (lr, dW, W1…),
 * file formats, key names, and the button that switches to English.
 */
const ALLOWED = new Set([
  'Gradient', 'Lab', 'English', 'SimpleNet', 'MNIST', 'XOR', 'AND', 'OR', 'NAND',
  'lr', 'argmax', 'softmax', 'numpy', 'float64', 'dW', 'xW', 'W1', 'b1', 'W2', 'b2', 'dW1', 'db1', 'dW2', 'db2', 'db', 'dw',
  'CSV', 'PNG', 'ipynb', 'zip', 'Space', 'Enter', 'Shift', 'Delete', 'NaN'
])

/** Visible words of two or more Latin letters on the page, outside formulas (KaTeX) and code. */
function visibleLatinWords(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const words = new Set<string>()
    const add = (text: string | null | undefined): void => {
      // a value in quotes is the learner's own input echoed back ("abc"), not the UI's words
      const own = (text ?? '').replace(/"[^"]*"/g, '')
      for (const w of own.match(/[A-Za-z][A-Za-z0-9]+/g) ?? []) if (/[A-Za-z]{2}/.test(w)) words.add(w)
    }
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement
      if (!el || el.closest('.katex, code, script, style, option, .visually-hidden')) continue
      if (!el.checkVisibility({ opacityProperty: false, visibilityProperty: true })) continue
      add(n.textContent)
    }
    for (const select of document.querySelectorAll('select')) if (select.checkVisibility()) add(select.selectedOptions[0]?.text)
    for (const input of document.querySelectorAll('input[placeholder]')) if (input.checkVisibility()) add(input.getAttribute('placeholder'))
    return [...words]
  })
}

async function expectNoEnglish(page: Page, where: string): Promise<void> {
  const english = (await visibleLatinWords(page)).filter((w) => !ALLOWED.has(w))
  expect(english, `English words on ${where}`).toEqual([])
}

/** 한 drawn in the shipped face must differ from a codepoint no font has (the missing-glyph box). */
async function hangulDrawnWithShippedFont(page: Page): Promise<{ status: string[]; differs: boolean }> {
  return page.evaluate(async () => {
    await document.fonts.ready
    const faces = [...document.fonts].filter((f) => f.family.replace(/"/g, '') === 'Lab Hangul')
    const draw = (text: string): Uint8ClampedArray => {
      const c = document.createElement('canvas')
      c.width = 40
      c.height = 40
      const ctx = c.getContext('2d')!
      ctx.font = '32px "Lab Hangul"'
      ctx.fillText(text, 2, 32)
      return ctx.getImageData(0, 0, 40, 40).data
    }
    const han = draw('한')
    const tofu = draw(String.fromCodePoint(0x10fffd))
    return { status: faces.map((f) => `${f.weight}:${f.status}`), differs: han.some((v, i) => v !== tofu[i]) }
  })
}

type Lang = 'en' | 'ko'
const words = {
  en: { notebook: 'Notebook settings', library: 'Runs library', compare: /^Compare selected/ },
  ko: { notebook: '노트북 설정', library: '실행 기록', compare: /^선택한 실행 비교/ }
}

for (const lang of ['en', 'ko'] as Lang[]) {
  test(`every screen in ${lang}: lessons with an invalid value and after training, runs library, replay, compare`, async ({ page, lessons }) => {
    test.setTimeout(300_000)
    const w = words[lang]
    if (lang === 'ko') await page.getByRole('button', { name: '한국어' }).click()
    // a screen checked for English words (in Korean), then photographed (from the top of a long lesson with `top`)
    const seen = async (where: string, name: string, top = false): Promise<void> => {
      if (lang === 'ko') await expectNoEnglish(page, where)
      if (top) await lessons.scrollToTop()
      await shot(page, `${name}-${lang}`)
    }
    const train = async (): Promise<void> => {
      await page.getByRole('button', { name: lang === 'ko' ? '학습' : 'Train', exact: true }).click()
      await expect(page.getByTestId('run-status')).toHaveText(lang === 'ko' ? '완료' : 'done', { timeout: 120_000 })
    }
    // a lesson on the notebook's settings, by the button's name in this language
    const notebookLesson = async (kind: LessonKind): Promise<void> => {
      await lessons.open(kind)
      await page.getByRole('button', { name: w.notebook }).click()
    }
    const invalid = async (id: string, value: string, name: string): Promise<void> => {
      const before = await page.locator(`#${id}`).inputValue()
      await page.locator(`#${id}`).fill(value)
      await expect(page.locator(`#${id}-error`)).toBeVisible()
      await seen(`${name} with an invalid value`, `${name}-invalid`)
      await page.locator(`#${id}`).fill(before)
      await expect(page.locator(`#${id}-error`)).toBeHidden()
    }

    // SimpleNet: an input out of range, then an h so small that rounding rules
    await lessons.open('simplenet')
    await invalid('sn-x1', '99999999', 'simplenet')
    await page.locator('#sn-h').fill('1e-300')
    await expect(page.getByTestId('simplenet-rounding')).toBeVisible()
    await seen('SimpleNet with h = 1e-300', 'simplenet')

    // logic gate: XOR, whose map stays flat
    await notebookLesson('gate')
    await page.locator('#gate-gate').selectOption('XOR')
    await invalid('gate-lr', 'abc', 'gate')
    await train()
    await expect(page.getByTestId('flat-note')).toBeVisible()
    await seen('the XOR gate after training', 'gate', true)

    // two-layer XOR on the notebook's schedule
    await notebookLesson('xor2')
    await invalid('xor2-seg1-lr', '-1', 'xor2')
    await train()
    await seen('two-layer XOR after training', 'xor2')

    // MNIST: the notebook's own model for five iterations, with its printed numbers overlaid
    await notebookLesson('mnist')
    await page.locator('#mnist-iterations').fill('5')
    await invalid('mnist-batch', '0', 'mnist')
    await train()
    await seen('MNIST after training', 'mnist', true)

    // runs library, replay of the MNIST run, compare the gate with MNIST
    await page.getByTestId('nav-library').click()
    await expect(page.getByRole('heading', { name: w.library })).toBeVisible()
    const rows = page.locator('tbody tr[data-run-id]')
    await expect(rows).toHaveCount(3)
    await seen('the runs library', 'library')

    const mnistRow = rows.first()
    await mnistRow.getByRole('button').first().click()
    await expect(page.getByTestId('replay-loss')).toBeVisible()
    // the replayed step's weights arrive after the metrics: the views are whole once they are in
    await expect(page.getByText(lang === 'ko' ? '5단계의 가중치' : 'weights from step 5')).toBeVisible()
    await seen('the replay of the MNIST run', 'replay')
    await page.getByRole('button', { name: lang === 'ko' ? '← 실행 기록으로' : '← Back to runs' }).click()

    await rows.nth(0).getByRole('checkbox').check()
    await rows.nth(2).getByRole('checkbox').check()
    await page.getByRole('button', { name: w.compare }).click()
    await expect(page.getByRole('table', { name: lang === 'ko' ? '설정 비교' : 'Configurations compared' })).toBeVisible()
    // a textbook MNIST loss (~300) beside a gate's (~1.4) opens on a log scale
    const logScale = page.getByRole('checkbox', { name: lang === 'ko' ? '로그 눈금' : 'Log scale' })
    await expect(logScale.first()).toBeChecked()
    await expect(logScale.nth(1)).not.toBeChecked()
    await seen('compare', 'compare')

    if (lang === 'ko') {
      const font = await hangulDrawnWithShippedFont(page)
      expect(font.status).toContain('400:loaded')
      expect(font.differs, '한 drawn with the shipped font differs from the missing-glyph box').toBe(true)
    }
  })
}

test('SimpleNet: invalid input greys out every result; h = 1e-300 warns of rounding; the h plot is drawn', async ({ page, lessons }) => {
  await lessons.open('simplenet')
  const results = page.locator('[data-stale]')
  await expect(results).toHaveAttribute('data-stale', 'false')
  await page.locator('#sn-x1').fill('99999999')
  await expect(page.locator('#sn-x1-error')).toHaveText('x₁ must be a number at least -1000 and at most 1000 (got "99999999")')
  await expect(page.getByTestId('simplenet-stale')).toBeVisible()
  await expect(results).toHaveAttribute('data-stale', 'true')
  // every number the lesson shows sits inside the greyed-out block
  const values = page.locator('[data-testid^="simplenet-"]:not([data-testid="simplenet-stale"]):not([data-testid="simplenet-steps"])')
  expect(await values.count()).toBeGreaterThan(10)
  expect(await values.evaluateAll((els) => els.filter((e) => !e.closest('[data-stale="true"]')).map((e) => e.dataset.testid))).toEqual([])
  await page.locator('#sn-h').fill('abc')
  await expect(results).toHaveAttribute('data-stale', 'true')
  await page.locator('#sn-x1').fill('0.6')
  await page.locator('#sn-h').fill('0.0001')
  await expect(results).toHaveAttribute('data-stale', 'false')
  await expect(page.getByTestId('simplenet-rounding')).toHaveCount(0)
  // the notebook's p = (0.00893546, 0.41181302, -2.38828788): np.argmax(p) prints 1
  await expect(page.getByTestId('simplenet-argmax')).toHaveText('1')

  await page.locator('#sn-h').fill('1e-300')
  await expect(page.getByTestId('simplenet-rounding')).toContainText('Rounding error')
  for (const cell of ['0-0', '0-1', '0-2', '1-0', '1-1', '1-2']) await expect(page.getByTestId(`simplenet-dW-${cell}`)).toHaveText(/^-?0\.0+$/)

  // the error plot has pixels drawn in its line colour (#9333ea)
  const plot = page.getByRole('img', { name: 'Gradient error against h (log–log)' })
  await expect(plot).toBeVisible()
  await expect
    .poll(() =>
      plot.locator('canvas').evaluate((c: HTMLCanvasElement) => {
        const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data
        let n = 0
        for (let i = 0; i < d.length; i += 4) if (Math.abs(d[i] - 0x93) < 30 && Math.abs(d[i + 1] - 0x33) < 30 && Math.abs(d[i + 2] - 0xea) < 30) n++
        return n
      })
    )
    .toBeGreaterThan(50)
})
