// What `lab` prints when a command fails: one line naming what went wrong, never a stack
// (that is for --debug). Usage mistakes exit 2, failures of the machine or its files exit 1.
import { ApiFailure } from '../services/errors'
import { MnistUnavailable } from '../services/mnist'
import { StoreOpenError } from '../services/store/open'
import { ValidationError } from '../shared/schema'
import { CliError } from './args'

export interface Failure {
  line: string
  exitCode: number
}

/** SQLite's result codes in words (better-sqlite3 puts them in `code`, e.g. SQLITE_READONLY_DBMOVED). */
const SQLITE: [RegExp, string][] = [
  [/^SQLITE_READONLY/, 'the database cannot be written (the file or its folder is read-only)'],
  [/^SQLITE_FULL/, 'the disk is full'],
  [/^SQLITE_BUSY|^SQLITE_LOCKED/, 'the database is busy (another program is writing to it)'],
  [/^SQLITE_CORRUPT|^SQLITE_NOTADB/, 'the database is damaged'],
  [/^SQLITE_CANTOPEN|^SQLITE_PERM|^SQLITE_AUTH/, 'the database cannot be opened (check the path and its permissions)'],
  [/^SQLITE_IOERR/, 'the database file could not be read or written (a disk or file system error)']
]

/** Errors of the file system that a user can act on (a path, a permission, space). */
const SYSTEM = new Set(['ENOENT', 'EACCES', 'EPERM', 'EROFS', 'ENOSPC', 'EISDIR', 'ENOTDIR', 'EEXIST', 'EMFILE', 'EDQUOT'])

export function describeFailure(e: unknown): Failure {
  const err = e instanceof Error ? e : new Error(String(e))
  if (err instanceof CliError) return { line: err.message, exitCode: err.exitCode }
  if (err instanceof ValidationError) return { line: err.message, exitCode: 2 }
  if (err instanceof ApiFailure || err instanceof StoreOpenError || err instanceof MnistUnavailable) {
    return { line: err.message, exitCode: 1 }
  }
  const code = (err as { code?: unknown }).code
  if (typeof code === 'string') {
    const sqlite = SQLITE.find(([pattern]) => pattern.test(code))
    if (sqlite) return { line: `${sqlite[1]}: ${err.message}`, exitCode: 1 }
    if (SYSTEM.has(code)) return { line: err.message, exitCode: 1 }
  }
  // anything else is a bug: the line says so and points to --debug
  return { line: `internal error: ${err.message} (this is a bug; run again with --debug to see where it happened)`, exitCode: 1 }
}
