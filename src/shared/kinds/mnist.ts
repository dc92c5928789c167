// Section 4.5.3: the 784-H-10 network on MNIST with mini-batch gradient descent. Its snapshots
// are float32 (a 784x512 W1 a few hundred times over), its evaluations carry a confusion matrix.
import { choiceRow, kindFields, fields, FORMULATIONS, gradientRow, hRow, lrRow, seedRow, valueWords, type FieldSpec } from '../fields'
import { optional, type Infer } from '../schema'
import type { Formulation } from '../../engine/types'
import type { KindDescriptor, Language, Words } from './kind'
import { hWhenNumerical, lrText, seedText } from './words'

/** Images in MNIST's training set. */
export const MNIST_TRAIN_SIZE = 60000

/** Iterations of batch size B in one epoch, as the book counts them. */
export const iterationsPerEpoch = (batch: number): number => Math.max(Math.round(MNIST_TRAIN_SIZE / batch), 1)

const FORMULATION_WORDS = {
  textbook: { en: 'textbook (notebook)', ko: '교재 (노트북 그대로)' },
  standard: { en: 'standard', ko: '표준' },
  twolayernet: { en: 'chapter 5 (TwoLayerNet)', ko: '5장 2층 신경망' }
} as const satisfies Record<(typeof FORMULATIONS)[number] & Formulation, Words>

const EVAL_SCHEDULE_WORDS = {
  every: { en: 'every K iterations (notebook)', ko: 'K 반복마다 (노트북)' },
  book: { en: 'the book’s: iteration 1, then each epoch', ko: '책: 1번째 반복, 그 뒤 에폭마다' }
} as const

const formulationRow = choiceRow({
  key: 'formulation', parse: fields.formulation, help: 'the model and its conventions (docs/models.md)', label: { en: 'Formulation', ko: '모델 형태' }, values: FORMULATION_WORDS
})

const rows = [
  seedRow,
  { key: 'hidden', parse: fields.hidden, text: 'integer', meta: 'H', help: 'hidden units (784-H-10 network)', label: { en: 'Hidden units', ko: '은닉 유닛 수' } },
  {
    key: 'batch', parse: fields.batch, text: 'integer', meta: 'B', help: `mini-batch size, drawn with np.random.choice(${MNIST_TRAIN_SIZE}, B)`,
    label: { en: 'Batch size', ko: '배치 크기' }
  },
  { key: 'iterations', parse: fields.iterations, text: 'integer', meta: 'N', help: 'training iterations (one mini-batch each)', label: { en: 'Iterations', ko: '반복 횟수' } },
  lrRow,
  gradientRow,
  formulationRow,
  { ...hRow, help: 'step of the numerical gradient' },
  {
    key: 'evalEvery', parse: fields.evalEvery, text: 'integer', meta: 'K', help: 'train and test accuracy every K iterations (0: after the last only)',
    label: { en: 'Evaluate every (iterations)', ko: '평가 간격 (반복)' }
  },
  choiceRow({
    key: 'evalSchedule', parse: optional(fields.evalSchedule),
    help: 'every: after every K-th iteration (--eval-every); book: as ch05/train_neuralnet.py, after iteration 1 and every max(60000/B, 1) after it',
    label: { en: 'Evaluate on', ko: '평가 시점' }, values: EVAL_SCHEDULE_WORDS
  }),
  {
    key: 'snapshotEvery', parse: optional(fields.snapshotEvery, 600), text: 'integer', meta: 'K',
    help: 'store the parameters every K iterations (and after the last)', label: { en: 'Snapshot every (iterations)', ko: '스냅샷 간격 (반복)' }
  },
  {
    key: 'threads', parse: optional(fields.threads), text: 'integer', meta: 'N',
    help: 'threads for the numerical gradient and the evaluations (0: every core); every number is the same for any N',
    label: { en: 'Threads (0: every core)', ko: '스레드 (0: 모든 코어)' }
  }
] as const satisfies readonly FieldSpec[]

const base = kindFields('mnist', rows)
export const parseMnist = base.parse
export type MnistConfig = Infer<typeof parseMnist>

const notebook: MnistConfig = {
  kind: 'mnist',
  seed: 1,
  hidden: 64,
  batch: 100,
  iterations: 100,
  lr: 0.1,
  gradient: 'numerical',
  formulation: 'textbook',
  h: 1e-4,
  evalEvery: 1,
  snapshotEvery: 1
}

