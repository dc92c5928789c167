// A rejected value worded in the UI's language from the rule's data (not by rewriting the English
// message the services print), naming the field as its label on screen does.
import type { Rule } from '../../../../shared/schema'
import { ValidationError } from '../../../../shared/schema'
import { withParticle } from '../../../../shared/particle'
import type { Language } from '../../../../shared/language'


/** The rule as a noun phrase ("a number greater than 0 and at most 1000"). */
function allowed(rule: Rule, lang: Language, english: string): string {
  switch (rule.kind) {
    case 'number': {
      if (lang === 'en') return english
      // every limit but the last joins with the next; the last qualifies "숫자"
      const parts: [string, string][] = []
      if (rule.gt !== undefined) parts.push([`${rule.gt}보다 크고`, `${rule.gt}보다 큰`])
      if (rule.min !== undefined) parts.push([`${rule.min} 이상`, `${rule.min} 이상인`])
      if (rule.max !== undefined) parts.push([`${rule.max} 이하`, `${rule.max} 이하인`])
      if (!parts.length) return '유한한 숫자'
      return [...parts.slice(0, -1).map((p) => p[0]), parts[parts.length - 1][1], '숫자'].join(' ')
    }
    case 'integer':
      return lang === 'en' ? english : `${rule.min}부터 ${rule.max}까지의 정수`
    case 'oneOf':
      return lang === 'en' ? english : `${rule.values.join(', ')} 중 하나`
    case 'text':
      return lang === 'en' ? english : `${rule.min}자에서 ${rule.max}자 사이의 글`
    case 'list':
      return lang === 'en' ? english : `${rule.min}개에서 ${rule.max}개 사이의 값`
    case 'oneHot':
      return lang === 'en' ? english : '세 값 중 정확히 하나만 1인 원-핫 값'
    case 'boolean':
      return lang === 'en' ? english : '참 또는 거짓'
    case 'object':
    case 'unknownField':
    case 'other':
      return english
  }
}

/**
 * `error` (from a field's parser) as the field's message: `name` is the field's label, `typed`
 * what the learner typed (shown as typed; the parser saw it as a number, NaN when it was none).
 */
export function fieldMessage(error: unknown, name: string, typed: string, lang: Language): string {
  if (!(error instanceof ValidationError)) return error instanceof Error ? error.message : String(error)
  const rule = allowed(error.rule, lang, error.allowed)
  if (lang === 'ko') return `${name}: ${withParticle(rule, '이어야', '여야')} 합니다 (${typed === '' ? '입력 없음' : `입력값 "${typed}"`})`
  return `${name} must be ${rule} (got ${typed === '' ? 'nothing' : `"${typed}"`})`
}
