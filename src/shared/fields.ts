// Every parameter of every kind of run as one declarative table: its configuration key, the
// parser that validates it (with the range it allows), how it is written on a command line, and
// what it means. The configuration parsers and types (config.ts) are built from this table, the
// `lab` command's flags, validation and --help too, and the renderer's editors can read it: a new
// parameter is one row here.
import type { Formulation, GateName, GradientMethod } from '../engine/types'
import { array, described, int, num, object, oneOf, optional, ValidationError, type MaybeDescribed } from './schema'

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
  W: array(num({ min: -1000, max: 1000 }), { min: 6, max: 6, noun: 'numbers' })
} as const

const ONE_HOT = 'one-hot: three 0/1 values with exactly one 1'
const oneHot = described(ONE_HOT, (v, field) => {
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
}

const seed = { key: 'seed', parse: fields.seed, text: 'integer', meta: 'S', help: 'np.random.seed(S) before the weights are drawn' } as const
const h = { key: 'h', parse: fields.h, text: 'number', meta: 'H', help: 'step of the numerical gradient (f(w+h) - f(w-h)) / 2h' } as const
const gradient = { key: 'gradient', parse: fields.gradient, text: 'word', meta: 'numerical|backprop', help: 'how the gradient is computed' } as const
const logEvery = { key: 'logEvery', parse: fields.logEvery, text: 'integer', meta: 'K', help: 'log (and store) every K-th epoch; the last is always stored' } as const
const lr = { key: 'lr', parse: fields.lr, text: 'number', meta: 'X', help: 'learning rate' } as const

export const runFields = {
  simplenet: [
    seed,
    { key: 'x', parse: fields.x, text: 'numbers', meta: 'a,b', help: 'the input x' },
    { key: 't', parse: oneHot, text: 'numbers', meta: 'i,j,k', help: 'the label t' },
    h,
    { key: 'W', parse: optional(fields.W), text: 'numbers', meta: 'w11,...,w23', help: 'the six weights, row by row, instead of randn(2,3) from the seed' },
    {
      key: 'formulation', parse: optional(fields.simplenetFormulation), text: 'word', meta: 'notebook|book',
      help: "the loss: the notebook's cross-entropy (delta 1e-4) or the book's common/functions.py (delta 1e-7)"
    },
    { key: 'steps', parse: optional(fields.steps, 0), text: 'integer', meta: 'N', help: 'gradient-descent steps W -= lr*dW before W, p, loss and dW are shown' },
    { ...lr, parse: optional(fields.lr, 0.1), help: 'learning rate of those steps' }
  ],
  gate: [
    { key: 'gate', parse: fields.gate, text: 'capitals', meta: 'AND|OR|NAND|XOR', help: 'the truth table the neuron learns' },
    seed,
    lr,
    { key: 'epochs', parse: fields.epochs, text: 'integer', meta: 'N', help: 'epochs over the four rows' },
    h,
    gradient,
    logEvery
  ],
  xor2: [
    seed,
    { key: 'schedule', parse: schedule, text: 'schedule', meta: 'LRxN,...', help: 'learning-rate schedule: LR for N epochs, then the next segment, training on' },
    h,
    gradient,
    logEvery
  ],
  mnist: [
    seed,
    { key: 'hidden', parse: fields.hidden, text: 'integer', meta: 'H', help: 'hidden units (784-H-10 network)' },
    { key: 'batch', parse: fields.batch, text: 'integer', meta: 'B', help: 'mini-batch size, drawn with np.random.choice(60000, B)' },
    { key: 'iterations', parse: fields.iterations, text: 'integer', meta: 'N', help: 'training iterations (one mini-batch each)' },
    lr,
    gradient,
    { key: 'formulation', parse: fields.formulation, text: 'word', meta: 'textbook|standard|twolayernet', help: 'the model and its conventions (docs/models.md)' },
    { ...h, help: 'step of the numerical gradient' },
    { key: 'evalEvery', parse: fields.evalEvery, text: 'integer', meta: 'K', help: 'train and test accuracy every K iterations (0: after the last only)' },
    {
      key: 'evalSchedule', parse: optional(fields.evalSchedule), text: 'word', meta: 'every|book',
      help: "every: after every K-th iteration (--eval-every); book: as ch05/train_neuralnet.py, after iteration 1 and every max(60000/B, 1) after it"
    },
    {
      key: 'snapshotEvery', parse: optional(fields.snapshotEvery, 600), text: 'integer', meta: 'K',
      help: 'store the parameters every K iterations (and after the last)'
    },
    {
      key: 'threads', parse: optional(fields.threads), text: 'integer', meta: 'N',
      help: 'threads for the numerical gradient and the evaluations (0: every core); every number is the same for any N'
    }
  ]
} as const satisfies Record<string, readonly FieldSpec[]>

/** The object shape of a table: each row's key and its parser. */
export type ShapeOf<T extends readonly FieldSpec[]> = { [F in T[number] as F['key']]: F['parse'] }

export function shapeOf<const T extends readonly FieldSpec[]>(table: T): ShapeOf<T> {
  return Object.fromEntries(table.map((f) => [f.key, f.parse])) as ShapeOf<T>
}

/** `logEvery` -> `--log-every`; one-letter and capital names stay as they are (`--W`). */
export const flagOf = (key: string): string => '--' + key.replace(/(?<=[a-z])[A-Z]/g, (c) => '-' + c.toLowerCase())
