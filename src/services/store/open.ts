// Opening the run database. A file that is not ours (not SQLite, another program's SQLite,
// a newer schema, or damaged) is moved aside — never deleted — and a fresh store is created,
// with a notice naming both paths for the CLI and the app to show.
import Database from 'better-sqlite3'
import { existsSync, mkdirSync, renameSync } from 'node:fs'
import { dirname } from 'node:path'
import { APPLICATION_ID, migrate, SCHEMA_VERSION } from './migrations'

export interface Opened {
  db: Database.Database
  /** Set when the file at the path could not be used and was moved aside. */
  notice: string | null
}

function configure(db: Database.Database): void {
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = NORMAL')
  db.pragma('foreign_keys = ON')
  db.pragma('busy_timeout = 5000')
}

/** Why this file cannot be our store, or null when it can (empty files and new files can). */
function problem(db: Database.Database): string | null {
  const appId = db.pragma('application_id', { simple: true }) as number
  const version = db.pragma('user_version', { simple: true }) as number
  const tables = db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'").get() as { n: number }
  if (appId === 0 && version === 0 && tables.n > 0) return 'it is an SQLite database of another program'
  if (appId !== 0 && appId !== APPLICATION_ID) return 'it is an SQLite database of another program'
  if (version > SCHEMA_VERSION) {
    return `it was written by a newer Gradient Lab (schema ${version}; this one knows up to ${SCHEMA_VERSION})`
  }
  const check = db.pragma('quick_check', { simple: true }) as string
  if (check !== 'ok') return `it is damaged (quick_check: ${check})`
  return null
}

function tryOpen(file: string, nativeBinding?: string): { db: Database.Database | null; reason: string | null } {
  let db: Database.Database | null = null
  try {
    db = new Database(file, nativeBinding ? { nativeBinding } : {})
    db.pragma('busy_timeout = 5000')
    const reason = problem(db)
    if (reason) {
      db.close()
      return { db: null, reason }
    }
    configure(db)
    migrate(db)
    return { db, reason: null }
  } catch (e) {
    db?.close()
    const msg = (e as Error).message
    // only a bad file is moved aside; anything else (permissions, a locked file) is the caller's to see
    if (!/not a database|malformed|corrupt/i.test(msg)) throw e
    return { db: null, reason: `it is not a readable database (${msg})` }
  }
}

function moveAside(file: string): string {
  const aside = `${file}.corrupt-${new Date().toISOString().replace(/:/g, '-')}`
  renameSync(file, aside)
  // the journal files belong to the bad database; keep them next to it
  for (const ext of ['-wal', '-shm']) if (existsSync(file + ext)) renameSync(file + ext, aside + ext)
  return aside
}

/**
 * `nativeBinding` points better-sqlite3 at a build for another ABI: Electron's main process
 * cannot load the Node build that the CLI, the browser host and the tests use.
 */
export function openDatabase(file: string, nativeBinding?: string): Opened {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true })
  const first = tryOpen(file, nativeBinding)
  if (first.db) return { db: first.db, notice: null }
  const aside = moveAside(file)
  const second = tryOpen(file, nativeBinding)
  if (!second.db) throw new Error(`Could not create a fresh database at ${file}: ${second.reason}`)
  return {
    db: second.db,
    notice: `The database ${file} could not be used because ${first.reason}. It was moved to ${aside} (nothing was deleted) and a fresh database was created at ${file}.`
  }
}
