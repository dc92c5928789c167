// Which page the app shows. Shared with the runs library: "Train again with these settings"
// calls openLesson(kind, config); a lesson's "open in library" calls openReplay(runId).
import type { RunConfig, RunKind } from '../../../engine/types'

export type Page = { view: 'lesson'; kind: RunKind } | { view: 'library'; replayRunId: number | null }

export const navigation = $state<{
  page: Page
  /** A config handed to the lesson when it opens; the lesson takes it once (takePendingConfig). */
  pendingConfig: RunConfig | null
}>({ page: { view: 'lesson', kind: 'simplenet' }, pendingConfig: null })

export function openLesson(kind: RunKind, config?: RunConfig): void {
  navigation.pendingConfig = config ?? null
  navigation.page = { view: 'lesson', kind }
}

export function openLibrary(): void {
  navigation.page = { view: 'library', replayRunId: null }
}

export function openReplay(runId: number): void {
  navigation.page = { view: 'library', replayRunId: runId }
}

/** The config handed over by openLesson, if it is for this kind; cleared once taken. */
export function takePendingConfig<K extends RunKind>(kind: K): Extract<RunConfig, { kind: K }> | null {
  const config = navigation.pendingConfig
  if (!config || config.kind !== kind) return null
  navigation.pendingConfig = null
  return config as Extract<RunConfig, { kind: K }>
}
