// Section 4.4.2: SimpleNet, a 2x3 weight matrix on one example. Its run is one instant
// computation (W, p, the loss and dW, after `steps` gradient steps), not a training loop.
import { choiceRow, kindFields, fields, hRow, LR_LABEL, oneHot, seedRow, type FieldSpec } from '../fields'
import { optional, type Infer } from '../schema'
import type { KindDescriptor } from './kind'

const LOSS_WORDS = {
  notebook: { en: 'notebook (δ = 1e-4)', ko: '노트북 (δ = 1e-4)' },
  book: { en: 'book, common/functions.py (δ = 1e-7)', ko: '책 (δ = 1e-7)' }
} as const

const rows = [
  seedRow,
  { key: 'x', parse: fields.x, text: 'numbers', meta: 'a,b', help: 'the input x', label: { en: 'Input x', ko: '입력 x' } },
  { key: 't', parse: oneHot, text: 'numbers', meta: 'i,j,k', help: 'the label t', label: { en: 'Target t (one-hot)', ko: '정답 t (원-핫)' } },
  hRow,
  {
    key: 'W', parse: optional(fields.W), text: 'numbers', meta: 'w11,...,w23', help: 'the six weights, row by row, instead of randn(2,3) from the seed',
    label: { en: 'Weights W (editable)', ko: '가중치 W (편집 가능)' }
  },
  choiceRow({
    key: 'formulation', parse: optional(fields.simplenetFormulation),
    help: "the loss: the notebook's cross-entropy (delta 1e-4) or the book's common/functions.py (delta 1e-7); docs/models.md",
    label: { en: 'Loss', ko: '손실' }, values: LOSS_WORDS
  }),
  {
    key: 'steps', parse: optional(fields.steps, 0), text: 'integer', meta: 'N', help: 'gradient-descent steps W -= lr*dW before W, p, loss and dW are shown',
    label: { en: 'Gradient steps', ko: '기울기 단계 수' }
  },
  { key: 'lr', parse: optional(fields.lr, 0.1), text: 'number', meta: 'X', help: 'learning rate of those steps', label: LR_LABEL }
] as const satisfies readonly FieldSpec[]

const base = kindFields('simplenet', rows)
export const parseSimpleNet = base.parse
export type SimpleNetConfig = Infer<typeof parseSimpleNet>

const notebook: SimpleNetConfig = { kind: 'simplenet', seed: 1, x: [0.6, 0.9], t: [0, 0, 1], h: 1e-4, steps: 0, lr: 0.1 }

export const simplenet = {
  ...base,
  lesson: { section: '4.4.2', title: { en: 'Gradient of SimpleNet', ko: 'SimpleNet의 기울기' }, blurb: { en: 'The gradient of a loss with respect to a 2×3 weight matrix, by numerical differentiation and by backprop.', ko: '2×3 가중치 행렬에 대한 손실의 기울기를 수치 미분과 역전파로 구합니다.' } },
  notebook,
  // the notebook's, its loss spelled out (so `lab simplenet --help` names the default)
  defaults: { ...notebook, formulation: 'notebook' },
  run: 'computed',
  firstStep: 0,
  // a descent step over its one example is an epoch
  stepNoun: 'epoch',
  params: () => [['W', 2, 3]],
  grads: true,
  precision: 8,
  confusion: false,
  predictions: 3,
  history: true,
  dataset: null,
  livePoints: null,
  totalSteps: (c) => c.steps,
  // step 0 (the starting point) and every descent step; W and dW at the start and the end
  counts: (c) => ({ metrics: c.steps + 1, paramSnapshots: 2, evalSnapshots: 0 }),
  // lr is the step size of the descent steps: nothing before the first
  applies: (c, key) => key !== 'lr' || c.steps > 0,
  budgetKnobs: [],
  defaultName: (c, lang) => (lang === 'en' ? `SimpleNet seed ${c.seed}` : `SimpleNet 시드 ${c.seed}`),
  keyParams(c, lang) {
    const words = lang === 'en' ? { seed: 'seed', steps: `${c.steps} steps × lr ${c.lr}` } : { seed: '시드', steps: `${c.steps}단계 × 학습률 ${c.lr}` }
    return [`${words.seed} ${c.seed}`, `x=(${c.x.join(', ')})`, `h ${c.h}`, ...(c.steps ? [words.steps] : [])].join(', ')
  }
} satisfies KindDescriptor<SimpleNetConfig>
