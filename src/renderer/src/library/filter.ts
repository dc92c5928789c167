// The library's one filter. RunStore.listRuns narrows by kind only and leaves names and statuses
// to this: it matches the name as the table shows it (in the UI's language) as well as the name
// stored, which only the client knows, and filters the list it holds at every key press without
// a round trip. The text is matched literally (no wildcards), ignoring case and outer blanks.
import type { RunKind } from '../../../shared/config'
import type { RunStatus, RunSummary } from '../../../shared/api'

export interface RunFilterState {
  kind: RunKind | ''
  status: RunStatus | ''
  search: string
}

export function matchRuns(runs: RunSummary[], f: RunFilterState, shownName: (r: RunSummary) => string): RunSummary[] {
  const needle = f.search.trim().toLowerCase()
  return runs.filter(
    (r) =>
      (!f.kind || r.kind === f.kind) &&
      (!f.status || r.status === f.status) &&
      (!needle || shownName(r).toLowerCase().includes(needle) || r.name.toLowerCase().includes(needle))
  )
}
