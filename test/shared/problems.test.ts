// Problems are worded in the UI's language: a refused import in Korean is Korean to the last word
// (only the file's own name may carry Latin letters), particles follow the word before them, and
// a problem that crossed a process boundary is checked before it is worded.
import { describe, expect, it } from 'vitest'
import { importRunText } from '../../src/services/runfile'
import { ApiFailure } from '../../src/services/errors'
import { parseProblem, wordProblem, type Problem } from '../../src/shared/problems'
import { fill } from '../../src/shared/words'
import { RunStore } from '../../src/services/store/run-store'
import { join } from 'node:path'
import { tempDir } from '../services/tmp'

async function refusal(content: string): Promise<ApiFailure> {
  const store = new RunStore(join(tempDir(), 'lab.db'))
  try {
    await importRunText(store, content, 'bogus.glrun')
  } catch (e) {
    return e as ApiFailure
  } finally {
    store.close()
  }
  throw new Error('the import was not refused')
}

describe('problems', () => {
  it('a file that is not JSON is refused with a problem that reads in Korean without Latin letters', async () => {
    const e = await refusal('not json at all')
    expect(e.problem).toBeDefined()
    expect(e.message).toMatch(/^This run file cannot be imported: line 1 is not JSON \(.+\): the file is damaged or truncated\. Nothing was changed\.$/)
    const ko = wordProblem(e.problem!, 'ko')
    expect(ko).toBe('이 실행 파일은 가져올 수 없습니다: 1번째 줄을 읽을 수 없습니다: 파일이 손상되었거나 잘렸습니다. 아무것도 바뀌지 않았습니다.')
    expect(ko).not.toMatch(/[A-Za-z]/)
  })

  it('a rule given in English keeps the line it names for the other languages', async () => {
    const e = await refusal('{"format":"gradient-lab-run","version":2,"run":{},"counts":{}}\n')
    expect(e.message).toContain('run')
    expect(wordProblem(e.problem!, 'ko')).not.toMatch(/[A-Za-z]/)
  })

  it('puts the particle that the last sound calls for', () => {
    expect(fill('{“f”|을/를}', { f: 'bogus.glrun' })).toBe('“bogus.glrun”을')
    expect(fill('{“f”|을/를}', { f: '노트북' })).toBe('“노트북”을')
    expect(fill('{f|을/를}', { f: '실행 파일' })).toBe('실행 파일을')
    expect(fill('{“f”|을/를}', { f: '데이터' })).toBe('“데이터”를')
    expect(fill('#{id|으로/로}', { id: 3 })).toBe('#3으로')
    expect(fill('#{id|으로/로}', { id: 7 })).toBe('#7로')
    expect(fill('#{id|으로/로}', { id: 2 })).toBe('#2로')
    expect(fill('{a} {b}', { a: 1 })).toBe('1 {b}')
  })

  it('drops a malformed problem from the other side, and keeps a well-formed one', () => {
    const ok: Problem = { id: 'run.notFound', params: { id: 4 } }
    expect(parseProblem(JSON.parse(JSON.stringify(ok)))).toEqual(ok)
    expect(parseProblem({ id: 'no.such.problem' })).toBeUndefined()
    expect(parseProblem({ id: 'run.notFound', params: { id: { toString: 1 } } })).toBeUndefined()
    expect(parseProblem('run.notFound')).toBeUndefined()
    expect(wordProblem(ok, 'ko')).toBe('실행 4가 없습니다')
  })
})
