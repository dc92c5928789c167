// A typed expression's problem (src/engine/expr) in the UI's language. English is the engine's own
// wording, the same line `lab` prints; Korean says the same, position first.
import { describeExprProblem, FUNCTIONS, variablesOf, type Arity, type ExprProblem } from '../../../../engine'
import type { Language as Lang } from '../../../../shared/language'
import { endsInConsonant, withParticle } from '../../../../shared/particle'

function korean(p: ExprProblem, arity: Arity): string {
  const vars = variablesOf(arity).join(', ')
  const builtin = arity === 1 ? 'function_1' : 'function_2'
  const allowed = `변수 ${vars}, 숫자, + - * / ** ^, 괄호, 함수 ${FUNCTIONS.join(' ')}`
  switch (p.code) {
    case 'empty':
      return `식이 비어 있습니다. ${builtin} 또는 ${vars}의 식을 쓰세요.`
    case 'character':
      return `${p.position}번째 글자 "${p.char}"는 식에 쓸 수 없습니다. 쓸 수 있는 것: ${allowed}`
    case 'name':
      return `${p.position}번째 글자의 "${p.name}"${endsInConsonant(p.name) ? '은' : '는'} 모르는 이름입니다. 변수는 ${vars}, 함수는 ${FUNCTIONS.join(' ')}입니다.`
    case 'call':
      return (FUNCTIONS as readonly string[]).includes(p.name)
        ? `${p.position}번째 글자의 ${p.name}에는 괄호 안에 인수 하나가 필요합니다. 예: ${p.name}(${variablesOf(arity)[0]})`
        : `${p.position}번째 글자의 ${withParticle(p.name, '은', '는')} 변수이지 함수가 아닙니다. 곱하려면 *를 쓰세요.`
    case 'syntax':
      return p.kind === 'end'
        ? `${p.position}번째 글자에서 식이 너무 일찍 끝납니다. 마지막 연산자 뒤에 무엇이 빠졌습니다.`
        : p.kind === 'paren'
          ? `${p.position}번째 글자에 닫는 괄호 ")"가 빠졌습니다.`
          : `${p.position}번째 글자에서 식을 읽을 수 없습니다. 쓸 수 있는 것: ${allowed}`
    case 'builtin':
      return `${withParticle(p.name, '은', '는')} 변수가 ${p.name === 'function_1' ? '하나(x)' : '둘(x0, x1)'}인 함수입니다. 여기서는 ${builtin} 또는 ${vars}의 식을 쓰세요.`
  }
}

export const exprProblemText = (p: ExprProblem, arity: Arity, lang: Lang): string =>
  lang === 'ko' ? korean(p, arity) : describeExprProblem(p, arity)
