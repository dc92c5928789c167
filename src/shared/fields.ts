// A parameter of a kind of run is one declarative row: its configuration key, the parser that
// validates it (with the range it allows), how it is written on a command line, what it means and
// its label in both languages. Each kind lists its rows in its descriptor (src/shared/kinds/); the
// ranges and the rows several kinds share are here. The configuration parsers and types are built
// from the rows, the `lab` command's flags, validation and --help too, and the renderer's editors
// and the library read their labels: a new parameter is one row.
import type { Formulation, GateName, GradientMethod } from '../engine/types'
import type { Language, Words } from './kinds/words'
import { array, described, int, literal, num, object, oneOf, str, ValidationError, type MaybeDescribed } from './schema'

/** True when the two types are the same set of values (a list below must name them all). */
export type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false

export const GATES = ['AND', 'OR', 'NAND', 'XOR'] as const
export const GRADIENTS = ['numerical', 'backprop'] as const
export const FORMULATIONS = ['textbook', 'standard', 'twolayernet'] as const
/** SimpleNet's loss: the notebook's cross-entropy (delta 1e-4) or the book's (delta 1e-7). docs/models.md */
export const SIMPLENET_FORMULATIONS = ['notebook', 'book'] as const
/** When MNIST accuracy is evaluated: every K iterations, or on the book's epochs (after 1, 1+E, 1+2E, ...). */
export const EVAL_SCHEDULES = ['every', 'book'] as const
// the engine names these values for its numerics; a value added there and missing here (or the
// reverse) stops the build
const listsComplete: [
  Same<(typeof GATES)[number], GateName>,
  Same<(typeof GRADIENTS)[number], GradientMethod>,
  Same<(typeof FORMULATIONS)[number], Formulation>
] = [true, true, true]
void listsComplete

/** The values of a list with one of them moved first (a lesson's preferred choice). */
export const preferring = <T extends string>(values: readonly T[], first: T): T[] => [first, ...values.filter((v) => v !== first)]

/** The range of every parameter, shared by the kinds of run that have it. */
export const fields = {
  seed: int(0, 4294967295),
  lr: num({ gt: 0, max: 1000 }),
  epochs: int(1, 100000),
  h: num({ gt: 0, max: 0.1 }),
  logEvery: int(1, 100000),
  hidden: int(1, 512),
  batch: int(1, 10000),
  iterations: int(1, 1000000),
  evalEvery: int(0, 1000000),
  snapshotEvery: int(1, 1000000),
  threads: int(0, 64),
  evalSchedule: oneOf(...EVAL_SCHEDULES),
  simplenetFormulation: oneOf(...SIMPLENET_FORMULATIONS),
  steps: int(0, 10000),
  gate: oneOf(...GATES),
  gradient: oneOf(...GRADIENTS),
  formulation: oneOf(...FORMULATIONS),
  x: array(num({ min: -1000, max: 1000 }), { min: 2, max: 2, noun: 'numbers' }),
  t: array(int(0, 1), { min: 3, max: 3, noun: 'numbers' }),
  W: array(num({ min: -1000, max: 1000 }), { min: 6, max: 6, noun: 'numbers' }),
  /** Descent's f: function_2 or an expression in x0, x1 (the engine parses it; src/engine/expr). */
  f: str({ min: 1, max: 200 }),
  init: array(num({ min: -1e6, max: 1e6 }), { min: 2, max: 2, noun: 'numbers' }),
  descentSteps: int(1, 100000)
} as const

const ONE_HOT = 'one-hot: three 0/1 values with exactly one 1'
/** SimpleNet's label t: three 0/1 values with exactly one 1. */
export const oneHot = described(ONE_HOT, (v, field) => {
  const t = fields.t(v, field)
  if (t.reduce((a, b) => a + b, 0) !== 1) throw new ValidationError(field, ONE_HOT, v, undefined, { kind: 'oneHot' })
  return t
})

/** One piece of the xor2 schedule: this learning rate for this many epochs. */
export const segment = object({ lr: fields.lr, epochs: fields.epochs })
/** The xor2 learning-rate schedule: its segments one after the other, training on. */
export const schedule = array(segment, { min: 1, max: 10, noun: 'segments' })

