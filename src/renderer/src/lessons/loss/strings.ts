// Lesson 4.2's own UI strings, and the wording of a bad y or t in both languages.
import type { OutputProblem, TargetProblem } from '../../../../engine'
import { words } from '../../lib/i18n/index.svelte'

export const say = words({
  en: {
    y: 'Output y (one probability per class)',
    target: 'Target t',
    targetForm: 'Written as',
    label: 'a label',
    oneHot: 'a one-hot list',
    labelValue: 'Correct class',
    oneHotValue: 'One-hot t',
    example1: 'Book example 1 (0.6 on class 2)',
    example2: 'Book example 2 (0.6 on class 7)',
    terms: 'Term by term',
    termsLabel: 'Each class k: y_k, t_k, its share of the squared error and of the cross-entropy',
    k: 'k',
    total: 'total',
    mse: 'mean squared error',
    cee: 'cross-entropy error',
    invalid: 'The losses wait for a valid y and t.',
    batch: 'A mini-batch from MNIST',
    seed: 'Seed',
    batchSize: 'Batch size N',
    drawn: 'np.random.seed({seed}); np.random.choice(60000, {n}) →',
    loading: 'Reading the training digits…',
    unavailable: 'The training digits cannot be read here: {reason}',
    digits: 'The drawn digits',
    digit: 'Training digit {index}, labelled {label}',
    n: 'n',
    index: 'index',
    labelColumn: 'label t_n',
    yCorrect: 'y[n, t_n]',
    share: '−log(y[n, t_n] + δ)',
    batchOneHot: 'cross-entropy, one-hot targets',
    batchLabels: 'cross-entropy, label targets',
    same: 'The two forms give the same number, as they must: a one-hot row picks the same y as the label.'
  },
  ko: {
    y: '출력 y (클래스마다 확률 하나)',
    target: '정답 t',
    targetForm: '표기',
    label: '레이블',
    oneHot: '원-핫 리스트',
    labelValue: '정답 클래스',
    oneHotValue: '원-핫 t',
    example1: '책의 예 1 (클래스 2에 0.6)',
    example2: '책의 예 2 (클래스 7에 0.6)',
    terms: '항별로 보기',
    termsLabel: '클래스 k마다 y_k, t_k, 제곱 오차와 교차 엔트로피에서 차지하는 몫',
    k: 'k',
    total: '합계',
    mse: '평균 제곱 오차',
    cee: '교차 엔트로피 오차',
    invalid: 'y와 t가 올바르면 손실을 계산합니다.',
    batch: 'MNIST 미니배치',
    seed: '시드',
    batchSize: '배치 크기 N',
    drawn: 'np.random.seed({seed}); np.random.choice(60000, {n}) →',
    loading: '훈련 숫자를 읽는 중…',
    unavailable: '여기서는 훈련 숫자를 읽을 수 없습니다: {reason}',
    digits: '뽑힌 숫자',
    digit: '훈련 숫자 {index}번, 레이블 {label}',
    n: 'n',
    index: '번호',
    labelColumn: '레이블 t_n',
    yCorrect: 'y[n, t_n]',
    share: '−log(y[n, t_n] + δ)',
    batchOneHot: '교차 엔트로피, 원-핫 정답',
    batchLabels: '교차 엔트로피, 레이블 정답',
    same: '두 형태의 값은 같아야 하고, 실제로 같습니다. 원-핫 행은 레이블과 같은 y를 고르니까요.'
  }
})

const problems = words({
  en: {
    empty: 'y is empty: give one probability per class.',
    notNumber: 'y{index} is not a number.',
    negative: 'y{index} is {value}: a probability is at least 0.',
    aboveOne: 'y{index} is {value}: a probability is at most 1.',
    sum: 'y sums to {sum}: the probabilities of a distribution sum to 1.',
    label: 'The label {label} is not a class: a label is an integer from 0 to {max}.',
    length: 'The one-hot t has {length} entries where y has {classes}.',
    notOneHot: 'A one-hot t is all 0 but for a single 1, written like 0,0,1,0,0,0,0,0,0,0.'
  },
  ko: {
    empty: 'y가 비어 있습니다. 클래스마다 확률을 하나씩 주세요.',
    notNumber: 'y{index}가 숫자가 아닙니다.',
    negative: 'y{index}가 {value}입니다. 확률은 0 이상이어야 합니다.',
    aboveOne: 'y{index}가 {value}입니다. 확률은 1 이하여야 합니다.',
    sum: 'y의 합이 {sum}입니다. 확률 분포의 합은 1이어야 합니다.',
    label: '레이블 {label|은/는} 클래스가 아닙니다. 레이블은 0부터 {max}까지의 정수입니다.',
    length: '원-핫 t의 원소가 {length}개인데 y는 {classes}개입니다.',
    notOneHot: '원-핫 t는 1 하나를 빼고 모두 0이어야 합니다. 예: 0,0,1,0,0,0,0,0,0,0'
  }
})

/** y's entries are named y0 … y9, as the fields are (the engine counts them from 1). */
export function outputProblemText(p: OutputProblem): string {
  switch (p.code) {
    case 'empty':
      return problems('empty')
    case 'not-number':
      return problems('notNumber', { index: p.index - 1 })
    case 'negative':
      return problems('negative', { index: p.index - 1, value: p.value })
    case 'above-one':
      return problems('aboveOne', { index: p.index - 1, value: p.value })
    case 'sum':
      return problems('sum', { sum: Number(p.sum.toPrecision(6)) })
  }
}

export function targetProblemText(p: TargetProblem): string {
  switch (p.code) {
    case 'label':
      return problems('label', { label: p.label, max: p.classes - 1 })
    case 'length':
      return problems('length', { length: p.length, classes: p.classes })
    case 'not-one-hot':
      return problems('notOneHot')
  }
}
