// Page object for the four lessons: navigation, parameter fields, run controls and the numbers
// the specs read (by role + accessible name, or data-testid where a number is read).
import { expect, type Locator, type Page } from '@playwright/test'

export type LessonKind = 'loss' | 'derivative' | 'gradient' | 'descent' | 'simplenet' | 'gate' | 'xor2' | 'mnist' | 'playground'

export class LessonsPage {
  constructor(readonly page: Page) {}

  /** Opens a lesson from the left navigation (test ids, so it works in either language). */
  async open(kind: LessonKind): Promise<void> {
    await this.page.getByTestId(`nav-${kind}`).click()
    await expect(this.page.getByTestId(`nav-${kind}`)).toHaveAttribute('aria-current', 'page')
  }

  /** Scrolls the lesson back to its top (before a screenshot). */
  async scrollToTop(): Promise<void> {
    await this.page.locator('main').evaluate((el) => el.scrollTo(0, 0))
  }

  heading(): Locator {
    return this.page.getByRole('heading', { level: 1 })
  }

  /** A parameter field by its visible label (exact). */
  field(label: string): Locator {
    return this.page.getByLabel(label, { exact: true })
  }

  async fill(label: string, value: string): Promise<void> {
    await this.field(label).fill(value)
  }

  async select(label: string, option: string): Promise<void> {
    await this.field(label).selectOption(option)
  }

  button(name: string): Locator {
    return this.page.getByRole('button', { name, exact: true })
  }

  get trainButton(): Locator {
    return this.button('Train')
  }

  async notebookSettings(): Promise<void> {
    await this.button('Notebook settings').click()
  }

  /** Picks a speed: 'full' or steps per second (the speed control's test ids). */
  async speed(pace: string): Promise<void> {
    await this.page.getByTestId(`speed-${pace}`).click()
    await expect(this.page.getByTestId(`speed-${pace}`)).toHaveAttribute('aria-pressed', 'true')
  }

  /** Trains at `pace` ('full' unless a test is about watching a run: the lessons start slower). */
  async train(pace = 'full'): Promise<void> {
    await this.speed(pace)
    await expect(this.trainButton).toBeEnabled()
    await this.trainButton.click()
    await expect(this.page.getByTestId('run-id')).toBeVisible()
  }

  status(): Locator {
    return this.page.getByTestId('run-status')
  }

  async waitForStatus(status: string, timeout = 120_000): Promise<void> {
    await expect(this.status()).toHaveText(status, { timeout })
  }

