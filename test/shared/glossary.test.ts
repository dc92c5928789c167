// One word for one idea: docs/glossary.md names the term every Korean text uses and the synonyms
// it forbids; no file of the app, its notebooks or its docs may use a forbidden one.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'
import { forbiddenTerms, readGlossary } from '../../e2e/glossary'

const ROOT = join(__dirname, '..', '..')
const TEXT = /\.(ts|svelte|md|html)$/

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return files(path)
    return TEXT.test(name) ? [path] : []
  })
}

describe('the glossary', () => {
  const glossary = readGlossary()

  it('is a table of terms, each with its Korean word', () => {
    expect(glossary.length).toBeGreaterThan(20)
    expect(glossary.find((g) => g.en === 'gradient')?.ko).toBe('기울기')
    expect(glossary.find((g) => g.en === 'step')?.not).toContain('스텝')
  })

  it('catches a forbidden synonym (the check can fail)', () => {
    expect(forbiddenTerms('이 레슨의 테스트 정확도', glossary)).toEqual(['레슨', '테스트'])
    expect(forbiddenTerms('이 단원의 시험 정확도', glossary)).toEqual([])
  })

  it('no file under src/ or docs/ uses a synonym it forbids', () => {
    const found: string[] = []
    for (const file of [...files(join(ROOT, 'src')), ...files(join(ROOT, 'docs')), join(ROOT, 'README.md')]) {
      if (file.endsWith('glossary.md')) continue
      readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          for (const word of forbiddenTerms(line, glossary)) found.push(`${relative(ROOT, file)}:${i + 1}: ${word}`)
        })
    }
    expect(found).toEqual([])
  })
})
