// Page object for the runs library: every selector the library specs use, by role and accessible name.
import { expect, type Download, type Locator, type Page } from '@playwright/test'

export class LibraryPage {
  readonly table: Locator
  readonly count: Locator

  constructor(readonly page: Page) {
    this.table = page.getByRole('table', { name: 'Runs' })
    this.count = page.getByTestId('runs-count')
  }

  async open(): Promise<void> {
    await this.page.getByRole('navigation').getByRole('button', { name: 'Runs library' }).click()
    await expect(this.page.getByRole('heading', { name: 'Runs library' })).toBeVisible()
  }

  row(runId: number): Locator {
    return this.table.locator(`tr[data-run-id="${runId}"]`)
  }

  /** Row ids in the order the table shows them. */
  async rowIds(): Promise<number[]> {
    const ids = await this.table.locator('tbody tr[data-run-id]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-run-id')))
    return ids.map(Number)
  }

  async search(text: string): Promise<void> {
    await this.page.getByRole('searchbox', { name: 'Search by name' }).fill(text)
  }

  async filter(which: 'Lesson' | 'Status', label: string): Promise<void> {
    await this.page.getByRole('combobox', { name: which }).selectOption({ label })
  }

  async sortBy(column: string): Promise<void> {
    await this.table.getByRole('button', { name: column, exact: true }).click()
  }

  async select(...runIds: number[]): Promise<void> {
    for (const id of runIds) await this.row(id).getByRole('checkbox').check()
  }

  /** Opens a row's "More" menu (open in lesson, rename, note, delete). */
  async menu(runId: number): Promise<void> {
    await this.row(runId).getByRole('button', { name: `More actions for run ${runId}` }).click()
  }

  async rename(runId: number, name: string): Promise<void> {
    await this.menu(runId)
    await this.page.getByRole('menuitem', { name: `Rename run ${runId}` }).click()
    const dialog = this.page.getByRole('dialog', { name: `Rename run ${runId}` })
    await dialog.getByRole('textbox', { name: 'Name' }).fill(name)
    await dialog.getByRole('button', { name: 'Save' }).click()
    await expect(dialog).toBeHidden()
  }

  async delete(runId: number): Promise<void> {
    await this.menu(runId)
    await this.page.getByRole('menuitem', { name: `Delete run ${runId}` }).click()
    const dialog = this.page.getByRole('dialog', { name: `Delete run ${runId}?` })
    await dialog.getByRole('button', { name: 'Delete run' }).click()
    await expect(dialog).toBeHidden()
  }

  async downloadSelectedCsv(): Promise<Download> {
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.page.getByRole('button', { name: /CSV of selected/ }).click()
    ])
    return download
  }

  async compareSelected(): Promise<void> {
    await this.page.getByRole('button', { name: /^Compare selected/ }).click()
    await expect(this.page.getByRole('heading', { name: /^Compare \d+ runs$/ })).toBeVisible()
  }

  /** The compare view's legend entries for one chart ("Loss" or "Accuracy"). */
  legend(chart: string): Locator {
    return this.page.getByRole('list', { name: `${chart} legend` }).getByRole('listitem')
  }

  /** Configuration rows of the compare table that differ between the runs. */
  differingSettings(): Locator {
    return this.page.getByRole('table', { name: 'Configurations compared' }).locator('tr[data-differs="true"] th')
  }

  async replay(runId: number): Promise<void> {
    await this.page.getByRole('button', { name: new RegExp(`^Replay run ${runId}\\b`) }).click()
    await expect(this.page.getByRole('heading', { name: new RegExp(`^Replay of run #${runId}\\b`) })).toBeVisible()
    await expect(this.scrubber).toBeEnabled()
  }

  get scrubber(): Locator {
    return this.page.getByRole('slider', { name: 'Replay step' })
  }

  /** The step the replay shows, read from its "step S / N" readout. */
  async replayStep(): Promise<number> {
    const text = await this.page.getByTestId('replay-step').textContent()
    return Number(/step (\d+)/.exec(text ?? '')?.[1])
  }

  /** Moves the scrubber to record `index` (0-based) as a user dragging it would. */
  async scrubTo(index: number): Promise<void> {
    await this.scrubber.evaluate((el, i) => {
      const input = el as HTMLInputElement
      input.value = String(i)
      input.dispatchEvent(new Event('input', { bubbles: true }))
      input.dispatchEvent(new Event('change', { bubbles: true }))
    }, index)
  }

  async back(): Promise<void> {
    await this.page.getByRole('button', { name: '← Back to runs' }).click()
    await expect(this.table).toBeVisible()
  }

  async exportFrom(buttonName: string | RegExp): Promise<Download> {
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.page.getByRole('button', { name: buttonName }).click()
    ])
    return download
  }

  async importFile(name: string, content: string): Promise<Locator> {
    await this.page.getByLabel('Import run file…').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(content) })
    return this.page.getByTestId('import-message')
  }
}
