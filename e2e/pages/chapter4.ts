// Page object for lessons 4.2 (loss), 4.3 (derivative) and 4.4 (gradient): navigation, their
// fields, and the numbers, charts and maps the specs read (test ids where a number is read, roles
// and accessible names for what a reader of either language sees).
import { expect, type Locator, type Page } from '@playwright/test'

export type Chapter4Kind = 'loss' | 'derivative' | 'gradient'

export class Chapter4Page {
  constructor(readonly page: Page) {}

  /** Opens a lesson from the sidebar; with `lang`, in that language (switched first). */
  async open(kind: Chapter4Kind, lang?: 'en' | 'ko'): Promise<void> {
    if (lang) await this.language(lang)
    await this.page.getByTestId(`nav-${kind}`).click()
    await expect(this.page.getByTestId(`nav-${kind}`)).toHaveAttribute('aria-current', 'page')
  }

  /** The sidebar's lesson entries, top to bottom (their test ids name the kinds). */
  async sidebarKinds(): Promise<string[]> {
    const ids = await this.page.locator('nav [data-testid^="nav-"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid') ?? ''))
    // the welcome page and the runs library are entries too, not lessons
    return ids.map((id) => id.replace(/^nav-/, '')).filter((k) => k !== 'library' && k !== 'welcome')
  }

  async language(lang: 'en' | 'ko'): Promise<void> {
    await this.page.getByRole('button', { name: lang === 'ko' ? '한국어' : 'English' }).click()
    await expect(this.page.locator('html')).toHaveAttribute('lang', lang)
  }

  heading(): Locator {
    return this.page.getByRole('heading', { level: 1 })
  }

  /** A field by the id its lesson gives it (labels differ by language). */
  field(id: string): Locator {
    return this.page.locator(`#${id}`)
  }

  /** The message under a field, in the UI's language. */
  fieldError(id: string): Locator {
    return this.page.locator(`#${id}-error`)
  }

  number(testId: string): Locator {
    return this.page.getByTestId(testId)
  }

  /** A chart or map (role img) by its accessible name. */
  image(name: RegExp): Locator {
    return this.page.getByRole('img', { name })
  }

  /** Waits until a line chart has drawn `series` series (its redraws are throttled). */
  async chartDrawn(name: RegExp, series: number): Promise<void> {
    await expect(this.image(name)).toHaveAttribute('data-series', String(series))
  }

  /** Opens a view's text equivalent ("As text" / "글로 보기") and returns its table. */
  async asText(testId: string): Promise<Locator> {
    const details = this.page.getByTestId(testId)
    await details.locator('summary').click()
    return details.locator('table')
  }

  async scrollTo(locator: Locator): Promise<void> {
    await locator.scrollIntoViewIfNeeded()
  }

  async scrollToTop(): Promise<void> {
    await this.page.locator('main').evaluate((el) => el.scrollTo(0, 0))
  }
}
