// A storage error as the learner reads it: what went wrong with the database, in words.
// better-sqlite3 reports SQLite's extended result codes (SQLITE_BUSY_SNAPSHOT, SQLITE_IOERR_WRITE, …).

export function storageProblem(e: unknown): string {
  const message = e instanceof Error ? e.message : String(e)
  const code = (e as { code?: unknown } | null)?.code
  if (typeof code !== 'string') return message
  if (code === 'SQLITE_FULL') return 'the disk is full'
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return 'the database is busy (another program held it longer than the busy timeout)'
  if (code.startsWith('SQLITE_READONLY')) return 'the database cannot be written to (it is read-only)'
  if (code.startsWith('SQLITE_IOERR')) return `the disk could not be written (${message})`
  if (code === 'SQLITE_CONSTRAINT_FOREIGNKEY') return `${message} (was the run deleted?)`
  return message
}
