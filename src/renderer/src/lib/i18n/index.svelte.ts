// The interface language (KO/EN), remembered in localStorage, and `t(key)` for UI strings.
import { strings, type StringKey } from './strings'

export type Lang = 'en' | 'ko'

const STORAGE_KEY = 'gradient-lab.lang'

function initialLang(): Lang {
  try {
    const saved = localStorage.getItem(STORAGE_KEY)
    if (saved === 'en' || saved === 'ko') return saved
  } catch {
    // storage can be unavailable (privacy settings); the default is fine then
  }
  return navigator.language.startsWith('ko') ? 'ko' : 'en'
}

export const i18n = $state<{ lang: Lang }>({ lang: initialLang() })

export function setLang(lang: Lang): void {
  i18n.lang = lang
  document.documentElement.lang = lang
  try {
    localStorage.setItem(STORAGE_KEY, lang)
  } catch {
    // not remembered, still switched
  }
}

export function t(key: StringKey, vars: Record<string, string | number> = {}): string {
  return fill(strings[i18n.lang][key] ?? strings.en[key], vars)
}

/** A text with its {name} placeholders filled in. */
export const fill = (text: string, vars: Record<string, string | number>): string =>
  text.replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? `{${name}}`))

/** `t` for a component's own bilingual table (kept beside the component rather than in strings.ts). */
export const sayer =
  <K extends string>(table: Record<Lang, Record<K, string>>) =>
  (key: K, vars: Record<string, string | number> = {}): string =>
    fill(table[i18n.lang][key], vars)

/** Pick the current language's variant of a bilingual value (lesson text). */
export function pick<T>(both: Record<Lang, T>): T {
  return both[i18n.lang]
}
