// Reads docs/glossary.md's table: shared by the unit test over the sources and the Korean e2e walk.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'

export interface Term {
  en: string
  ko: string
  /** Synonyms no text may use instead of `ko`. */
  not: string[]
}

export function readGlossary(path = join(__dirname, '..', 'docs', 'glossary.md')): Term[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.startsWith('| ') && !line.startsWith('| English'))
    .map((line) => line.split('|').slice(1, -1).map((cell) => cell.trim()))
    .map(([en, ko, not]) => ({ en, ko, not: not === '—' ? [] : not.split(',').map((w) => w.trim()) }))
}

/** The forbidden synonyms that `text` contains, in the glossary's order. */
export function forbiddenTerms(text: string, glossary: Term[]): string[] {
  return glossary.flatMap((g) => g.not).filter((word) => text.includes(word))
}
