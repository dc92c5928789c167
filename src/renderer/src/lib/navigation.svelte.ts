// Which page the app shows. Shared with the runs library: "Train again with these settings"
// calls openLesson(kind, config, { start: true }); "Open in lesson" calls openRun(run); a lesson's
// "open in library" calls openReplay(runId).
import type { RunConfig, RunKind } from '../../../shared/config'
import { allKinds } from '../../../shared/kinds'

export type Page = { view: 'lesson'; kind: RunKind } | { view: 'library'; replayRunId: number | null }

/**
 * A config handed to the lesson when it opens; `start` asks the lesson to train with it at once;
 * `runId` is a saved run of that config for the lesson to show.
 */
export type PendingConfig<K extends RunKind = RunKind> = { config: Extract<RunConfig, { kind: K }>; start: boolean; runId?: number }

export const navigation = $state<{
  page: Page
  /** Taken once by the lesson of its kind (takePendingConfig). */
  pending: PendingConfig | null
}>({ page: { view: 'lesson', kind: allKinds()[0].kind as RunKind }, pending: null })

export function openLesson(kind: RunKind, config?: RunConfig, options: { start?: boolean } = {}): void {
  navigation.pending = config ? { config, start: options.start ?? false } : null
  navigation.page = { view: 'lesson', kind }
}

/** Puts saved run `run` into its lesson: the lesson shows it, and its editor gets the run's config. */
export function openRun(run: { id: number; config: RunConfig }): void {
  navigation.pending = { config: run.config, start: false, runId: run.id }
  navigation.page = { view: 'lesson', kind: run.config.kind }
}

export function openLibrary(): void {
  navigation.page = { view: 'library', replayRunId: null }
}

export function openReplay(runId: number): void {
  navigation.page = { view: 'library', replayRunId: runId }
}

/** The config handed over by openLesson, if it is for this kind; cleared once taken. */
export function takePendingConfig<K extends RunKind>(kind: K): PendingConfig<K> | null {
  const pending = navigation.pending
  if (!pending || pending.config.kind !== kind) return null
  navigation.pending = null
  // $state proxies are snapshotted so the lesson owns a plain copy
  return { config: $state.snapshot(pending.config) as Extract<RunConfig, { kind: K }>, start: pending.start, runId: pending.runId }
}
