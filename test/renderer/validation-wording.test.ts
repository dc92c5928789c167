// Field messages worded from the rule's data in each language, checked against sentences written
// out by hand, and the particles chosen by the last sound of the word before them.
import { describe, expect, it } from 'vitest'
import { fields } from '../../src/shared/fields'
import { fieldMessage } from '../../src/renderer/src/lib/i18n/validation'
import { withParticle } from '../../src/renderer/src/lib/i18n/particle'

const rejection = (parse: (v: unknown, field: string) => unknown, v: unknown): unknown => {
  try {
    parse(v, 'config.lr')
  } catch (e) {
    return e
  }
  throw new Error(`${String(v)} was accepted`)
}

describe('field messages', () => {
  it('word the learning-rate rule in English and Korean, naming the field by its label', () => {
    const e = rejection(fields.lr, NaN)
    expect(fieldMessage(e, 'Learning rate', 'abc', 'en')).toBe('Learning rate must be a number greater than 0 and at most 1000 (got "abc")')
    expect(fieldMessage(e, '학습률', 'abc', 'ko')).toBe('학습률: 0보다 크고 1000 이하인 숫자여야 합니다 (입력값 "abc")')
    expect(fieldMessage(e, '학습률', '', 'ko')).toBe('학습률: 0보다 크고 1000 이하인 숫자여야 합니다 (입력 없음)')
  })

  it('word an integer range and a range of numbers', () => {
    expect(fieldMessage(rejection(fields.epochs, 0), '에폭', '0', 'ko')).toBe('에폭: 1부터 100000까지의 정수여야 합니다 (입력값 "0")')
    expect(fieldMessage(rejection(fields.epochs, 0), 'Epochs', '0', 'en')).toBe('Epochs must be an integer from 1 to 100000 (got "0")')
    const x = rejection((v, f) => fields.x([v, 0], f), 99999999)
    expect(fieldMessage(x, 'x₁', '99999999', 'ko')).toBe('x₁: -1000 이상 1000 이하인 숫자여야 합니다 (입력값 "99999999")')
  })

  it('keep the services’ English message as it was', () => {
    expect((rejection(fields.lr, 'abc') as Error).message).toBe('config.lr must be a number greater than 0 and at most 1000 (got "abc")')
  })
})

describe('Korean particles', () => {
  it('follow the last sound, digits and letters read the Korean way', () => {
    expect(withParticle('w11', '을', '를')).toBe('w11을') // 십일
    expect(withParticle('w12', '을', '를')).toBe('w12를') // 십이
    expect(withParticle('숫자', '이어야', '여야')).toBe('숫자여야')
    expect(withParticle('값', '이어야', '여야')).toBe('값이어야')
  })
})
