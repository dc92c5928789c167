// Imports appear whole or not at all: `lab import` and the browser host killed with SIGKILL at
// random moments of an import (moments drawn from a seeded PRNG, each awaited as the hidden
// run's progress in the database, never a blind sleep) leave no partial run visible after the
// database is opened again; two processes importing one file at once add it once; an import
// onto a full disk ends with a worded failure and leaves nothing visible. Real processes, real
// SQLite files, a real tmpfs.
import Database from 'better-sqlite3'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { RunStore } from '../../src/services/store/run-store'
import { lab, labAsync } from '../cli/lab'
import { bigRunFile } from './big-run'
import { hostClient } from './host-process'
import { tmpfs } from './mount'
import { tempDir, until } from './tmp'

const cleanup: (() => unknown)[] = []
afterEach(async () => {
  for (const f of cleanup.splice(0).reverse()) await f()
})

/** mulberry32: the same kill moments on every run of the test. */
function prng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** How far the hidden (staged) import has come, 0..1, read from another connection; null before it began. */
function stagedProgress(db: string, total: { metrics: number; snapshots: number }): number | null {
  if (!existsSync(db)) return null
  const c = new Database(db, { fileMustExist: true })
  try {
    const has = c.prepare("SELECT 1 FROM pragma_table_info('runs') WHERE name = 'staged'").get()
    const row = has
      ? (c
          .prepare(
            `SELECT (SELECT count(*) FROM metrics WHERE run_id = r.id) AS m, (SELECT count(*) FROM snapshots WHERE run_id = r.id) AS s
             FROM runs r WHERE staged = 1`
          )
          .get() as { m: number; s: number } | undefined)
      : undefined
    return row ? (row.m / total.metrics + row.s / total.snapshots) / 2 : null
  } finally {
    c.close()
  }
}

/** After opening again: no hidden leftovers, and every visible run whole. */
function checkWhole(db: string, total: { metrics: number; snapshots: number }): number {
  const s = new RunStore(db)
  const runs = s.listRuns()
  for (const r of runs) {
    expect(r).toMatchObject({ status: 'done', steps: total.metrics })
    expect(s.getRun(r.id)!.snapshotSteps).toHaveLength(total.snapshots)
  }
  s.close()
  const c = new Database(db, { readonly: true })
  expect(c.prepare('SELECT count(*) FROM runs WHERE staged = 1').pluck().get()).toBe(0)
  expect(c.pragma('integrity_check', { simple: true })).toBe('ok')
  c.close()
  return runs.length
}

const ROUNDS = 10

/** An import under way: settled when the importer ends by itself; `kill` ends it at once (SIGKILL). */
interface Importer {
  ended: Promise<unknown>
  kill: () => Promise<unknown>
}

/**
 * Kills a fresh importer at each of ROUNDS moments drawn from `seed`, each awaited as the hidden
 * run's progress, and checks the database whole after each; returns how many kills fell inside an
 * import. Each round imports into a database of its own: a round whose kill came after the
 * publish leaves the run there, and the next import of the same file would only say "duplicate".
 */
async function killAtRandomMoments(dir: string, total: { metrics: number; snapshots: number }, seed: number, start: (db: string) => Promise<Importer>): Promise<number> {
  const random = prng(seed)
  let midImport = 0
  for (let round = 0; round < ROUNDS; round++) {
    const target = random()
    const db = join(dir, `round-${round}.db`)
    const importer = await start(db)
    let ended = false
    void importer.ended.then(() => (ended = true))
    const seen = await until(() => ended || ((stagedProgress(db, total) ?? -1) >= target ? 'staged' : false), `import progress ${target.toFixed(2)}`, 120_000)
    await importer.kill()
    if (seen === 'staged') midImport++
    expect(checkWhole(db, total)).toBeLessThanOrEqual(1)
  }
  return midImport
}

describe('atomic imports', () => {
  it('`lab import` killed at 10 random moments leaves no partial run', { timeout: 600_000 }, async () => {
    const dir = tempDir()
    // 20,000 steps and 5 snapshots of the largest network: long enough to be killed in
    const { file, ...total } = await bigRunFile(dir, 20_000, 4_000)
    const midImport = await killAtRandomMoments(dir, total, 24, async (db) => {
      const child = labAsync(['import', file, '--db', db, '--json'])
      return {
        ended: child.exited,
        kill: async () => {
          child.child.kill('SIGKILL')
          await child.exited
        }
      }
    })
    // the moments really fell inside imports, not after them
    expect(midImport).toBeGreaterThanOrEqual(ROUNDS - 2)
  })

  it('the browser host killed at 10 random moments of an import leaves no partial run', { timeout: 600_000 }, async () => {
    const dir = tempDir()
    const { file, ...total } = await bigRunFile(dir, 20_000, 4_000)
    const content = readFileSync(file, 'utf8')
    const midImport = await killAtRandomMoments(dir, total, 42, async (db) => {
      const { host, ws, call } = await hostClient(db)
      cleanup.push(() => ws.terminate(), host.kill)
      return { ended: call('import:runFile', { content, filename: 'big.glrun' }), kill: host.kill }
    })
    expect(midImport).toBeGreaterThanOrEqual(ROUNDS - 2)
  })

  it('two processes importing one file at once add it once', { timeout: 300_000 }, async () => {
    const dir = tempDir()
    const { file, ...total } = await bigRunFile(dir, 20_000, 4_000)
    const db = join(dir, 'lab.db')
    // the database exists first, so that neither process is the one creating it
    new RunStore(db).close()
    const [a, b] = [labAsync(['import', file, '--db', db, '--json']), labAsync(['import', file, '--db', db, '--json'])]
    expect(await a.exited).toBe(0)
    expect(await b.exited).toBe(0)
    const answers = [JSON.parse(a.lines[0]), JSON.parse(b.lines[0])].sort((x, y) => Number(x.duplicate) - Number(y.duplicate))
    expect(answers).toEqual([
      { runId: answers[0].runId, duplicate: false },
      { runId: answers[0].runId, duplicate: true }
    ])
    expect(checkWhole(db, total)).toBe(1)
  })

  it('an import onto a full disk fails in words and leaves nothing visible', { timeout: 300_000 }, async (ctx) => {
    const dir = tempDir()
    const { file } = await bigRunFile(dir, 20_000, 4_000)
    // the file is about 12 MB: a 4 MB disk holds its first lines only
    const disk = tmpfs('4m')
    if ('skip' in disk) {
      process.stdout.write(`skipped: ${disk.skip}\n`)
      return ctx.skip()
    }
    const db = join(disk.dir, 'lab.db')
    const r = lab(['import', file, '--db', db, '--json'])
    expect(r).toMatchObject({ code: 1, stdout: '', stderr: 'lab: The run file could not be imported: the disk is full. Nothing was added.\n' })
    // listed from a copy with room to open: nothing is visible, nothing hidden is left
    const copy = join(dir, 'copy.db')
    if (existsSync(db)) {
      const c = new Database(db, { readonly: true })
      await c.backup(copy)
      c.close()
      const s = new RunStore(copy)
      expect(s.listRuns()).toEqual([])
      s.close()
    }
    expect(lab(['runs', '--json', '--db', db]).stdout).toBe('[]\n')
  })
})
