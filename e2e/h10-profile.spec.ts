// TEMPORARY (H10): CPU profile of the MNIST lesson while training; deleted after use.
import { writeFileSync } from 'node:fs'
import { test, expect } from './fixtures'
import { LessonsPage } from './pages/lessons'

test('profile mnist', async ({ page }) => {
  const lessons = new LessonsPage(page)
  await lessons.open('mnist')
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Profiler.enable')
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 })
  await page.evaluate(() => {
    const w = window as unknown as { longTasks: number[][] }
    w.longTasks = []
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.longTasks.push([e.startTime, e.duration])
    }).observe({ type: 'longtask' })
  })
  await cdp.send('Profiler.start')
  const t0 = await page.evaluate(() => performance.now())
  await lessons.train()
  await lessons.waitForStatus('done', 170_000)
  const { profile } = await cdp.send('Profiler.stop')
  const longTasks = await page.evaluate(() => (window as unknown as { longTasks: number[][] }).longTasks)
  console.log('t0', t0, 'long', JSON.stringify(longTasks.map(([s, d]) => [Math.round(s - t0), Math.round(d)])))
  writeFileSync(process.env.PROFILE_OUT ?? '.tmp/h10-profile.json', JSON.stringify(profile))
  expect(1).toBe(1)
})
