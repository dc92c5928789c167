// Which run each lesson shows, kept in localStorage so it survives a reload and a restart of the
// app: by default the newest run of the lesson's kind; a run put there (trained in the lesson, or
// opened from the runs library); or none after Reset. Only the choice is kept here: the run
// itself is loaded from the service, which owns every saved number.
import type { RunKind } from '../../../../shared/config'

export type LessonRun = { runId: number } | 'latest' | 'none'

const key = (kind: RunKind): string => `gradient-lab.lesson-run.${kind}`

export function lessonRun(kind: RunKind): LessonRun {
  try {
    const saved = localStorage.getItem(key(kind))
    if (saved === 'none') return 'none'
    const runId = Number(saved)
    if (saved && Number.isSafeInteger(runId) && runId > 0) return { runId }
  } catch {
    // storage can be unavailable (privacy settings): show the newest run then
  }
  return 'latest'
}

export function setLessonRun(kind: RunKind, run: LessonRun): void {
  try {
    if (run === 'latest') localStorage.removeItem(key(kind))
    else localStorage.setItem(key(kind), run === 'none' ? 'none' : String(run.runId))
  } catch {
    // not remembered across reloads; the lesson still shows it now
  }
}
