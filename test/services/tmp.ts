// Temp folders for the tests' real database files, removed afterwards.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach } from 'vitest'

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
