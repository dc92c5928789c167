// The runs library, driven through the real UI of the browser host, checked against the
// SQLite file the host wrote (opened read-only here, decoded independently of the app).
import Database from 'better-sqlite3'
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import type { Page } from '@playwright/test'
import { downloaded, parseCsv } from './csv'
import { expect, shot, test, type Lab } from './fixtures'
import { LibraryPage } from './pages/library'

interface MetricRow {
  step: number
  loss: number
  lr: number | null
  train_acc: number | null
  test_acc: number | null
}

/** Read-only views of the host's database, for comparing what the UI shows with what was stored. */
function openDb(lab: Lab) {
  const db = new Database(lab.dbPath, { readonly: true, fileMustExist: true })
  return {
    raw: db,
    close: () => db.close(),
    runIds: () => (db.prepare('SELECT id FROM runs ORDER BY id').all() as { id: number }[]).map((r) => r.id),
    runName: (id: number) => (db.prepare('SELECT name FROM runs WHERE id = ?').get(id) as { name: string } | undefined)?.name,
    metrics: (id: number) =>
      db.prepare('SELECT step, loss, lr, train_acc, test_acc FROM metrics WHERE run_id = ? ORDER BY step').all(id) as MetricRow[],
    snapshotBlobs: (id: number) =>
      db.prepare('SELECT step, has_params, data FROM snapshots WHERE run_id = ? ORDER BY step').all(id) as {
        step: number
        has_params: number
        data: Buffer
      }[],
    /** The parameters stored at the nearest snapshot at or before `step`. */
    paramsAt(id: number, step: number) {
      const row = db
        .prepare('SELECT step, data FROM snapshots WHERE run_id = ? AND has_params = 1 AND step <= ? ORDER BY step DESC LIMIT 1')
        .get(id, step) as { step: number; data: Buffer }
      return { step: row.step, params: decodeParams(row.data) }
    }
  }
}

/** The store's snapshot BLOB: u32 LE header length, JSON header, then the numbers back to back (params first). */
function decodeParams(blob: Buffer): Record<string, { rows: number; cols: number; data: number[] }> {
  const headLen = blob.readUInt32LE(0)
  const header = JSON.parse(blob.subarray(4, 4 + headLen).toString('utf8')) as { f32: boolean; params: [string, number, number][] }
  const width = header.f32 ? 4 : 8
  let at = 4 + headLen
  const out: Record<string, { rows: number; cols: number; data: number[] }> = {}
  for (const [name, rows, cols] of header.params) {
    const data: number[] = []
    for (let i = 0; i < rows * cols; i++, at += width) data.push(header.f32 ? blob.readFloatLE(at) : blob.readDoubleLE(at))
    out[name] = { rows, cols, data }
  }
  return out
}

/** Checks the replay's weight tables show exactly the parameters stored for that step. */
async function expectWeightsShown(page: Page, params: ReturnType<typeof decodeParams>): Promise<void> {
  for (const [name, m] of Object.entries(params)) {
    for (let r = 0; r < m.rows; r++) {
      for (let c = 0; c < m.cols; c++) {
        await expect(page.getByTestId(`gate-${name}-${r}-${c}`)).toHaveAttribute('title', String(m.data[r * m.cols + c]))
      }
    }
  }
}

