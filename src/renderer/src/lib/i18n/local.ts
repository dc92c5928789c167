// A component's or lesson's own strings, kept beside it in both languages (the app-wide table in
// strings.ts holds what several pages share). `say(key, vars)` reads the current language.
import { pick } from './index.svelte'

export type Table<K extends string> = { en: Record<K, string>; ko: Record<K, string> }

export function localStrings<K extends string>(table: Table<K>): (key: K, vars?: Record<string, string | number>) => string {
  return (key, vars = {}) => pick(table)[key].replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? `{${k}}`))
}
