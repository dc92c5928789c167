// A storage error as the learner reads it: what went wrong with the database, in words. The one
// wording for every front: the app's and the host's run reasons, `lab`'s one-line failures
// (cli/failure.ts) and the store's open notices. better-sqlite3 reports SQLite's extended result
// codes (SQLITE_BUSY_SNAPSHOT, SQLITE_IOERR_WRITE, …).
import { RunNotOwnedError } from '../store/not-owned'

export const DISK_FULL = 'the disk is full'
export const READ_ONLY = 'the database cannot be written to (the file, its folder or its disk is read-only)'

const WORDS: [RegExp, (message: string) => string][] = [
  [/^SQLITE_FULL$/, () => DISK_FULL],
  [/^SQLITE_BUSY|^SQLITE_LOCKED/, () => 'the database is busy (another program held it longer than the busy timeout)'],
  [/^SQLITE_READONLY/, () => READ_ONLY],
  [/^SQLITE_CORRUPT|^SQLITE_NOTADB/, () => 'the database is damaged'],
  [/^SQLITE_CANTOPEN|^SQLITE_PERM|^SQLITE_AUTH/, () => 'the database cannot be opened (check the path and its permissions)'],
  [/^SQLITE_IOERR/, (m) => `the disk could not be read or written (${m})`],
  [/^SQLITE_CONSTRAINT_FOREIGNKEY$/, (m) => `${m} (was the run deleted?)`]
]

/** The words for a storage error, or null when it is none (a bug, or another kind of failure). */
export function knownStorageProblem(e: unknown): string | null {
  if (e instanceof RunNotOwnedError) return e.message
  const message = e instanceof Error ? e.message : String(e)
  const code = (e as { code?: unknown } | null)?.code
  if (typeof code !== 'string') return null
  const found = WORDS.find(([pattern]) => pattern.test(code))
  return found ? found[1](message) : null
}

export function storageProblem(e: unknown): string {
  return knownStorageProblem(e) ?? (e instanceof Error ? e.message : String(e))
}
