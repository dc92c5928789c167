// The playground: a small network of 0-6 hidden layers on 2-D data (generated from the seed,
// placed by hand or read from a CSV), trained by mini-batch gradient descent. Its records carry
// W1, b1, … of the configured network every logged epoch, and the test data's loss and accuracy.
import { EPOCHS_LABEL, fields, gradientRow, hRow, logEveryRow, lrRow, seedRow, valueWords, type FieldSpec } from '../fields'
import { checkPlayground, playgroundFields as pf } from '../playground-fields'
import { literal, object, type Infer, type Parser } from '../schema'
import type { KindDescriptor, Language, Shape, Words } from './kind'
import { epochsText, everyLogged, hWhenNumerical, loggedSteps, lrText, seedText } from './words'

const DATA_WORDS = {
  circle: { en: 'circle', ko: '원' },
  xor: { en: 'XOR quadrants', ko: 'XOR 사분면' },
  gauss: { en: 'two Gaussians', ko: '두 가우시안' },
  spiral: { en: 'spiral', ko: '나선' },
  moons: { en: 'two moons', ko: '두 초승달' },
  gates: { en: 'the four gate points (XOR)', ko: '게이트의 네 점 (XOR)' },
  custom: { en: 'your points', ko: '직접 찍은 점' }
} as const satisfies Record<string, Words>
const ACTIVATION_WORDS = {
  sigmoid: { en: 'sigmoid', ko: '시그모이드' },
  tanh: { en: 'tanh', ko: 'tanh' },
  relu: { en: 'ReLU', ko: 'ReLU' },
  linear: { en: 'linear', ko: '항등 (선형)' }
} as const satisfies Record<string, Words>
const LOSS_WORDS = {
  'cross-entropy': { en: 'cross-entropy error (the chapter’s)', ko: '교차 엔트로피 오차 (이 장의 것)' },
  squared: { en: 'mean squared error', ko: '평균 제곱 오차' }
} as const satisfies Record<string, Words>
const INIT_WORDS = {
  small: { en: '0.01·randn (the chapter’s)', ko: '0.01·randn (이 장의 것)' },
  xavier: { en: 'Xavier: randn·√(1/n)', ko: 'Xavier: randn·√(1/n)' },
  he: { en: 'He: randn·√(2/n)', ko: 'He: randn·√(2/n)' }
} as const satisfies Record<string, Words>
const REG_WORDS = {
  none: { en: 'none', ko: '없음' },
  l1: { en: 'L1: rate·Σ|W|', ko: 'L1: 비율·Σ|W|' },
  l2: { en: 'L2: rate·½ΣW²', ko: 'L2: 비율·½ΣW²' }
} as const satisfies Record<string, Words>

