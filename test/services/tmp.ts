// Temp folders for the tests' real database files, removed afterwards.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Database } from 'better-sqlite3'
import { afterEach } from 'vitest'
import type { RunStore } from '../../src/services/store/run-store'

const made: string[] = []
afterEach(() => {
  for (const d of made.splice(0)) rmSync(d, { recursive: true, force: true })
})

export function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'gradient-lab-'))
  made.push(d)
  return d
}

export async function until<T>(f: () => T | undefined | null | false, what: string, ms = 30_000): Promise<T> {
  const t0 = Date.now()
  for (;;) {
    const v = f()
    if (v) return v
    if (Date.now() - t0 > ms) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 20))
  }
}

/**
 * The store's own connection, for a test that must set up what no front can (an owner's pid, a
 * page limit). The product reaches the tables only through RunStore's methods.
 */
export const storeDb = (s: RunStore): Database => (s as unknown as { db: Database }).db
