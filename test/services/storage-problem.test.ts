// Storage errors in words, from real SQLite failures on real files.
import Database from 'better-sqlite3'
import { chmodSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { storageProblem } from '../../src/services/lifecycle/storage-problem'
import { thrown } from './thrown'
import { tempDir } from './tmp'

describe('storageProblem', () => {
  it('names a full disk, a busy database and a read-only file', () => {
    const file = join(tempDir(), 'x.db')
    const a = new Database(file)
    a.pragma('journal_mode = WAL')
    a.exec('CREATE TABLE t (x BLOB)')
    a.pragma(`max_page_count = ${(a.pragma('page_count', { simple: true }) as number) + 2}`)
    expect(storageProblem(thrown(() => a.prepare('INSERT INTO t VALUES (?)').run(Buffer.alloc(20_000))))).toBe('the disk is full')

    const b = new Database(file, { timeout: 0 })
    a.exec('BEGIN IMMEDIATE')
    expect(storageProblem(thrown(() => b.exec('INSERT INTO t VALUES (1)')))).toMatch(/^the database is busy/)
    a.exec('ROLLBACK')
    a.close()
    b.close()

    chmodSync(file, 0o444)
    const c = new Database(file, { readonly: true })
    expect(storageProblem(thrown(() => c.exec('INSERT INTO t VALUES (1)')))).toMatch(/^the database cannot be written to/)
    c.close()
  })
})
