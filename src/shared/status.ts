// A run's status, one list for every place that names them: the API's validators, the run
// file, the library's filter, and the store's SQL.

export const RUN_STATUSES = ['running', 'paused', 'done', 'stopped', 'interrupted', 'failed'] as const
export type RunStatus = (typeof RUN_STATUSES)[number]

/** Still training: an engine process (or a `lab train`) owns the run and appends to it. */
const LIVE_STATUSES = ['running', 'paused'] as const satisfies readonly RunStatus[]
export type LiveStatus = (typeof LIVE_STATUSES)[number]

export function isLive(status: string): status is LiveStatus {
  return (LIVE_STATUSES as readonly string[]).includes(status)
}

/** `status IN ('running', 'paused')` for SQL over the runs table (constant text, no user input). */
export const LIVE_SQL = `status IN (${LIVE_STATUSES.map((s) => `'${s}'`).join(', ')})`
