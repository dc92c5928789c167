// What the runs table shows for a run, and how each column sorts and filters.
import type { RunConfig, RunKind } from '../../../shared/config'
import type { RunStatus, RunSummary } from '../../../shared/api'
import { allKinds, kindOf, shownName } from '../../../shared/kinds'
import { RUN_STATUSES } from '../../../shared/status'
import { duration } from '../lib/format'
import { i18n, t } from '../lib/i18n/index.svelte'
import { kindLabel } from '../lib/i18n/kinds'

export const kinds = (): RunKind[] => allKinds().map((k) => k.kind as RunKind)
export { kindLabel }
export const statusLabel = (status: RunStatus): string => t(`status_${status}`)

export const statuses: readonly RunStatus[] = RUN_STATUSES

/** The few settings that tell runs of one lesson apart, in the UI's language (the kind's descriptor words them). */
export const keyParams = (c: RunConfig): string => kindOf(c.kind).keyParams(c, i18n.lang)

/** The name of a run as the library shows it: a default name in the UI's language, a typed one as typed. */
export const runName = (r: { name: string; config: RunConfig }): string => shownName(r, i18n.lang)

export type SortKey = 'id' | 'kind' | 'name' | 'status' | 'params' | 'loss' | 'accuracy' | 'createdAt' | 'duration'

/** Final accuracy worth showing: test accuracy when evaluated, else training accuracy. */
export const finalAccuracy = (r: RunSummary): number | null => r.finalTestAcc ?? r.finalTrainAcc

const sortValue: Record<SortKey, (r: RunSummary) => string | number | null> = {
  id: (r) => r.id,
  kind: (r) => r.kind,
  name: (r) => runName(r).toLowerCase(),
  status: (r) => r.status,
  params: (r) => keyParams(r.config),
  loss: (r) => r.finalLoss,
  accuracy: finalAccuracy,
  createdAt: (r) => r.createdAt,
  duration: (r) => r.durationMs
}

/** Sorted copy; runs without a value (null) always go last, whichever the direction. */
export function sortRuns(runs: RunSummary[], key: SortKey, ascending: boolean): RunSummary[] {
  const value = sortValue[key]
  const sign = ascending ? 1 : -1
  return runs
    .map((r) => ({ r, v: value(r) }))
    .sort((a, b) => {
      if (a.v === null || b.v === null) return a.v === b.v ? a.r.id - b.r.id : a.v === null ? 1 : -1
      const cmp = a.v < b.v ? -1 : a.v > b.v ? 1 : 0
      return cmp ? sign * cmp : a.r.id - b.r.id
    })
    .map((x) => x.r)
}

export interface RunFilterState {
  kind: RunKind | ''
  status: RunStatus | ''
  search: string
}

export function filterRuns(runs: RunSummary[], f: RunFilterState): RunSummary[] {
  const needle = f.search.trim().toLowerCase()
  return runs.filter(
    (r) =>
      (!f.kind || r.kind === f.kind) &&
      (!f.status || r.status === f.status) &&
      (!needle || runName(r).toLowerCase().includes(needle) || r.name.toLowerCase().includes(needle))
  )
}

export const formatNumber = (v: number | null, digits = 6): string =>
  v === null || !Number.isFinite(v) ? '—' : Number(v.toPrecision(digits)).toString()

export const formatDuration = (ms: number | null): string =>
  ms === null ? '—' : ms < 1000 ? t('durationMs', { ms: Math.round(ms) }) : duration(ms / 1000)

export const formatDate = (iso: string): string => {
  const d = new Date(iso)
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString(i18n.lang === 'ko' ? 'ko-KR' : 'en', { dateStyle: 'short', timeStyle: 'short' })
}

export type EditAction = 'rename' | 'note' | 'delete'