/**
 * How a value is written as text: an integer, a number, comma-separated numbers, a word, a word
 * in any case read in capitals (gate names), LRxEPOCHS segments.
 */
export type TextForm = 'integer' | 'number' | 'numbers' | 'word' | 'capitals' | 'schedule'

export interface FieldSpec<K extends string = string, T = unknown> {
  key: K
  parse: MaybeDescribed<T>
  text: TextForm
  /** The value's placeholder in usage lines, e.g. S, X, AND|OR|NAND|XOR. */
  meta: string
  help: string
  /** Its label in the lesson's editor and the library. */
  label: Words
  /** How each of its values reads in the UI (a oneOf's words), where that differs from the value. */
  values?: Readonly<Record<string, Words>>
}

/** A value as the UI shows it: a word from the row's `values`, a list comma-separated, else as is. */
export function valueWords(field: Pick<FieldSpec, 'values'> | undefined, value: unknown, lang: Language): string {
  if (typeof value === 'string' && field?.values?.[value]) return field.values[value][lang]
  return Array.isArray(value) ? value.join(', ') : String(value)
}

/** A row whose value is one of a few words, each read in the UI as its `values` say; its usage placeholder (`a|b`) lists those words. */
export const choiceRow = <const K extends string, P extends MaybeDescribed<unknown>, const V extends Readonly<Record<string, Words>>>(row: {
  key: K
  parse: P
  help: string
  label: Words
  values: V
}) => ({ key: row.key, parse: row.parse, text: 'word', meta: Object.keys(row.values).join('|'), help: row.help, label: row.label, values: row.values }) as const

// The rows several kinds share (each kind's own are in its descriptor, src/shared/kinds/).
export const seedRow = {
  key: 'seed', parse: fields.seed, text: 'integer', meta: 'S', help: 'np.random.seed(S) before the weights are drawn', label: { en: 'Seed', ko: '시드' }
} as const
export const hRow = {
  key: 'h', parse: fields.h, text: 'number', meta: 'H', help: 'step of the numerical gradient (f(w+h) - f(w-h)) / 2h', label: { en: 'h (numerical step)', ko: 'h (수치 미분 간격)' }
} as const
export const GRADIENT_WORDS = {
  numerical: { en: 'numerical', ko: '수치 미분' },
  backprop: { en: 'backprop', ko: '역전파' }
} as const satisfies Record<GradientMethod, Words>
export const gradientRow = choiceRow({
  key: 'gradient', parse: fields.gradient, help: 'how the gradient is computed', label: { en: 'Gradient method', ko: '기울기 계산 방법' }, values: GRADIENT_WORDS
})
export const logEveryRow = {
  key: 'logEvery', parse: fields.logEvery, text: 'integer', meta: 'K', help: 'log (and store) every K-th epoch; the last is always stored',
  label: { en: 'Log every (epochs)', ko: '기록 간격 (에폭)' }
} as const
export const LR_LABEL = { en: 'Learning rate', ko: '학습률' } as const
export const EPOCHS_LABEL = { en: 'Epochs', ko: '에폭' } as const
export const lrRow = { key: 'lr', parse: fields.lr, text: 'number', meta: 'X', help: 'learning rate', label: LR_LABEL } as const


/** The object shape of a table: each row's key and its parser. */
export type ShapeOf<T extends readonly FieldSpec[]> = { [F in T[number] as F['key']]: F['parse'] }

export function shapeOf<const T extends readonly FieldSpec[]>(table: T): ShapeOf<T> {
  return Object.fromEntries(table.map((f) => [f.key, f.parse])) as ShapeOf<T>
}

/** A kind's whole configuration: its `kind` and exactly its rows. */
export const configParser = <const K extends string, const T extends readonly FieldSpec[]>(kind: K, table: T) =>
  object({ kind: literal(kind), ...shapeOf(table) })

/** What a kind's descriptor opens with: its name, its rows and the parser built from them, so that the three agree. */
export const kindFields = <const K extends string, const T extends readonly FieldSpec[]>(kind: K, rows: T) => ({ kind, fields: rows, parse: configParser(kind, rows) })

/** `logEvery` -> `--log-every`; one-letter and capital names stay as they are (`--W`). */
export const flagOf = (key: string): string => '--' + key.replace(/(?<=[a-z])[A-Z]/g, (c) => '-' + c.toLowerCase())
