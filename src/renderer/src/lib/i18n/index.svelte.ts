// The interface language (KO/EN), remembered in localStorage, and `t(key)` for UI strings.
import { LANGUAGES, type Language } from '../../../../shared/language'
import { strings, type StringKey } from './strings'

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

export function t(key: StringKey, vars: Record<string, string | number> = {}): string {
  const text = strings[i18n.lang][key] ?? strings.en[key]
  return text.replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? `{${name}}`))
}

/** Pick the current language's variant of a bilingual value (lesson text). */
export function pick<T>(both: Record<Language, T>): T {
  return both[i18n.lang]
}