test('two gate runs: listed, replayed to a middle step, compared, exported as one CSV equal to the database', async ({ page, lessons, lab }) => {
  const slow = await lessons.trainNotebook('gate', { 'Learning rate': '0.1', Epochs: '300' })
  const fast = await lessons.trainNotebook('gate', { 'Learning rate': '0.5', Epochs: '300' })
  const db = openDb(lab)
  const library = new LibraryPage(page)
  await library.open()

  for (const id of [slow, fast]) {
    await expect(library.row(id).getByTestId('row-status')).toHaveText('done')
    const stored = db.metrics(id)
    await expect(library.row(id).getByTestId('row-loss')).toHaveText(String(Number(stored.at(-1)!.loss.toPrecision(6))))
  }
  await expect(library.row(slow)).toContainText('lr 0.1,')
  await expect(library.row(fast)).toContainText('lr 0.5,')
  await shot(page, 'library')

  // Replay the slow run to its middle record: the weight tables show that step's stored snapshot.
  await library.replay(slow)
  const steps = db.metrics(slow).map((r) => r.step)
  const mid = Math.floor(steps.length / 2)
  await library.scrubTo(mid)
  await expect(page.getByTestId('replay-step')).toHaveText(`step ${steps[mid]} / ${steps.at(-1)}`)
  const stored = db.paramsAt(slow, steps[mid])
  await expect(page.getByText(`weights from step ${stored.step}`)).toBeVisible()
  await expectWeightsShown(page, stored.params)
  // The stored weight history draws its chart; the tables' heading names the replayed step.
  const replay = page.locator('section.replay')
  await expect(replay.getByRole('heading', { name: 'Weights over epochs' })).toBeVisible()
  await expect(replay.locator('#gate-title')).toHaveText(`Weights / Gradients · step ${steps[mid]}`)
  await shot(page, 'replay')

  // The weights CSV at this step holds the same stored values; the metrics CSV stands alone.
  const weights = parseCsv(await downloaded(await library.exportFrom(`Weights CSV at step ${stored.step}`)))
  const expected = Object.entries(stored.params).flatMap(([name, m]) =>
    m.data.map((v, i) => ({ step: String(stored.step), param: name, row: String(Math.floor(i / m.cols)), col: String(i % m.cols), value: v }))
  )
  expect(weights.map((w) => ({ ...w, value: Number(w.value) }))).toEqual(expected)
  const metricsCsv = parseCsv(await downloaded(await library.exportFrom('Metrics CSV')))
  expect(metricsCsv.length).toBe(steps.length)
  expect(metricsCsv[0]).toMatchObject({ run_id: String(slow), kind: 'gate', 'config.lr': '0.1', 'config.epochs': '300' })
  expect(metricsCsv[mid].loss).toBe(String(db.metrics(slow)[mid].loss))
  // Any chart of the views as a PNG.
  const png = readFileSync((await (await library.exportFrom('PNG: Loss per epoch')).path())!)
  expect(png.subarray(1, 4).toString()).toBe('PNG')
  expect(png.readUInt32BE(16)).toBeGreaterThan(100) // IHDR width

  // The scrubber works from the keyboard: one record back.
  await library.scrubber.focus()
  await page.keyboard.press('ArrowLeft')
  await expect(page.getByTestId('replay-step')).toHaveText(`step ${steps[mid - 1]} / ${steps.at(-1)}`)
  await expectWeightsShown(page, db.paramsAt(slow, steps[mid - 1]).params)

  // Compare: both curves with a legend entry each, and the learning rate flagged as the difference.
  await library.back()
  await library.select(slow, fast)
  await library.compareSelected()
  await expect(library.legend('Loss')).toHaveCount(2)
  await expect(library.legend('Loss')).toContainText([`#${slow} `, `#${fast} `])
  await expect(library.differingSettings()).toContainText(['Learning rate'])
  await shot(page, 'compare')

  // The long-format CSV of the selection: one row per run and step, values equal to the database.
  await library.back()
  const rows = parseCsv(await downloaded(await library.downloadSelectedCsv()))
  for (const id of [slow, fast]) {
    const fromCsv = rows.filter((r) => Number(r.run_id) === id)
    const fromDb = db.metrics(id)
    expect(fromCsv.length).toBe(fromDb.length)
    fromCsv.forEach((r, i) => {
      expect(Number(r.step)).toBe(fromDb[i].step)
      expect(Number(r.loss)).toBe(fromDb[i].loss)
    })
    expect(new Set(fromCsv.map((r) => r.kind))).toEqual(new Set(['gate']))
  }
  expect(rows.length).toBe(db.metrics(slow).length + db.metrics(fast).length)
  db.close()
})

