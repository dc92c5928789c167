// The refusal a run's former owner gets from the store (run-store.ts): the run ends once.
import type { RunStatus } from '../../shared/status'

/**
 * This process wrote to a run that is no longer its own: it was declared `interrupted` (or
 * ended) while this process was not answering, e.g. stopped past HUNG_MS. Nothing was written;
 * the owner must stop training it.
 */
export class RunNotOwnedError extends Error {
  constructor(runId: number, now: { status: RunStatus; reason: string | null } | null) {
    super(
      now
        ? `run ${runId} is no longer this process's to write: it was declared ${now.status}${now.reason ? ` (${now.reason.replace(/\.$/, '')})` : ''} while this process was not answering`
        : `run ${runId} is no longer this process's to write: it was deleted`
    )
    this.name = 'RunNotOwnedError'
  }
}
