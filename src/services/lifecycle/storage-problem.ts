// A storage error as the learner reads it: what went wrong with the database, in words. The one
// wording for every front: the app's and the host's run reasons, `lab`'s one-line failures
// (cli/failure.ts) and the store's open notices. better-sqlite3 reports SQLite's extended result
// codes (SQLITE_BUSY_SNAPSHOT, SQLITE_IOERR_WRITE, …).
import { wordProblem, type Problem } from '../../shared/problems'
import { RunNotOwnedError } from '../store/not-owned'

export const DISK_FULL = wordProblem({ id: 'storage.full' })
export const READ_ONLY = wordProblem({ id: 'storage.readOnly' })

// the words themselves are problems (src/shared/problems.ts), so the window says them in its language
const PROBLEMS: [RegExp, (message: string) => Problem][] = [
  [/^SQLITE_FULL$/, () => ({ id: 'storage.full' })],
  [/^SQLITE_BUSY|^SQLITE_LOCKED/, () => ({ id: 'storage.busy' })],
  [/^SQLITE_READONLY/, () => ({ id: 'storage.readOnly' })],
  [/^SQLITE_CORRUPT|^SQLITE_NOTADB/, () => ({ id: 'storage.damaged' })],
  [/^SQLITE_CANTOPEN|^SQLITE_PERM|^SQLITE_AUTH/, () => ({ id: 'storage.cantOpen' })],
  [/^SQLITE_IOERR/, (m) => ({ id: 'storage.io', params: { detail: m } })],
  [/^SQLITE_CONSTRAINT_FOREIGNKEY$/, (m) => ({ id: 'storage.runGone', params: { detail: m } })]
]

/** A storage error as a problem, or null when it is none (a bug, another kind of failure, or a run no longer this process's). */
export function storageProblemOf(e: unknown): Problem | null {
  const code = (e as { code?: unknown } | null)?.code
  if (typeof code !== 'string') return null
  const found = PROBLEMS.find(([pattern]) => pattern.test(code))
  return found ? found[1](e instanceof Error ? e.message : String(e)) : null
}

/** The words for a storage error, or null when it is none (a bug, or another kind of failure). */
export function knownStorageProblem(e: unknown): string | null {
  if (e instanceof RunNotOwnedError) return e.message
  const problem = storageProblemOf(e)
  return problem ? wordProblem(problem) : null
}

export function storageProblem(e: unknown): string {
  return knownStorageProblem(e) ?? (e instanceof Error ? e.message : String(e))
}