  /** The id of the run on screen ("Run #12" -> 12). */
  async runId(): Promise<number> {
    const text = (await this.page.getByTestId('run-id').textContent()) ?? ''
    return Number(/#(\d+)/.exec(text)?.[1])
  }

  /** Steps done so far, from the progress line "done / total steps". */
  async stepsDone(): Promise<number> {
    const text = (await this.page.getByTestId('progress-steps').textContent()) ?? ''
    return Number(/^(\d+)/.exec(text.trim())?.[1] ?? NaN)
  }

  number(testId: string): Locator {
    return this.page.getByTestId(testId)
  }

  /** Each number on screen (test id -> text) reads as given. */
  async expectNumbers(texts: Record<string, string>): Promise<void> {
    for (const [testId, text] of Object.entries(texts)) await expect(this.number(testId)).toHaveText(text)
  }

  async readNumber(testId: string): Promise<number> {
    return Number(await this.number(testId).textContent())
  }

  /**
   * Pauses the run on screen once it has made progress, lets `whilePaused` look at it mid-run, then
   * stops it. Pausing first keeps this deterministic: a fast machine cannot finish the run between
   * a screenshot and the Stop click.
   */
  async pauseThenStop(whilePaused: () => Promise<unknown>): Promise<void> {
    await expect.poll(() => this.stepsDone()).toBeGreaterThan(0)
    await this.button('Pause').click()
    await this.waitForStatus('paused')
    await whilePaused()
    await this.button('Stop').click()
    await this.waitForStatus('stopped')
  }

  /** Opens a lesson on the notebook's settings, overridden by `overrides` (label -> value). */
  async openNotebook(kind: LessonKind, overrides: Record<string, string> = {}): Promise<void> {
    await this.open(kind)
    await this.notebookSettings()
    for (const [label, value] of Object.entries(overrides)) await this.fill(label, value)
  }

  /** Starts a run of a lesson on the notebook's settings overridden by `overrides`; its id. */
  async startNotebook(kind: LessonKind, overrides: Record<string, string> = {}): Promise<number> {
    await this.openNotebook(kind, overrides)
    await this.train()
    return this.runId()
  }

  /** The same, trained to the end. */
  async trainNotebook(kind: LessonKind, overrides: Record<string, string> = {}): Promise<number> {
    const id = await this.startNotebook(kind, overrides)
    await this.waitForStatus('done')
    return id
  }

  /** Draws a vertical stroke on the MNIST pad, as a mouse would; the probabilities follow. */
  async drawStroke(): Promise<void> {
    const pad = this.number('draw-canvas')
    await pad.scrollIntoViewIfNeeded()
    const box = (await pad.boundingBox())!
    await this.page.mouse.move(box.x + box.width / 2, box.y + box.height * 0.2)
    await this.page.mouse.down()
    await this.page.mouse.move(box.x + box.width / 2 + 4, box.y + box.height * 0.5, { steps: 8 })
    await this.page.mouse.move(box.x + box.width / 2 + 6, box.y + box.height * 0.8, { steps: 8 })
    await this.page.mouse.up()
  }

  /** The "done / total" of the progress line, as numbers. */
  async progress(): Promise<{ done: number; total: number }> {
    const text = (await this.page.getByTestId('progress-steps').textContent()) ?? ''
    const [, done, total] = /^(\d+) \/ (\d+)/.exec(text.trim()) ?? []
    return { done: Number(done), total: Number(total) }
  }

  /** SimpleNet with the notebook's settings, `steps` gradient steps, saved: answers the saved run's id. */
  async saveSimpleNet(steps: number): Promise<number> {
    await this.open('simplenet')
    await this.notebookSettings()
    for (let i = 0; i < steps; i++) await this.button('Step: W ← W − lr·dW').click()
    await this.button('Save to library').click()
    await expect(this.number('simplenet-saved')).toHaveText(/^Saved as run #\d+$/)
    return Number(/#(\d+)/.exec((await this.number('simplenet-saved').textContent()) ?? '')?.[1])
  }

  /** Starts collecting the main thread's long tasks (over 50 ms), as the browser reports them. */
  async watchLongTasks(): Promise<void> {
    await this.page.evaluate(() => {
      const w = window as unknown as { longTasks: number[] }
      w.longTasks = []
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.longTasks.push(e.duration)
      }).observe({ type: 'longtask' })
    })
  }

  /** The durations (ms) of the long tasks since watchLongTasks. */
  longTasks(): Promise<number[]> {
    return this.page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks)
  }

  /**
   * Waits until chart `name` has drawn its first series (blue, #2563eb): charts redraw at most
   * twice a second, so the data can be on screen before the curve is.
   */
  async chartDrawn(name: string | RegExp): Promise<void> {
    const canvas = this.page.getByRole('img', { name }).locator('canvas')
    const drawn = (): Promise<boolean> =>
      canvas.evaluate((c: HTMLCanvasElement) => {
        const { data } = c.getContext('2d')!.getImageData(0, 0, c.width, c.height)
        for (let i = 0; i < data.length; i += 4) {
          if (Math.abs(data[i] - 37) < 20 && Math.abs(data[i + 1] - 99) < 20 && Math.abs(data[i + 2] - 235) < 20) return true
        }
        return false
      })
    await expect.poll(drawn).toBe(true)
  }

  /** Starts an MNIST run of the quick start with `overrides` (label -> value); answers its id. */
  async startMnist(overrides: Record<string, string>): Promise<number> {
    await this.open('mnist')
    for (const [label, value] of Object.entries(overrides)) await this.fill(label, value)
    await this.train()
    return this.runId()
  }
}