export const playgroundRows = [
  {
    key: 'data', parse: pf.data, text: 'word', meta: 'circle|xor|gauss|spiral|moons|gates|FILE.csv',
    help: 'a generated data set, or points from a CSV file (x1,x2,label lines, -6 to 6, labels 0 to 2)', label: { en: 'Data set', ko: '데이터셋' }, values: DATA_WORDS
  },
  { key: 'classes', parse: pf.classes, text: 'integer', meta: 'N', help: 'arms of the spiral, 2 or 3 (the other data sets have 2 classes)', label: { en: 'Spiral arms (classes)', ko: '나선 팔 수 (클래스)' } },
  { key: 'points', parse: pf.points, text: 'integer', meta: 'N', help: 'points generated', label: { en: 'Points', ko: '점 개수' } },
  { key: 'noise', parse: pf.noise, text: 'number', meta: 'P', help: 'noise from 0 to 0.5 (50 %): a Gaussian of 2.5·P added to each coordinate', label: { en: 'Noise (%)', ko: '잡음 (%)' } },
  { key: 'testRatio', parse: pf.testRatio, text: 'number', meta: 'R', help: 'share of the points held out as test data, 0.1 to 0.9', label: { en: 'Test data (%)', ko: '시험 데이터 (%)' } },
  { key: 'features', parse: pf.features, text: 'numbers', meta: 'x1,x2,…', help: 'the inputs, among x1, x2, x1sq, x2sq, x1x2, sinx1, sinx2', label: { en: 'Inputs', ko: '입력' } },
  { key: 'layers', parse: pf.layers, text: 'numbers', meta: '4,2', help: 'neurons of each hidden layer: 0 to 6 layers of 1 to 8 (0 alone: no hidden layer)', label: { en: 'Hidden layers', ko: '은닉층' } },
  { key: 'activation', parse: pf.activation, text: 'word', meta: 'sigmoid|tanh|relu|linear', help: 'activation function of the hidden layers', label: { en: 'Activation function', ko: '활성화 함수' }, values: ACTIVATION_WORDS },
  { key: 'loss', parse: pf.loss, text: 'word', meta: 'cross-entropy|squared', help: 'loss function (a sigmoid output for 2 classes, softmax for 3)', label: { en: 'Loss function', ko: '손실 함수' }, values: LOSS_WORDS },
  { key: 'init', parse: pf.init, text: 'word', meta: 'small|xavier|he', help: "initial weights: 0.01·randn (the chapter's), randn·√(1/n) or randn·√(2/n)", label: { en: 'Initial weights', ko: '가중치 초깃값' }, values: INIT_WORDS },
  lrRow,
  { key: 'batch', parse: pf.batch, text: 'integer', meta: 'B', help: 'mini-batch size (the whole training data when larger)', label: { en: 'Mini-batch size', ko: '미니배치 크기' } },
  { key: 'regularization', parse: pf.regularization, text: 'word', meta: 'none|l1|l2', help: 'penalty on the weights: rate·Σ|W| or rate·½ΣW²', label: { en: 'Regularisation', ko: '정규화' }, values: REG_WORDS },
  { key: 'regRate', parse: pf.regRate, text: 'number', meta: 'X', help: 'regularisation rate', label: { en: 'Regularisation rate', ko: '정규화 비율' } },
  gradientRow,
  { ...hRow, help: 'step of the numerical gradient' },
  { key: 'epochs', parse: fields.epochs, text: 'integer', meta: 'N', help: 'epochs over the training data', label: EPOCHS_LABEL },
  { ...seedRow, help: 'np.random.seed(S) before the points, the split and the weights are drawn' },
  logEveryRow
] as const satisfies readonly FieldSpec[]

const shape = object({
  kind: literal('playground'),
  ...(Object.fromEntries(playgroundRows.map((r) => [r.key, r.parse])) as { [R in (typeof playgroundRows)[number] as R['key']]: R['parse'] }),
  custom: pf.custom,
  edits: pf.edits
})

/** Each field in its range, custom points exactly when the data set is `custom`, edits that fit the network. */
export const parsePlayground: Parser<Infer<typeof shape>> = (v, field) => {
  const c = shape(v, field)
  return checkPlayground(c, field, params(c))
}
export type PlaygroundConfig = Infer<typeof parsePlayground>

/**
 * The lesson's starting settings. Xavier initialisation by default: with the chapter's 0.01·randn
 * every layer shrinks its input by about 0.01·√n, so in a deeper network the signal (and the
 * gradient) all but vanish and training crawls; randn·√(1/n) keeps a tanh or sigmoid layer's
 * outputs about as spread as its inputs.
 */
const defaults: PlaygroundConfig = {
  kind: 'playground', data: 'circle', classes: 2, points: 200, noise: 0, testRatio: 0.5, features: ['x1', 'x2'], layers: [4, 2],
  activation: 'tanh', loss: 'cross-entropy', init: 'xavier', lr: 0.03, batch: 10, regularization: 'none', regRate: 0,
  gradient: 'backprop', h: 1e-4, epochs: 300, seed: 1, logEvery: 1, custom: [], edits: []
}

/** Three arms with [8, 8] tanh: sin x₁ and sin x₂ give the net the turns of the arms; test accuracy above 0.9 by epoch 300. */
export const spiralSuggestion: Partial<PlaygroundConfig> = {
  data: 'spiral', classes: 3, points: 500, noise: 0, features: ['x1', 'x2', 'sinx1', 'sinx2'], layers: [8, 8], activation: 'tanh', lr: 0.1, batch: 10, epochs: 300
}

/** Classes of the data set: the custom points' largest label + 1 (at least 2), the spiral's arms, else 2. */
const classesOf = (c: PlaygroundConfig): number =>
  c.data === 'custom' ? Math.max(2, ...c.custom.map((p) => p[2] + 1)) : c.data === 'spiral' ? c.classes : 2

