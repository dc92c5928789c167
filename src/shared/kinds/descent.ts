// Section 4.4.1: gradient descent on f(x0, x1) from a start point, the book's gradient_descent
// (x ← x − lr·numerical_gradient(f, x)); a record is the point x (1x2) and f there as its loss.
import { configParser, fields, hRow, lrRow, type FieldSpec } from '../fields'
import type { Infer } from '../schema'
import type { KindDescriptor } from './kind'
import { flat, loggedSteps, lrText } from './words'

const rows = [
  {
    key: 'f', parse: fields.f, text: 'word', meta: 'EXPR', help: 'function_2 (x0² + x1²) or an expression in x0, x1 with + - * / ** ^ ( ) and sin cos tan exp log sqrt abs',
    label: { en: 'Function f(x₀, x₁)', ko: '함수 f(x₀, x₁)' }
  },
  { key: 'init', parse: fields.init, text: 'numbers', meta: 'X0,X1', help: 'the start point', label: { en: 'Start point x₀, x₁', ko: '시작점 x₀, x₁' } },
  lrRow,
  { key: 'steps', parse: fields.descentSteps, text: 'integer', meta: 'N', help: 'updates x -= lr * grad (step_num)', label: { en: 'Steps', ko: '걸음 수' } },
  hRow,
  {
    key: 'logEvery', parse: fields.logEvery, text: 'integer', meta: 'K', help: 'log (and store) every K-th step; step 0 and the last are always stored',
    label: { en: 'Log every (steps)', ko: '기록 간격 (걸음)' }
  }
] as const satisfies readonly FieldSpec[]

export const parseDescent = configParser('descent', rows)
export type DescentConfig = Infer<typeof parseDescent>

/** The book's plotted run (ch04/gradient_method.py): from (−3, 4), lr 0.1, 20 steps. */
const notebook: DescentConfig = { kind: 'descent', f: 'function_2', init: [-3, 4], lr: 0.1, steps: 20, h: 1e-4, logEvery: 1 }

export const descent = {
  kind: 'descent',
  lesson: {
    section: '4.4.1',
    title: { en: 'Gradient descent', ko: '경사 하강법' },
    blurb: { en: 'Walk downhill: from a start point, step by −η∇f on a contour map; the book’s three learning rates and what each teaches.', ko: '내리막 걷기: 시작점에서 등고선 지도 위로 −η∇f만큼씩 내려갑니다. 책의 세 학습률과 각각이 알려 주는 것.' }
  },
  fields: rows,
  parse: parseDescent,
  notebook,
  defaults: notebook,
  run: 'step',
  firstStep: 0,
  stepNoun: 'step',
  params: () => [['x', 1, 2]],
  grads: false,
  precision: 8,
  confusion: false,
  predictions: 0,
  history: true,
  dataset: null,
  livePoints: null,
  totalSteps: (c) => c.steps,
  // step 0, every K-th step, the last one and a diverged one; each carries its point
  counts(c) {
    const logged = loggedSteps(c.steps, c.logEvery) + 1
    return { metrics: logged, paramSnapshots: logged, evalSnapshots: 0 }
  },
  applies: () => true,
  budgetKnobs: ['logEvery'],
  defaultName: (c, lang) => (lang === 'en' ? `descent on ${c.f}, lr ${c.lr}` : `${c.f} 경사 하강, 학습률 ${c.lr}`),
  keyParams: (c, lang) => [c.f, `(${c.init.join(', ')})`, lrText(c.lr, lang), lang === 'en' ? `${c.steps} steps` : `${c.steps}걸음`].join(', '),
  cli: {
    defaults: { ...notebook, steps: 100, logEvery: 10 },
    summary:
      "Section 4.4.1: the book's gradient_descent, x -= lr * numerical_gradient(f, x), from --init. JSON: step 0, every K steps and the last {step, x, f}; last {done, x, runId}.",
    json: (r) => ({ step: r.step, x: flat(r, 'x'), f: r.loss }),
    human: (r) => `step ${r.step}: x = [${flat(r, 'x').join(', ')}], f(x) = ${r.loss}`,
    // step 0 and the last step always, as docs/cli.md says (the trainer also reports a diverged one)
    printed: (r, c) => r.step % c.logEvery === 0 || r.step === c.steps,
    done: (p) => ({ x: Array.from(p.x.data) })
  }
} satisfies KindDescriptor<DescentConfig>
