// Every parameter of every kind of run as one declarative table: its configuration key, the
// parser that validates it (from `fields` in config.ts, which the configuration parsers use
// too), how it is written on a command line, and what it means. The `lab` command builds its
// flags, its --help and its validation from this table; the renderer's editors can use it.
import { fields, schedule, type RunConfig, type RunKind } from './config'
import type { Described } from './schema'

/**
 * How a value is written as text: an integer, a number, comma-separated numbers, a word, a word
 * in any case read in capitals (gate names), LRxEPOCHS pieces.
 */
export type TextForm = 'integer' | 'number' | 'numbers' | 'word' | 'capitals' | 'schedule'

export interface FieldSpec<K extends string = string> {
  key: K
  parse: Described<unknown>
  text: TextForm
  /** The value's placeholder in usage lines, e.g. S, X, AND|OR|NAND|XOR. */
  meta: string
  help: string
}

type Keys<Kind extends RunKind> = Exclude<keyof Extract<RunConfig, { kind: Kind }>, 'kind'> & string
type Table = { [Kind in RunKind]: readonly FieldSpec<Keys<Kind>>[] }

const seed = { key: 'seed', parse: fields.seed, text: 'integer', meta: 'S', help: "np.random.seed(S) before the weights are drawn" } as const
const h = { key: 'h', parse: fields.h, text: 'number', meta: 'H', help: 'step of the numerical gradient (f(w+h) - f(w-h)) / 2h' } as const
const gradient = { key: 'gradient', parse: fields.gradient, text: 'word', meta: 'numerical|backprop', help: 'how the gradient is computed' } as const
const logEvery = { key: 'logEvery', parse: fields.logEvery, text: 'integer', meta: 'K', help: 'log (and store) every K-th epoch; the last is always stored' } as const
const lr = { key: 'lr', parse: fields.lr, text: 'number', meta: 'X', help: 'learning rate' } as const

export const runFields = {
  simplenet: [
    seed,
    { key: 'x', parse: fields.x, text: 'numbers', meta: 'a,b', help: 'the input x' },
    { key: 't', parse: fields.t, text: 'numbers', meta: 'i,j,k', help: 'the one-hot label t' },
    h,
    { key: 'W', parse: fields.W, text: 'numbers', meta: 'w11,...,w23', help: 'the six weights, row by row, instead of randn(2,3) from the seed' },
    { key: 'steps', parse: fields.steps, text: 'integer', meta: 'N', help: 'gradient-descent steps W -= lr*dW before W, p, loss and dW are shown' },
    { ...lr, help: 'learning rate of those steps' }
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
    { key: 'snapshotEvery', parse: fields.snapshotEvery, text: 'integer', meta: 'K', help: 'store the parameters every K iterations (and after the last)' }
  ]
} as const satisfies Table

/** `logEvery` -> `--log-every`; one-letter and capital names stay as they are (`--W`). */
export const flagOf = (key: string): string => '--' + key.replace(/(?<=[a-z])[A-Z]/g, (c) => '-' + c.toLowerCase())
