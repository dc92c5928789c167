import Database from 'better-sqlite3'
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { SCHEMA_VERSION } from '../../src/services/store/migrations'
import { StoreOpenError } from '../../src/services/store/open'
import { RunStore } from '../../src/services/store/run-store'
import { tempDir, storeDb } from './tmp'

function expectMovedAside(dir: string, file: string, original: Buffer, why: RegExp): void {
  const store = new RunStore(file)
  try {
    const aside = readdirSync(dir).filter((f) => f.startsWith('lab.db.corrupt-') && !/-(wal|shm)$/.test(f))
    expect(aside).toHaveLength(1)
    // moved, never deleted: the bad bytes are all there
    expect(readFileSync(join(dir, aside[0]))).toEqual(original)
    expect(store.notice).toContain(file)
    expect(store.notice).toContain(join(dir, aside[0]))
    expect(store.notice).toMatch(why)
    // and the fresh store works
    const id = store.createRun({ config: { kind: 'gate', gate: 'OR', seed: 1, lr: 0.1, epochs: 1, h: 1e-5, gradient: 'backprop', logEvery: 1 }, totalSteps: 1 })
    expect(store.listRuns().map((r) => r.id)).toEqual([id])
  } finally {
    store.close()
  }
}

describe('opening a database file', () => {
  it('moves a file that is not SQLite aside and starts fresh', () => {
    const dir = tempDir()
    const file = join(dir, 'lab.db')
    const junk = Buffer.from('this is a spreadsheet, not a database\n'.repeat(200))
    writeFileSync(file, junk)
    expectMovedAside(dir, file, junk, /not a readable database/)
  })

  it("moves another program's SQLite database aside", () => {
    const dir = tempDir()
    const file = join(dir, 'lab.db')
    const other = new Database(file)
    other.exec("CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('Ada')")
    other.close()
    expectMovedAside(dir, file, readFileSync(file), /another program/)
  })

  it('moves a damaged database aside', () => {
    const dir = tempDir()
    const file = join(dir, 'lab.db')
    const s = new RunStore(file)
    const id = s.createRun({ config: { kind: 'gate', gate: 'OR', seed: 1, lr: 0.1, epochs: 1000, h: 1e-5, gradient: 'backprop', logEvery: 1 }, totalSteps: 1000 })
    s.append(id, Array.from({ length: 3000 }, (_, i) => ({ step: i + 1, loss: i })))
    storeDb(s).pragma('wal_checkpoint(TRUNCATE)')
    s.close()
    // scribble over the metrics pages, keeping the header intact
    const bytes = readFileSync(file)
    bytes.fill(0xa5, 4096 * 2, bytes.length - 4096)
    writeFileSync(file, bytes)
    expectMovedAside(dir, file, bytes, /damaged|not a readable database/)
  })

  it('leaves a newer Gradient Lab\'s database untouched and says to update', () => {
    const dir = tempDir()
    const file = join(dir, 'lab.db')
    const s = new RunStore(file)
    s.createRun({ config: { kind: 'gate', gate: 'OR', seed: 1, lr: 0.1, epochs: 1, h: 1e-5, gradient: 'backprop', logEvery: 1 }, totalSteps: 1, status: 'done' })
    storeDb(s).pragma(`user_version = ${SCHEMA_VERSION + 1}`)
    storeDb(s).pragma('wal_checkpoint(TRUNCATE)')
    s.close()
    const before = readFileSync(file)
    expect(() => new RunStore(file)).toThrow(
      `cannot open database ${file}: it was written by a newer Gradient Lab (schema ${SCHEMA_VERSION + 1}; this one knows up to ${SCHEMA_VERSION}): update Gradient Lab`
    )
    expect(() => new RunStore(file)).toThrow(StoreOpenError)
    expect(readdirSync(dir).filter((f) => f.includes('corrupt'))).toEqual([])
    expect(readFileSync(file)).toEqual(before)
  })

  it('opens its own file again with everything in it, and no notice', () => {
    const file = join(tempDir(), 'lab.db')
    const a = new RunStore(file)
    a.createRun({ config: { kind: 'gate', gate: 'OR', seed: 1, lr: 0.1, epochs: 1, h: 1e-5, gradient: 'backprop', logEvery: 1 }, totalSteps: 1, status: 'done' })
    a.close()
    const b = new RunStore(file)
    expect(b.notice).toBeNull()
    expect(b.listRuns()).toHaveLength(1)
    b.close()
  })
})
