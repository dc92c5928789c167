// A failure the caller should see as-is (not found, busy, …), as opposed to a bug. Given as a
// problem (a code and its parameters, src/shared/problems.ts) it is worded by each front in its
// own language; its message is the English wording, for the CLI and the logs.
import type { ApiError } from '../shared/api'
import { wordProblem, type Problem } from '../shared/problems'

export class ApiFailure extends Error {
  readonly problem?: Problem

  constructor(
    readonly code: ApiError['code'],
    what: string | Problem
  ) {
    super(typeof what === 'string' ? what : wordProblem(what))
    if (typeof what !== 'string') this.problem = what
  }
}

/** "there is no run N" (in FILE, for the CLI, which also says where to look): one wording for every front. */
export const noSuchRun = (runId: number, file?: string): ApiFailure =>
  new ApiFailure('not-found', file === undefined ? { id: 'run.notFound', params: { id: runId } } : `there is no run ${runId} in ${file} (see \`lab runs\`)`)
