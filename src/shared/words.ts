// Fills a worded template: `{name}` takes vars.name; `{name|을/를}` also adds the Korean particle
// that the value's last sound calls for (을 after a consonant, 를 after a vowel; `{n|으로/로}`
// knows ㄹ); `{“name”|을/를}` puts the value in quotes before its particle. One function for
// every catalogue: the UI's, the welcome page's, the problems'.
import { withParticle } from './particle'

const SLOT = /\{(“?)(\w+)(”?)(?:\|([^/}]+)\/([^}]+))?\}/g

export function fill(template: string, vars: Record<string, string | number> = {}): string {
  return template.replace(SLOT, (slot, open: string, name: string, close: string, afterConsonant?: string, afterVowel?: string) => {
    if (!(name in vars)) return slot
    const value = `${open}${vars[name]}${close}`
    return afterConsonant && afterVowel ? withParticle(value, afterConsonant, afterVowel) : value
  })
}
