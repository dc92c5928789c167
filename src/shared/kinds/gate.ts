// Section 4.5.1: one sigmoid neuron (w: 1x2, b: 1x1) learns a logic gate's truth table.
import { kindFields, EPOCHS_LABEL, fields, gradientRow, lrRow, seedRow, valueWords, type FieldSpec } from '../fields'
import type { Infer } from '../schema'
import type { KindDescriptor } from './kind'
import { truthTableKind, truthTableRows } from './truth-table'
import { epochsText, everyLogged, flat, lrText, numpyList, seedText, TABLE_LOG_EVERY } from './words'

const rows = [
  { key: 'gate', parse: fields.gate, text: 'capitals', meta: 'AND|OR|NAND|XOR', help: 'the truth table the neuron learns', label: { en: 'Gate', ko: '게이트' } },
  seedRow,
  lrRow,
  { key: 'epochs', parse: fields.epochs, text: 'integer', meta: 'N', help: 'epochs over the four rows', label: EPOCHS_LABEL },
  ...truthTableRows
] as const satisfies readonly FieldSpec[]

const base = kindFields('gate', rows)
export const parseGate = base.parse
export type GateConfig = Infer<typeof parseGate>

const notebook: GateConfig = { kind: 'gate', gate: 'AND', seed: 1, lr: 0.1, epochs: 1000, h: 1e-5, gradient: 'numerical', logEvery: 1 }

export const gate = {
  ...base,
  lesson: { section: '4.5.1', title: { en: 'Logic gates', ko: '논리 게이트' }, blurb: { en: 'One sigmoid neuron learns AND, OR and NAND by gradient descent, and fails on XOR.', ko: '시그모이드 뉴런 하나가 경사 하강법으로 AND, OR, NAND를 배우고, XOR에서는 실패합니다.' } },
  ...truthTableKind(notebook, (c) => c.epochs),
  params: () => [['w', 1, 2], ['b', 1, 1]],
  defaultName: (c, lang) => (lang === 'en' ? `${c.gate} gate, lr ${c.lr}` : `${c.gate} 게이트, 학습률 ${c.lr}`),
  keyParams: (c, lang) => [c.gate, lrText(c.lr, lang), epochsText(c.epochs, lang), valueWords(gradientRow, c.gradient, lang), seedText(c.seed, lang)].join(', '),
  cli: {
    defaults: { ...notebook, logEvery: TABLE_LOG_EVERY },
    summary:
      'Section 4.5.1: one sigmoid neuron learns a logic gate (init seed(S); w = randn(2); b = rand(1)). JSON: every K epochs {epoch, loss, weights, bias}; last {done, predictions, runId}.',
    json: (r) => ({ epoch: r.step, loss: r.loss, weights: flat(r, 'w'), bias: flat(r, 'b') }),
    human: (r) => `Epochs : ${r.step}, Loss : ${r.loss}, Weights : ${numpyList(flat(r, 'w'))}, Bias : ${numpyList(flat(r, 'b'))}`,
    printed: everyLogged
  }
} satisfies KindDescriptor<GateConfig>