test('a run file exported and imported replays identically; truncated, edited or twin files change nothing', async ({
  page,
  lessons,
  lab
}) => {
  const original = await lessons.trainNotebook('gate', { Epochs: '120' })
  const library = new LibraryPage(page)
  await library.open()
  await library.replay(original)
  const runFile = await downloaded(await library.exportFrom(/^Run file/))
  await library.back()

  const db = openDb(lab)
  const before = db.runIds()
  for (const [name, content] of [
    ['edited.glrun', runFile.replace('"status":"done"', '"status":"stopped"')],
    ['truncated.glrun', runFile.slice(0, Math.floor(runFile.length / 2))]
  ]) {
    const message = await library.importFile(name, content)
    await expect(message).toHaveAttribute('role', 'alert')
    await expect(message).toContainText(`“${name}” was not imported: `)
    expect(db.runIds()).toEqual(before)
    await expect(library.count).toContainText(`${before.length} of ${before.length} runs`)
  }

  // the same run again: pointed to, not added
  const twin = await library.importFile('run.glrun', runFile)
  await expect(twin).toContainText(`“run.glrun” is already in the library as run #${original}; nothing was added.`)
  expect(db.runIds()).toEqual(before)

  // the same data under another start date is another run: imported, marked with where it came from
  const lines = runFile.trimEnd().split('\n').slice(0, -1).map((l) => JSON.parse(l) as { run?: { createdAt: string } })
  lines[0].run!.createdAt = '2020-01-02T03:04:05.000Z'
  const body = lines.map((l) => JSON.stringify(l) + '\n').join('')
  const copyFile = body + JSON.stringify({ sha256: createHash('sha256').update(body).digest('hex') }) + '\n'
  const message = await library.importFile('copy.glrun', copyFile)
  await expect(message).toContainText(/Imported “copy\.glrun” as run #\d+\./)
  const copy = Number(/#(\d+)/.exec((await message.textContent())!)![1])
  expect(db.runIds()).toEqual([...before, copy])
  expect(db.metrics(copy)).toEqual(db.metrics(original))
  expect(db.snapshotBlobs(copy)).toEqual(db.snapshotBlobs(original))
  await expect(library.row(copy)).toBeVisible()
  await expect(library.row(copy).getByTestId('row-imported')).toHaveText(`imported from “copy.glrun”, run #${original} there`)
  await shot(page, 'library-imported')

  // Same step, same weights on screen for both.
  const steps = db.metrics(original).map((r) => r.step)
  const mid = Math.floor(steps.length / 2)
  const shownAt = async (id: number) => {
    await library.replay(id)
    await library.scrubTo(mid)
    await expect(page.getByTestId('replay-step')).toHaveText(`step ${steps[mid]} / ${steps.at(-1)}`)
    await expectWeightsShown(page, db.paramsAt(original, steps[mid]).params)
    const loss = await page.getByTestId('replay-loss').textContent()
    await library.back()
    return loss
  }
  expect(await shownAt(copy)).toBe(await shownAt(original))
  db.close()
})

test('a run named like a formula exports neutralised; rename, search and delete touch only their run', async ({ page, lessons, lab }) => {
  const formula = await lessons.trainNotebook('gate', { Epochs: '40' })
  const other = await lessons.trainNotebook('gate', { Epochs: '40', 'Learning rate': '0.3' })
  const library = new LibraryPage(page)
  await library.open()
  const db = openDb(lab)

  const name = '=HYPERLINK("x")'
  await library.rename(formula, name)
  expect(db.runName(formula)).toBe(name)
  await expect(library.row(formula).getByTestId('row-name')).toHaveText(name)

  await library.search('HYPERLINK')
  expect(await library.rowIds()).toEqual([formula])
  await library.select(formula)
  const csv = await downloaded(await library.downloadSelectedCsv())
  // Every cell holding the name starts with an apostrophe: a spreadsheet shows it as text.
  const rows = parseCsv(csv)
  expect(rows.length).toBe(db.metrics(formula).length)
  for (const r of rows) expect(r.run_name).toBe(`'${name}`)
  expect(csv).not.toMatch(/(^|,)=HYPERLINK/m)
  await library.search('')

  const otherSteps = db.metrics(other).length
  await library.delete(formula)
  expect(db.runIds()).toEqual([other])
  expect(db.metrics(formula)).toEqual([])
  expect(db.metrics(other).length).toBe(otherSteps)
  await expect(library.row(formula)).toHaveCount(0)
  await expect(library.row(other)).toBeVisible()
  db.close()
})

test('a running run’s row follows its progress live and ends with the stored final loss', async ({ page, lessons, lab }) => {
  const id = await lessons.startNotebook('gate', { Epochs: '20000' })
  const library = new LibraryPage(page)
  await library.open()
  const row = library.row(id)
  await expect(row.getByTestId('row-status')).toHaveText('running')
  // a training run cannot be deleted (the service would refuse it as busy): the button says why
  await library.menu(id)
  const del = row.getByRole('menuitem', { name: `Delete run ${id}` })
  await expect(del).toBeDisabled()
  await expect(del).toHaveAttribute('title', `Run ${id} is still training: stop it before deleting it.`)
  await expect(row.getByTestId('row-loss')).not.toHaveText('—')
  await expect(row.getByTestId('row-status')).toHaveText('done', { timeout: 120_000 })
  await expect(del).toBeEnabled()
  const db = openDb(lab)
  const final = db.metrics(id).at(-1)!
  db.close()
  expect(final.step).toBe(20000)
  await expect(row.getByTestId('row-loss')).toHaveText(String(Number(final.loss.toPrecision(6))))
})

test('a failed run shows its reason in the library and replays up to where it ended', async ({ page, lessons, lab }) => {
  const failed = await lessons.startNotebook('gate', { 'Learning rate': '100' })
  await lessons.waitForStatus('failed')

  const db = openDb(lab)
  const reason = (db.raw.prepare('SELECT reason FROM runs WHERE id = ?').get(failed) as { reason: string }).reason
  expect(reason).toMatch(/loss became (NaN|Infinity)/)
  const steps = db.metrics(failed).map((r) => r.step)
  db.close()

  const library = new LibraryPage(page)
  await library.open()
  await library.filter('Status', 'failed')
  expect(await library.rowIds()).toEqual([failed])
  await expect(library.row(failed)).toContainText(reason)
  await library.replay(failed)
  await expect(page.getByRole('status').filter({ hasText: reason })).toContainText(`failed after ${steps.length} of 1000 steps`)
  await expect(page.getByTestId('replay-step')).toHaveText(`step ${steps.at(-1)} / ${steps.at(-1)}`)

  // "Train again with these settings": the lesson opens with this configuration and starts a new run
  // at once, which (same seed) reproduces the stored one.
  await page.getByRole('button', { name: 'Train again with these settings' }).click()
  await expect(lessons.field('Learning rate')).toHaveValue('100')
  await expect(page.getByTestId('run-id')).toBeVisible()
  await lessons.waitForStatus('failed')
  const again = await lessons.runId()
  expect(again).not.toBe(failed)
  const db2 = openDb(lab)
  expect(db2.runIds()).toEqual([failed, again])
  const stored = (id: number) => {
    const r = db2.raw.prepare('SELECT config, status, reason FROM runs WHERE id = ?').get(id) as { config: string; status: string; reason: string }
    return { ...r, config: JSON.parse(r.config) as unknown }
  }
  expect(stored(again)).toEqual(stored(failed))
  expect(db2.metrics(again)).toEqual(db2.metrics(failed))
  db2.close()
})

test('Train again on a SimpleNet run saves a new run with the same settings and the same losses', async ({ page, lessons, lab }) => {
  const first = await lessons.saveSimpleNet(2)

  const library = new LibraryPage(page)
  await library.open()
  await library.replay(first)
  await page.getByRole('button', { name: 'Train again with these settings' }).click()
  // the lesson computes the run itself, so it is saved at once
  await expect(page.getByTestId('nav-simplenet')).toHaveAttribute('aria-current', 'page')
  await expect(lessons.number('simplenet-saved')).toHaveText(/^Saved as run #\d+$/)
  const again = Number(/#(\d+)/.exec((await lessons.number('simplenet-saved').textContent()) ?? '')?.[1])
  expect(again).not.toBe(first)
  const db = openDb(lab)
  expect(db.runIds()).toEqual([first, again])
  const config = (id: number) => JSON.parse((db.raw.prepare('SELECT config FROM runs WHERE id = ?').get(id) as { config: string }).config) as unknown
  expect(config(again)).toEqual(config(first))
  expect(db.metrics(first)).toHaveLength(3)
  expect(db.metrics(again)).toEqual(db.metrics(first))
  db.close()
})

// How fast the store lists 1,000 runs is measured by `npm run bench` (bench/store.ts), not timed here.
test('the library shows 1,000 runs a page at a time and sorts by any column', async ({ page, lab }) => {
  // 1,000 runs written straight into the store's file (the host reads it live), final losses known here.
  const writer = new Database(lab.dbPath)
  const config = JSON.stringify({ kind: 'gate', gate: 'OR', seed: 1, lr: 0.1, epochs: 10, h: 1e-5, gradient: 'numerical', logEvery: 1 })
  const insert = writer.prepare(
    `INSERT INTO runs (kind, name, status, config, created_at, finished_at, duration_ms, total_steps, steps, final_loss)
     VALUES ('gate', @name, 'done', @config, @created, @created, 1000, 10, 10, @loss)`
  )
  writer.transaction(() => {
    for (let i = 0; i < 1000; i++) {
      insert.run({ name: `bulk ${i}`, config, created: new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString(), loss: ((i * 7919) % 1000) / 1000 + 0.0005 })
    }
  })()
  writer.close()

  const library = new LibraryPage(page)
  await library.open()
  await expect(library.count).toHaveText('1000 of 1000 runs')
  expect(await library.rowIds()).toHaveLength(50)
  await expect(page.getByText('Page 1 of 20')).toBeVisible()
  await shot(page, 'library-1000')

  await library.sortBy('Final loss')
  await library.sortBy('Final loss')
  const db = openDb(lab)
  const lowest = (await library.rowIds())[0]
  // loss 0.0005 belongs to i = 0 (the first inserted run)
  expect(lowest).toBe(db.runIds()[0])
  await page.getByRole('button', { name: 'Next page' }).click()
  await expect(page.getByText('Page 2 of 20')).toBeVisible()
  await library.filter('Status', 'failed')
  await expect(library.count).toHaveText('0 of 1000 runs')
  db.close()
})
