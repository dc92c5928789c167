// A lesson's unsaved inputs, kept in localStorage so that a reload (or a restart of the app)
// brings the learner back to what they had typed, not to the defaults. Only inputs that parse
// are kept: the parser of the lesson's kind reads them back, so a stale or edited entry is
// dropped, never shown.
import type { RunKind } from '../../../../shared/config'

const key = (kind: RunKind): string => `gradient-lab.draft.${kind}`

export function readDraft<C>(kind: RunKind, parse: (value: unknown, field: string) => C): C | null {
  try {
    const saved = localStorage.getItem(key(kind))
    return saved ? parse(JSON.parse(saved), 'draft') : null
  } catch {
    // unavailable storage, or a draft that no longer parses: the lesson starts fresh
    return null
  }
}

export function saveDraft(kind: RunKind, config: unknown): void {
  try {
    localStorage.setItem(key(kind), JSON.stringify(config))
  } catch {
    // not kept across reloads; the lesson still has it now
  }
}

export function clearDraft(kind: RunKind): void {
  try {
    localStorage.removeItem(key(kind))
  } catch {
    // nothing kept
  }
}
