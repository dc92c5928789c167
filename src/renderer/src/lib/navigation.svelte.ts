// Which page the app shows. Shared with the runs library: "Train again with these settings"
// calls openLesson(kind, config, { start: true }); "Open in lesson" calls openRun(run); a lesson's
// "open in library" calls openReplay(runId).
import type { RunConfig, RunKind } from '../../../shared/config'
import { allKinds } from '../../../shared/kinds'

const isKind = (k: string): k is RunKind => allKinds().some((d) => d.kind === k)

export type Page = { view: 'welcome' } | { view: 'lesson'; kind: RunKind } | { view: 'library'; replayRunId: number | null }

const PAGE_KEY = 'gradient-lab.page'

/**
 * The page shown before a reload or a restart (a lesson, or the library's list), else the welcome
 * page: the first start shows it. `isKind` keeps a kind that no longer exists from being opened.
 */
function initialPage(): Page {
  try {
    const saved = JSON.parse(localStorage.getItem(PAGE_KEY) ?? 'null') as { view?: unknown; kind?: unknown } | null
    if (saved?.view === 'library') return { view: 'library', replayRunId: null }
    if (saved?.view === 'lesson' && typeof saved.kind === 'string' && isKind(saved.kind)) return { view: 'lesson', kind: saved.kind }
  } catch {
    // unavailable storage or a stale entry: start at the welcome page
  }
  return { view: 'welcome' }
}

function remember(page: Page): void {
  try {
    localStorage.setItem(PAGE_KEY, JSON.stringify(page.view === 'lesson' ? { view: 'lesson', kind: page.kind } : { view: page.view }))
  } catch {
    // not remembered across reloads
  }
}

function show(page: Page): void {
  navigation.page = page
  remember(page)
}

/**
 * A config handed to the lesson when it opens; `start` asks the lesson to train with it at once;
 * `runId` is a saved run of that config for the lesson to show.
 */
export type PendingConfig<K extends RunKind = RunKind> = { config: Extract<RunConfig, { kind: K }>; start: boolean; runId?: number }

export const navigation = $state<{
  page: Page
  /** Taken once by the lesson of its kind (takePendingConfig). */
  pending: PendingConfig | null
}>({ page: initialPage(), pending: null })

export function openLesson(kind: RunKind, config?: RunConfig, options: { start?: boolean } = {}): void {
  navigation.pending = config ? { config, start: options.start ?? false } : null
  show({ view: 'lesson', kind })
}

/** Puts saved run `run` into its lesson: the lesson shows it, and its editor gets the run's config. */
export function openRun(run: { id: number; config: RunConfig }): void {
  navigation.pending = { config: run.config, start: false, runId: run.id }
  show({ view: 'lesson', kind: run.config.kind })
}

export function openWelcome(): void {
  show({ view: 'welcome' })
}

export function openLibrary(): void {
  show({ view: 'library', replayRunId: null })
}

export function openReplay(runId: number): void {
  show({ view: 'library', replayRunId: runId })
}

/** The config handed over by openLesson, if it is for this kind; cleared once taken. */
export function takePendingConfig<K extends RunKind>(kind: K): PendingConfig<K> | null {
  const pending = navigation.pending
  if (!pending || pending.config.kind !== kind) return null
  navigation.pending = null
  // $state proxies are snapshotted so the lesson owns a plain copy
  return { config: $state.snapshot(pending.config) as Extract<RunConfig, { kind: K }>, start: pending.start, runId: pending.runId }
}
