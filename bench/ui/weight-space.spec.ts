// `npm run bench:ui`: the weight-space view's cost in the renderer (the 50 ms budget,
// docs/architecture.md). Two-layer XOR trains on the notebook's schedule, logging every epoch, so
// the view redraws its 41×41 slice (1,681 losses) with every progress event; the browser's long
// tasks during the run are reported, and then the time of one redraw on its own: the pair of
// parameters is switched and the next frame awaited, ten times. A benchmark, not a test (the
// machine's load decides the numbers); the test only checks the view was there to measure.
import { test, expect } from '../../e2e/fixtures'
import { LessonsPage } from '../../e2e/pages/lessons'

interface LongTask {
  start: number
  duration: number
}

test.use({ trace: 'off' })

/** Trains the notebook's two-layer XOR once; answers the main thread's long tasks during the run. */
async function trainXor(lessons: LessonsPage): Promise<{ seconds: number; tasks: number[] }> {
  const page = lessons.page
  await lessons.notebookSettings()
  const started = await page.evaluate(() => performance.now())
  await lessons.train()
  await page.waitForFunction(
    () => document.querySelector('[data-testid="run-status"]')?.textContent?.trim() === 'done',
    null,
    { polling: 1000, timeout: 170_000 }
  )
  const ended = await page.evaluate(() => performance.now())
  const all = await page.evaluate(() => (window as unknown as { longTasks: LongTask[] }).longTasks)
  const tasks = all.filter((t) => t.start >= started && t.start <= ended).map((t) => t.duration)
  return { seconds: (ended - started) / 1000, tasks }
}

const line = (what: string, r: { seconds: number; tasks: number[] }): string =>
  `${what} (${r.seconds.toFixed(1)} s): ${r.tasks.length} main-thread tasks over 50 ms, longest ` +
  `${Math.max(0, ...r.tasks).toFixed(0)} ms [${r.tasks.map((t) => t.toFixed(0)).join(', ')}]`

test('two-layer XOR: long tasks with the weight-space view folded and open, and the time of one redraw', async ({ page }, testInfo) => {
  const lessons = new LessonsPage(page)
  await lessons.open('xor2')
  await page.evaluate(() => {
    const w = window as unknown as { longTasks: LongTask[] }
    w.longTasks = []
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.longTasks.push({ start: e.startTime, duration: e.duration })
    }).observe({ type: 'longtask' })
  })
  // the reference in the same run: the lesson with the view folded (it computes nothing then)
  await page.getByTestId('xor2-weight-space').locator('summary').click()
  const folded = await trainXor(lessons)
  await page.getByTestId('xor2-weight-space').locator('summary').click()
  const open = await trainXor(lessons)
  await expect(page.getByTestId('xor2-weight-space-map')).toBeVisible()

  // one redraw: pick another pair of parameters and wait for the frame after it
  const redraws = await page.evaluate(async () => {
    const select = document.querySelector<HTMLSelectElement>('#xor2-weight-space-b')!
    const times: number[] = []
    for (let i = 0; i < 10; i++) {
      const t0 = performance.now()
      select.value = String(i % 2 === 0 ? 6 : 5)
      select.dispatchEvent(new Event('change', { bubbles: true }))
      await new Promise((done) => requestAnimationFrame(() => done(null)))
      times.push(performance.now() - t0)
    }
    return times
  })
  const report = [
    line('two-layer XOR, weight-space view folded', folded),
    line('two-layer XOR, weight-space view open', open),
    `one redraw of the view (41×41 slice, contours, path): ${redraws.map((t) => t.toFixed(0)).join(', ')} ms`
  ].join('\n')
  console.log(report)
  await testInfo.attach('weight-space', { body: report, contentType: 'text/plain' })
})
