// Section 4.3: the numerical derivative of f at x, central or forward, in float64 or float32.
import { choiceRow, configParser, type FieldSpec } from '../fields'
import { num, oneOf, type Infer } from '../schema'
import { functionRow, computedOnce } from './chapter4'
import type { KindDescriptor } from './kind'

const rows = [
  functionRow(1),
  { key: 'x', parse: num({ min: -1e6, max: 1e6 }), text: 'number', meta: 'X', help: 'the point x', label: { en: 'x', ko: 'x' } },
  { key: 'h', parse: num({ gt: 0, max: 10 }), text: 'number', meta: 'H', help: 'the step h of the difference', label: { en: 'h', ko: 'h' } },
  choiceRow({
    key: 'method', parse: oneOf('central', 'forward'), help: 'the difference',
    label: { en: 'Difference', ko: '차분' }, values: { central: { en: 'central', ko: '중심' }, forward: { en: 'forward', ko: '전방' } }
  }),
  { key: 'precision', parse: oneOf('float64', 'float32'), text: 'word', meta: 'float64|float32', help: 'the arithmetic', label: { en: 'Arithmetic', ko: '연산 정밀도' } }
] as const satisfies readonly FieldSpec[]

export const parseDerivative = configParser('derivative', rows)
export type DerivativeConfig = Infer<typeof parseDerivative>

const notebook: DerivativeConfig = { kind: 'derivative', f: 'function_1', x: 5, h: 1e-4, method: 'central', precision: 'float64' }

export const derivative = {
  kind: 'derivative',
  lesson: { section: '4.3', title: { en: 'Numerical differentiation', ko: '수치 미분' }, blurb: { en: 'The derivative by a small difference: central and forward, the tangent line, and why h must be neither too big nor too small.', ko: '작은 차이로 구하는 미분: 중심 차분과 전방 차분, 접선, 그리고 h가 너무 커도 너무 작아도 안 되는 이유.' } },
  ...computedOnce(rows, parseDerivative, notebook),
  params: () => [['x', 1, 1], ['d', 1, 2]],
  defaultName: (c, lang) => (lang === 'en' ? `Derivative of ${c.f} at ${c.x}` : `${c.f}의 x = ${c.x}에서의 미분`),
  keyParams: (c) => `f=${c.f}, x=${c.x}, h=${c.h}, ${c.method}, ${c.precision}`
} satisfies KindDescriptor<DerivativeConfig>
