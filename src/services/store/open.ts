// Opening the run database. Only the desktop app's own file (mode `recover`) is ever moved: a
// file there that is not ours (not SQLite, another program's SQLite, or damaged) is moved aside
// — never deleted — and a fresh store is created, with a notice naming both paths. A file the
// user named (`--db`, LAB_DB) is refused and left byte for byte as it was (`create`), and a
// command that only reads never creates one (`existing`: a missing file reads as an empty
// library). A file from a newer Gradient Lab is ours and fine: it is left exactly as it is, and
// opening stops with a StoreOpenError. A file that cannot be written (a read-only medium, a full
// disk) is opened read-only, so that its runs can still be listed, replayed and exported.
import Database from 'better-sqlite3'
import { accessSync, constants, existsSync, mkdirSync, readFileSync, renameSync, statfsSync } from 'node:fs'
import { dirname } from 'node:path'
import { DISK_FULL, READ_ONLY, storageProblem } from '../lifecycle/storage-problem'
import { APPLICATION_ID, migrate, SCHEMA_VERSION } from './migrations'

/** The database cannot be used and was left untouched; the message names the file and why. */
export class StoreOpenError extends Error {
  constructor(file: string, reason: string) {
    super(`cannot open database ${file}: ${reason}`)
    this.name = 'StoreOpenError'
  }
}

/** recover: the app's own file; create: a file the user named; existing: a command that only reads. */
export type OpenMode = 'recover' | 'create' | 'existing'

export interface OpenOptions {
  /** A build of better-sqlite3 for another ABI (Electron's main process). */
  nativeBinding?: string
  mode?: OpenMode
  /** Open read-only where the file cannot be written (listing, replay, export); false for a command that must write. */
  readOnlyFallback?: boolean
}

