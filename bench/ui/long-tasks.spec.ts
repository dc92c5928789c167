// `npm run bench:ui`: how responsive the window stays while a run trains (the renderer's 50 ms
// budget, docs/architecture.md): the browser's own long-task reports during a quick-start MNIST
// backprop run and during a playground run at full speed, at the standard 1280x800 window,
// printed and attached to the report. A benchmark, not a test: on 2 shared cores preemption
// stretches a 20 ms task to 60-200 ms at random, so a bound would only test the machine's load.
// The test waits with rare polls (once a second), so its own in-page checks do not add long
// tasks to what it measures.
import type { Page, TestInfo } from '@playwright/test'
import { test, expect } from '../../e2e/fixtures'
import { LessonsPage } from '../../e2e/pages/lessons'

interface LongTask {
  start: number
  duration: number
}

/** The long tasks from `train()` until the run's status reads done, reported under `what`. */
async function measure(page: Page, testInfo: TestInfo, what: string, train: () => Promise<void>): Promise<void> {
  expect(await page.evaluate(() => PerformanceObserver.supportedEntryTypes.includes('longtask'))).toBe(true)
  await page.evaluate(() => {
    const w = window as unknown as { longTasks: LongTask[] }
    w.longTasks = []
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.longTasks.push({ start: e.startTime, duration: e.duration })
    }).observe({ type: 'longtask', buffered: true })
  })
  const started = await page.evaluate(() => performance.now())
  await train()
  await page.waitForFunction(
    () => document.querySelector('[data-testid="run-status"]')?.textContent?.trim() === 'done',
    null,
    { polling: 1000, timeout: 170_000 }
  )
  // the last progress message's redraws land within a few frames of "done"
  await page.evaluate(() => new Promise((done) => setTimeout(done, 1000)))
  const ended = await page.evaluate(() => performance.now())
  const all = await page.evaluate(() => (window as unknown as { longTasks: LongTask[] }).longTasks)
  const during = all.filter((t) => t.start >= started && t.start <= ended)
  const longest = Math.max(0, ...during.map((t) => t.duration))
  const report =
    `${what} (${((ended - started) / 1000).toFixed(1)} s): ${during.length} main-thread tasks over 50 ms, ` +
    `longest ${longest.toFixed(0)} ms [${during.map((t) => t.duration.toFixed(0)).join(', ')}]`
  console.log(report)
  await testInfo.attach('long-tasks', { body: report, contentType: 'text/plain' })
}

// Playwright's trace recorder snapshots the whole DOM in the page around each action: its work,
// not the app's, so it is off here.
test.use({ trace: 'off' })
test('MNIST training: the renderer main thread\'s long tasks are measured and reported', async ({ page }, testInfo) => {
  const lessons = new LessonsPage(page)
  await lessons.open('mnist')
  // the quick start: one epoch of standard backprop
  await expect(lessons.field('Iterations')).toHaveValue('600')
  // the test digits have arrived (loading them is not part of training)
  await expect(page.getByTestId('digit-0')).toHaveCount(1)
  await measure(page, testInfo, 'MNIST training', () => lessons.train())
  // the run really trained, so the measurement covers a whole training run
  await expect(lessons.number('mnist-test-acc')).toHaveText(/^0\.\d{4}$/)
})

test('playground at full speed: the long tasks while its maps redraw are measured and reported', async ({ page }, testInfo) => {
  const lessons = new LessonsPage(page)
  await lessons.open('playground')
  // the default [4, 2] tanh network on 500 points, 2000 epochs, every epoch logged, at full speed
  await lessons.field('Points').fill('500')
  await lessons.field('Epochs').fill('2000')
  await page.getByTestId('speed-full').click()
  await measure(page, testInfo, 'playground training at full speed', () => lessons.train())
  await expect(lessons.number('pg-epoch')).toHaveText('2000')
})