/** The fast default for the MNIST lesson and `lab train mnist`: standard model, backprop, one epoch. */
export const mnistQuickStart: MnistConfig = {
  kind: 'mnist',
  seed: 1,
  hidden: 64,
  batch: 100,
  iterations: 600,
  lr: 0.1,
  gradient: 'backprop',
  formulation: 'standard',
  h: 1e-4,
  evalEvery: 100,
  evalSchedule: 'every',
  snapshotEvery: 100,
  threads: 0
}

const gradientWords = (c: MnistConfig, lang: Language): string => valueWords(gradientRow, c.gradient, lang)
const formulationWords = (c: MnistConfig, lang: Language): string => valueWords(formulationRow, c.formulation, lang)

const keyWords = {
  en: (c: MnistConfig): string[] => [`hidden ${c.hidden}`, `batch ${c.batch}`, `${c.iterations} it`],
  ko: (c: MnistConfig): string[] => [`은닉 ${c.hidden}`, `배치 ${c.batch}`, `${c.iterations}회 반복`]
}

export const mnist = {
  ...base,
  lesson: { section: '4.5.3', title: { en: 'MNIST with two layers', ko: '2층 신경망 MNIST' }, blurb: { en: 'A two-layer network learns handwritten digits: loss, accuracy, weights as images, draw your own.', ko: '2층 신경망이 손글씨 숫자를 배웁니다: 손실, 정확도, 그림으로 본 가중치, 직접 그린 숫자.' } },
  notebook,
  defaults: mnistQuickStart,
  run: 'step',
  firstStep: 1,
  stepNoun: 'iteration',
  params: (c) => [['W1', 784, c.hidden], ['b1', 1, c.hidden], ['W2', c.hidden, 10], ['b2', 1, 10]],
  grads: false,
  precision: 4,
  confusion: true,
  predictions: 0,
  // 5,000 MNIST snapshots would be ~200M numbers: its views ask for one snapshot at a time
  history: false,
  dataset: 'mnist',
  livePoints: 2000,
  totalSteps: (c) => c.iterations,
  // every iteration is logged; snapshots every K and at the last; evaluations every K (or on the
  // book's schedule: after 1 and every 60000/B, src/engine/mnist/schedule.ts) and at the last
  counts: (c) => ({
    metrics: c.iterations,
    paramSnapshots: Math.min(c.iterations, Math.floor(c.iterations / c.snapshotEvery) + 1),
    evalSnapshots: Math.min(
      c.iterations,
      c.evalSchedule === 'book'
        ? Math.floor((c.iterations - 1) / Math.max(MNIST_TRAIN_SIZE / c.batch, 1)) + 2
        : c.evalEvery > 0 ? Math.floor(c.iterations / c.evalEvery) + 1 : 1
    )
  }),
  // on the book's schedule K is not used
  applies: (c, key) => hWhenNumerical(c, key) && (key !== 'evalEvery' || c.evalSchedule !== 'book'),
  budgetKnobs: ['snapshotEvery', 'evalEvery'],
  defaultName: (c, lang) =>
    lang === 'en'
      ? `MNIST ${c.formulation} ${c.gradient}, hidden ${c.hidden}, lr ${c.lr}`
      : `MNIST ${formulationWords(c, lang)} ${gradientWords(c, lang)}, 은닉 ${c.hidden}, 학습률 ${c.lr}`,
  keyParams: (c, lang) => [...keyWords[lang](c), lrText(c.lr, lang), gradientWords(c, lang), formulationWords(c, lang), seedText(c.seed, lang)].join(', '),
  cli: {
    defaults: mnistQuickStart,
    summary: 'Section 4.5.3: the 784-H-10 network on MNIST with mini-batch gradient descent. JSON: per iteration {iteration, loss}, with trainAcc and testAcc every K; last {done, runId}.',
    json: (r) => ({
      iteration: r.step,
      loss: r.loss,
      ...(r.trainAcc !== undefined ? { trainAcc: r.trainAcc } : {}),
      ...(r.testAcc !== undefined ? { testAcc: r.testAcc } : {})
    }),
    human(r) {
      const acc = r.trainAcc !== undefined ? `, Train Accuracy : ${r.trainAcc}, Test Accuracy : ${r.testAcc}` : ''
      return `Iteration : ${r.step}, Cost : ${r.loss}${acc}`
    },
    printed: () => true
  }
} satisfies KindDescriptor<MnistConfig>
