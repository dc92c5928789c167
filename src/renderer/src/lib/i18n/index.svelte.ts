// The interface language (KO/EN), remembered in localStorage, and `t(key)` for UI strings.
import { LANGUAGES, type Language } from '../../../../shared/language'
import { wordProblem, type Problem } from '../../../../shared/problems'
import { fill } from '../../../../shared/words'
import { strings } from './strings'

const STORAGE_KEY = 'gradient-lab.lang'

function initialLang(): Language {
  try {
    const saved = localStorage.getItem(STORAGE_KEY)
    if ((LANGUAGES as readonly (string | null)[]).includes(saved)) return saved as Language
  } catch {
    // storage can be unavailable (privacy settings); the default is fine then
  }
  return navigator.language.startsWith('ko') ? 'ko' : 'en'
}

export const i18n = $state<{ lang: Language }>({ lang: initialLang() })

export function setLang(lang: Language): void {
  i18n.lang = lang
  document.documentElement.lang = lang
  try {
    localStorage.setItem(STORAGE_KEY, lang)
  } catch {
    // not remembered, still switched
  }
}

/**
 * The one lookup and the one way to declare a renderer catalogue (the UI's, the library's, the
 * welcome page's, a lesson's or a component's own): `words({ en: {…}, ko: {…} })` gives the text in
 * the interface language, its `{slots}` filled (with Korean particles, see words.ts). The keys are
 * inferred from both languages, so a key missing in either is a type error and there is no fallback
 * to hide a gap.
 */
export function words<K extends string>(both: Record<Language, Record<K, string>>): (key: K, vars?: Record<string, string | number>) => string {
  return (key, vars = {}) => fill(both[i18n.lang][key], vars)
}

export const t = words(strings)

/** Pick the current language's variant of a bilingual value (lesson text). */
export function pick<T>(both: Record<Language, T>): T {
  return both[i18n.lang]
}

/** What an error says, in the interface language when the host gave it as a problem (a code and its parameters). */
export function describeError(err: unknown): string {
  if (err instanceof Error && 'problem' in err && err.problem) return wordProblem(err.problem as Problem, i18n.lang)
  return err instanceof Error ? err.message : String(err)
}
