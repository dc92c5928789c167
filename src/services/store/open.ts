// Opening the run database. A file that is not ours (not SQLite, another program's SQLite,
// or damaged) is moved aside — never deleted — and a fresh store is created, with a notice
// naming both paths for the CLI and the app to show. A file from a newer Gradient Lab is ours
// and fine: it is left exactly as it is, and opening stops with a StoreOpenError.
import Database from 'better-sqlite3'
import { existsSync, mkdirSync, renameSync } from 'node:fs'
import { dirname } from 'node:path'
import { APPLICATION_ID, migrate, SCHEMA_VERSION } from './migrations'

/** The database cannot be used and was left untouched; the message names the file and why. */
export class StoreOpenError extends Error {
  constructor(file: string, reason: string) {
    super(`cannot open database ${file}: ${reason}`)
    this.name = 'StoreOpenError'
  }
}

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
  const check = db.pragma('quick_check', { simple: true }) as string
  if (check !== 'ok') return `it is damaged (quick_check: ${check})`
  return null
}

/** A newer schema is ours, not damaged: the update is on the program's side, and the file must stay as it is. */
function newerSchema(db: Database.Database): string | null {
  const appId = db.pragma('application_id', { simple: true }) as number
  const version = db.pragma('user_version', { simple: true }) as number
  if (appId !== APPLICATION_ID || version <= SCHEMA_VERSION) return null
  return `it was written by a newer Gradient Lab (schema ${version}; this one knows up to ${SCHEMA_VERSION}): update Gradient Lab`
}

function tryOpen(file: string, nativeBinding?: string): { db: Database.Database | null; reason: string | null } {
  let db: Database.Database | null = null
  try {
    db = new Database(file, nativeBinding ? { nativeBinding } : {})
    db.pragma('busy_timeout = 5000')
    const newer = newerSchema(db)
    if (newer) throw new StoreOpenError(file, newer)
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
    if (e instanceof StoreOpenError) throw e
    const msg = (e as Error).message
    // only a bad file is moved aside; anything else (permissions, a locked file, a folder) is the caller's to see
    if (!/not a database|malformed|corrupt/i.test(msg)) throw new StoreOpenError(file, msg)
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
  try {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true })
  } catch (e) {
    throw new StoreOpenError(file, (e as Error).message)
  }
  const first = tryOpen(file, nativeBinding)
  if (first.db) return { db: first.db, notice: null }
  const aside = moveAside(file)
  const second = tryOpen(file, nativeBinding)
  if (!second.db) throw new StoreOpenError(file, `a fresh database could not be created there: ${second.reason}`)
  return {
    db: second.db,
    notice: `The database ${file} could not be used because ${first.reason}. It was moved to ${aside} (nothing was deleted) and a fresh database was created at ${file}.`
  }
}
