// Section 4.4: the book's numerical_gradient of f(x0, x1) at a point.
import { configParser, type FieldSpec } from '../fields'
import { num, type Infer } from '../schema'
import { functionRow, computedOnce } from './chapter4'
import type { KindDescriptor } from './kind'

const coordinate = num({ min: -1000, max: 1000 })
const rows = [
  functionRow(2),
  { key: 'x0', parse: coordinate, text: 'number', meta: 'X0', help: 'the point’s x0', label: { en: 'x0', ko: 'x0' } },
  { key: 'x1', parse: coordinate, text: 'number', meta: 'X1', help: 'the point’s x1', label: { en: 'x1', ko: 'x1' } },
  { key: 'h', parse: num({ gt: 0, max: 10 }), text: 'number', meta: 'H', help: 'the step h of the difference', label: { en: 'h', ko: 'h' } }
] as const satisfies readonly FieldSpec[]

export const parseGradient = configParser('gradient', rows)
export type GradientConfig = Infer<typeof parseGradient>

const notebook: GradientConfig = { kind: 'gradient', f: 'function_2', x0: 3, x1: 4, h: 1e-4 }

export const gradient = {
  kind: 'gradient',
  lesson: { section: '4.4', title: { en: 'Gradient', ko: '기울기' }, blurb: { en: 'The gradient of a function of two variables, and the field of −∇f pointing downhill everywhere.', ko: '두 변수 함수의 기울기와, 어디서나 내리막을 가리키는 −∇f의 화살표.' } },
  ...computedOnce(rows, parseGradient, notebook),
  params: () => [['x', 1, 2], ['grad', 1, 2]],
  defaultName: (c, lang) => (lang === 'en' ? `Gradient of ${c.f} at (${c.x0}, ${c.x1})` : `${c.f}의 (${c.x0}, ${c.x1})에서의 기울기`),
  keyParams: (c) => `f=${c.f}, (${c.x0}, ${c.x1}), h=${c.h}`
} satisfies KindDescriptor<GradientConfig>
