// What `lab` prints when a command fails: one line naming what went wrong, never a stack
// (that is for --debug). Usage mistakes exit 2, failures of the machine or its files exit 1.
import { ApiFailure } from '../services/errors'
import { knownStorageProblem } from '../services/lifecycle/storage-problem'
import { MnistUnavailable } from '../services/mnist'
import { StoreOpenError } from '../services/store/open'
import { ValidationError } from '../shared/schema'
import { CliError } from './args'

export interface Failure {
  line: string
  exitCode: number
}

/** Errors of the file system that a user can act on (a path, a permission, space). */
const SYSTEM = new Set(['ENOENT', 'EACCES', 'EPERM', 'EROFS', 'ENOSPC', 'EISDIR', 'ENOTDIR', 'EEXIST', 'EMFILE', 'EDQUOT'])

export function describeFailure(e: unknown): Failure {
  const err = e instanceof Error ? e : new Error(String(e))
  if (err instanceof CliError) return { line: err.message, exitCode: err.exitCode }
  if (err instanceof ValidationError) return { line: err.message, exitCode: 2 }
  if (err instanceof ApiFailure || err instanceof StoreOpenError || err instanceof MnistUnavailable) {
    return { line: err.message, exitCode: 1 }
  }
  // the services' one wording of storage problems (SQLite's codes, a full disk, a run no longer this process's)
  const storage = knownStorageProblem(err)
  if (storage) return { line: storage, exitCode: 1 }
  const code = (err as { code?: unknown }).code
  if (typeof code === 'string' && SYSTEM.has(code)) return { line: err.message, exitCode: 1 }
  // anything else is a bug: the line says so and points to --debug
  return { line: `internal error: ${err.message} (this is a bug; run again with --debug to see where it happened)`, exitCode: 1 }
}