export interface Opened {
  db: Database.Database
  /** Set when the file at the path could not be used and was moved aside, or is open read-only. */
  notice: string | null
  readOnly: boolean
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

const notADatabase = (msg: string): boolean => /not a database|malformed|corrupt/i.test(msg)
/** The medium refuses writes (read-only, full): the file may still be read. */
const cannotWrite = (e: unknown): boolean =>
  /^(SQLITE_READONLY|SQLITE_CANTOPEN|SQLITE_IOERR|SQLITE_FULL|EROFS|ENOSPC|EACCES|EPERM)/.test(String((e as { code?: unknown }).code))

type Attempt = { db: Database.Database; reason: null } | { db: null; reason: string }

function tryOpen(file: string, nativeBinding: string | undefined, mustExist: boolean): Attempt {
  let db: Database.Database | null = null
  try {
    db = new Database(file, { ...(nativeBinding ? { nativeBinding } : {}), fileMustExist: mustExist })
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
    // only a bad file is the caller's to move or refuse; anything else (permissions, a locked file, a folder, a full disk) is thrown
    if (!notADatabase(msg)) throw e
    return { db: null, reason: `it is not a readable database (${msg})` }
  }
}

/**
 * The file opened read-only. A WAL database whose -shm cannot be created (a read-only mount
 * after a clean close, a full disk) cannot be opened read-only by SQLite itself: it is then read
 * into memory (rollback-journal header, a copy; the file is not touched) and opened from there.
 */
function openReadOnly(file: string, nativeBinding?: string): Database.Database {
  const opts = nativeBinding ? { nativeBinding } : {}
  const check = (db: Database.Database): Database.Database => {
    const why = newerSchema(db) ?? problem(db)
    if (why) {
      db.close()
      throw new StoreOpenError(file, why)
    }
    return db
  }
  try {
    const db = check(new Database(file, { ...opts, readonly: true, fileMustExist: true }))
    if ((db.pragma('user_version', { simple: true }) as number) === SCHEMA_VERSION) return db
    db.close() // an older schema: brought up to date in the copy below, the file left as it is
  } catch (e) {
    if (e instanceof StoreOpenError) throw e
  }
  const image = readFileSync(file)
  // bytes 18-19: the file format's write and read versions, 2 for WAL, 1 for a rollback journal
  if (image.length >= 20) image[18] = image[19] = 1
  const work = check(new Database(image, opts))
  migrate(work)
  const db = new Database(work.serialize(), { ...opts, readonly: true })
  work.close()
  return db
}

function moveAside(file: string): string {
  const aside = `${file}.corrupt-${new Date().toISOString().replace(/:/g, '-')}`
  renameSync(file, aside)
  // the journal files belong to the bad database; keep them next to it
  for (const ext of ['-wal', '-shm']) if (existsSync(file + ext)) renameSync(file + ext, aside + ext)
  return aside
}

/** An empty store in memory: what a command that only reads sees where there is no database yet. */
function emptyStore(nativeBinding?: string): Database.Database {
  const db = new Database(':memory:', nativeBinding ? { nativeBinding } : {})
  migrate(db)
  return db
}

/**
 * Why a file that exists could not be opened for writing. SQLite says only that it cannot open
 * it (it cannot create the -shm next to it): the medium says whether it is read-only or full.
 */
function whyNotWritable(file: string, cause: unknown): string {
  try {
    accessSync(file, constants.W_OK)
    accessSync(dirname(file), constants.W_OK)
  } catch {
    return READ_ONLY
  }
  try {
    if (statfsSync(dirname(file)).bavail === 0) return DISK_FULL
  } catch {
    // no answer from the file system: SQLite's own words below
  }
  return storageProblem(cause)
}

function openedReadOnly(file: string, cause: unknown, nativeBinding?: string): Opened {
  let db: Database.Database
  try {
    db = openReadOnly(file, nativeBinding)
  } catch (e) {
    if (e instanceof StoreOpenError) throw e
    throw new StoreOpenError(file, whyNotWritable(file, cause))
  }
  return { db, readOnly: true, notice: `The database ${file} is open read-only: ${whyNotWritable(file, cause)}. Runs can be listed, replayed and exported; nothing can be saved.` }
}

/**
 * `nativeBinding` points better-sqlite3 at a build for another ABI: Electron's main process
 * cannot load the Node build that the CLI, the browser host and the tests use.
 */
export function openDatabase(file: string, { nativeBinding, mode = 'recover', readOnlyFallback = true }: OpenOptions = {}): Opened {
  if (file === '') throw new StoreOpenError(file, 'no file was named')
  const memory = file === ':memory:'
  if (mode === 'existing' && !memory && !existsSync(file)) return { db: emptyStore(nativeBinding), notice: null, readOnly: true }
  let first: Attempt
  try {
    if (!memory && mode !== 'existing') mkdirSync(dirname(file), { recursive: true })
    first = tryOpen(file, nativeBinding, mode === 'existing')
  } catch (e) {
    if (e instanceof StoreOpenError) throw e
    const exists = !memory && existsSync(file)
    if (exists && cannotWrite(e)) {
      if (readOnlyFallback) return openedReadOnly(file, e, nativeBinding)
      throw new StoreOpenError(file, whyNotWritable(file, e))
    }
    throw new StoreOpenError(file, storageProblem(e))
  }
  if (first.db) return { db: first.db, notice: null, readOnly: false }
  if (mode !== 'recover') {
    throw new StoreOpenError(file, `${first.reason}; it was left as it is (name another file with --db, or a new one)`)
  }
  const aside = moveAside(file)
  const second = tryOpen(file, nativeBinding, false)
  if (!second.db) throw new StoreOpenError(file, `a fresh database could not be created there: ${second.reason}`)
  return {
    db: second.db,
    readOnly: false,
    notice: `The database ${file} could not be used because ${first.reason}. It was moved to ${aside} (nothing was deleted) and a fresh database was created at ${file}.`
  }
}