/** W1, b1, … of the configured network (inputs, hidden layers, one sigmoid output or a softmax per class), in the update order. */
function params(c: PlaygroundConfig): Shape[] {
  const classes = classesOf(c)
  const s = [c.features.length, ...c.layers, classes === 2 ? 1 : classes]
  return s.slice(1).flatMap((n, l): Shape[] => [[`W${l + 1}`, s[l], n], [`b${l + 1}`, 1, n]])
}

/** A branch says where its last weight was set by hand. */
const branchText = (c: PlaygroundConfig, lang: Language): string => {
  const last = c.edits.at(-1)
  if (!last) return ''
  return lang === 'en' ? `, branch at epoch ${last.epoch}` : `, ${last.epoch} 에폭에서 분기`
}

const dataText = (c: PlaygroundConfig, lang: Language): string =>
  c.data === 'spiral' ? `${DATA_WORDS.spiral[lang]} ${c.classes}` : valueWords(playgroundRows[0], c.data, lang)
const netText = (c: PlaygroundConfig, lang: Language): string => `[${c.layers.join(', ')}] ${ACTIVATION_WORDS[c.activation][lang]}`

/** What each setting means only in some runs: h under the numerical gradient, the rate under a penalty, the arms of a spiral, generators' settings. */
function applies(c: PlaygroundConfig, key: string): boolean {
  if (key === 'regRate') return c.regularization !== 'none'
  if (key === 'classes') return c.data === 'spiral'
  if (key === 'points' || key === 'noise') return c.data !== 'custom'
  return hWhenNumerical(c, key)
}

export const playground = {
  kind: 'playground',
  lesson: {
    section: '4.6',
    title: { en: 'Playground: your data, your network', ko: '놀이터: 나만의 데이터, 나만의 신경망' },
    blurb: { en: 'Your own data and any small network: circles, spirals, moons or points you place, trained, stored and exported like every run.', ko: '나만의 데이터와 작은 신경망: 원, 나선, 반달 또는 직접 찍은 점으로 학습하고, 다른 실행처럼 저장하고 내보냅니다.' }
  },
  fields: playgroundRows,
  parse: parsePlayground,
  notebook: defaults,
  defaults,
  run: 'step',
  firstStep: 1,
  stepNoun: 'epoch',
  params,
  grads: false,
  precision: 8,
  confusion: false,
  predictions: 0,
  history: true,
  dataset: null,
  livePoints: null,
  totalSteps: (c) => c.epochs,
  // every K-th epoch and the last, each with its parameters
  counts(c) {
    const logged = loggedSteps(c.epochs, c.logEvery)
    return { metrics: logged, paramSnapshots: logged, evalSnapshots: 0 }
  },
  applies,
  budgetKnobs: ['logEvery'],
  defaultName: (c, lang) => (lang === 'en' ? `Playground ${dataText(c, lang)}, ${netText(c, lang)}, lr ${c.lr}` : `놀이터 ${dataText(c, lang)}, ${netText(c, lang)}, 학습률 ${c.lr}`) + branchText(c, lang),
  keyParams: (c, lang) => [dataText(c, lang), netText(c, lang), lrText(c.lr, lang), epochsText(c.epochs, lang), seedText(c.seed, lang)].join(', '),
  cli: {
    defaults: { ...defaults, logEvery: 10 },
    summary:
      'The playground: a network of 0-6 hidden layers on 2-D data (generated from the seed or read from a CSV), mini-batch gradient descent. JSON: every K epochs {epoch, trainLoss, testLoss, trainAcc, testAcc}; last {done, runId}.',
    json: (r) => ({ epoch: r.step, trainLoss: r.loss, testLoss: r.testLoss, trainAcc: r.trainAcc, testAcc: r.testAcc }),
    human: (r) => `Epoch : ${r.step}, Train loss : ${r.loss}, Test loss : ${r.testLoss}, Train accuracy : ${r.trainAcc}, Test accuracy : ${r.testAcc}`,
    printed: everyLogged
  },
  // the parent's edits all came at or before the step it is paused at; the parser checks the entry
  branch: (c, edit, step) => ({ ...c, edits: [...c.edits, { epoch: step, ...edit }] })
} satisfies KindDescriptor<PlaygroundConfig>
