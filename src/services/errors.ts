// A failure the caller should see as-is (not found, busy, …), as opposed to a bug.
import type { ApiError } from '../shared/api'

export class ApiFailure extends Error {
  constructor(
    readonly code: ApiError['code'],
    message: string
  ) {
    super(message)
  }
}

/** "there is no run N" (in FILE, for the CLI, which also says where to look): one wording for every front. */
export const noSuchRun = (runId: number, file?: string): ApiFailure =>
  new ApiFailure('not-found', file === undefined ? `there is no run ${runId}` : `there is no run ${runId} in ${file} (see \`lab runs\`)`)
