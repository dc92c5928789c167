// Section 4.5.2: the two-layer network (2-2-1, parameters as 1-row matrices) that solves XOR,
// trained through a learning-rate schedule.
import { kindFields, gradientRow, schedule, seedRow, valueWords, type FieldSpec } from '../fields'
import type { Infer } from '../schema'
import type { KindDescriptor, Language } from './kind'
import { truthTableKind, truthTableRows } from './truth-table'
import { everyLogged, flat, lrText, seedText, TABLE_LOG_EVERY } from './words'

const rows = [
  seedRow,
  {
    key: 'schedule', parse: schedule, text: 'schedule', meta: 'LRxN,...', help: 'learning-rate schedule: LR for N epochs, then the next segment, training on',
    label: { en: 'Learning-rate schedule', ko: '학습률 일정' }
  },
  ...truthTableRows
] as const satisfies readonly FieldSpec[]

const base = kindFields('xor2', rows)
export const parseXor2 = base.parse
export type Xor2Config = Infer<typeof parseXor2>

type Schedule = Xor2Config['schedule']

/**
 * A schedule as text, every way it is written: `cli` as `lab` reads it (0.1x1000,0.3x1000),
 * `name` in a run's default name, `ui` in the library (0.1×1000 → 0.3×1000), `note` beside the
 * lesson's chart (η = 0.1 × 1000 → …).
 */
export function scheduleText(s: Schedule, form: 'cli' | 'name' | 'ui' | 'note'): string {
  switch (form) {
    case 'cli':
      return s.map((g) => `${g.lr}x${g.epochs}`).join(',')
    case 'name':
      return s.map((g) => `${g.lr}x${g.epochs}`).join(', ')
    case 'ui':
      return s.map((g) => `${g.lr}×${g.epochs}`).join(' → ')
    case 'note':
      return s.map((g) => `η = ${g.lr} × ${g.epochs}`).join(' → ')
  }
}

/** Epochs over the whole schedule. */
export const scheduleEpochs = (s: Schedule): number => s.reduce((n, g) => n + g.epochs, 0)

/** The learning rate epoch `step` trains with: its segment's (engine/truthtable.ts); none past the schedule's end. */
export function scheduleLr(s: readonly { lr: number; epochs: number }[], step: number): number | undefined {
  let end = 0
  for (const seg of s) if (step <= (end += seg.epochs)) return seg.lr
  return undefined
}

const notebook: Xor2Config = {
  kind: 'xor2',
  seed: 1,
  schedule: [
    { lr: 0.1, epochs: 1000 },
    { lr: 0.3, epochs: 1000 }
  ],
  h: 1e-5,
  gradient: 'numerical',
  logEvery: 1
}

const name = (c: Xor2Config, lang: Language): string => (lang === 'en' ? 'XOR two layers, ' : '2층 XOR, ') + scheduleText(c.schedule, 'name')

export const xor2 = {
  ...base,
  lesson: { section: '4.5.2', title: { en: 'XOR with two layers', ko: '2층 신경망 XOR' }, blurb: { en: 'A hidden layer of two neurons solves XOR, with a learning-rate schedule.', ko: '뉴런 두 개의 은닉층이 학습률 일정과 함께 XOR을 풉니다.' } },
  ...truthTableKind(notebook, (c) => scheduleEpochs(c.schedule)),
  params: () => [['W1', 1, 2], ['b1', 1, 2], ['W2', 1, 2], ['b2', 1, 1]],
  defaultName: name,
  keyParams: (c, lang) => [lrText(scheduleText(c.schedule, 'ui'), lang), valueWords(gradientRow, c.gradient, lang), seedText(c.seed, lang)].join(', '),
  cli: {
    defaults: { ...notebook, logEvery: TABLE_LOG_EVERY },
    summary:
      'Section 4.5.2: the two-layer net that solves XOR, trained through a learning-rate schedule. JSON: every K epochs {epoch, lr, loss, params}; last {done, predictions, runId}.',
    json: (r) => ({ epoch: r.step, lr: r.lr, loss: r.loss, params: { W1: flat(r, 'W1'), b1: flat(r, 'b1'), W2: flat(r, 'W2'), b2: flat(r, 'b2') } }),
    human: (r) => `Epochs : ${r.step}, lr : ${r.lr}, Loss : ${r.loss}`,
    printed: everyLogged
  }
} satisfies KindDescriptor<Xor2Config>
