// Section 4.2: the book's mean squared error and cross-entropy (delta 1e-7) of one output y
// against the label t. Its run is one computation; the MNIST mini-batch is the lesson's alone.
import { configParser, type FieldSpec } from '../fields'
import { array, int, num, type Infer } from '../schema'
import { computedOnce } from './chapter4'
import type { KindDescriptor } from './kind'

const rows = [
  {
    key: 'y', parse: array(num({ min: 0, max: 1 }), { min: 2, max: 20, noun: 'numbers' }), text: 'numbers', meta: 'Y1,...,Yn',
    help: 'the output y, one probability per class', label: { en: 'Output y', ko: '출력 y' }
  },
  { key: 't', parse: int(0, 19), text: 'integer', meta: 'T', help: 'the correct class (a label from 0)', label: { en: 'Target t (label)', ko: '정답 t (레이블)' } }
] as const satisfies readonly FieldSpec[]

export const parseLoss = configParser('loss', rows)
export type LossConfig = Infer<typeof parseLoss>

const notebook: LossConfig = { kind: 'loss', y: [0.1, 0.05, 0.6, 0.0, 0.05, 0.1, 0.0, 0.1, 0.0, 0.0], t: 2 }

export const loss = {
  kind: 'loss',
  lesson: { section: '4.2', title: { en: 'Loss functions', ko: '손실 함수' }, blurb: { en: 'Mean squared error and cross-entropy, term by term, on one output and on a mini-batch of MNIST digits.', ko: '평균 제곱 오차와 교차 엔트로피 오차를 항 하나하나, 출력 하나와 MNIST 미니배치에서 계산합니다.' } },
  ...computedOnce(rows, parseLoss, notebook),
  params: (c) => [['y', 1, c.y.length], ['t', 1, c.y.length], ['E', 1, 2]],
  defaultName: (c, lang) => (lang === 'en' ? `Losses, t = ${c.t}` : `손실, t = ${c.t}`),
  keyParams: (c) => `y=(${c.y.join(', ')}), t=${c.t}`
} satisfies KindDescriptor<LossConfig>
