// Run configurations: the allowed range of every parameter, in one place that the CLI,
// the services and the renderer's parameter editors all use, and the notebook's own settings.
import type {
  GateConfig,
  MnistConfig,
  RunConfig,
  ScheduleSegment,
  SimpleNetConfig,
  TrainConfig,
  Xor2Config
} from '../engine/types'
import { checkRunBudget } from './run-budget'
import { array, byKind, int, literal, num, object, oneOf, optional, ValidationError, type Parser } from './schema'

/** Each field in its range, then the whole run within the size every run must fit (run-budget.ts). */
const withinBudget =
  <T extends RunConfig>(parse: Parser<T>): Parser<T> =>
  (v, field) =>
    checkRunBudget(parse(v, field), field)

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
  gate: oneOf('AND', 'OR', 'NAND', 'XOR'),
  gradient: oneOf('numerical', 'backprop'),
  formulation: oneOf('textbook', 'standard'),
  x: array(num({ min: -1000, max: 1000 }), { min: 2, max: 2, noun: 'numbers' }),
  t: array(int(0, 1), { min: 3, max: 3, noun: 'numbers' })
} as const

const oneHot: Parser<[number, number, number]> = (v, field) => {
  const t = fields.t(v, field)
  if (t.reduce((a, b) => a + b, 0) !== 1) {
    throw new ValidationError(field, 'one-hot: three 0/1 values with exactly one 1', v, undefined, { kind: 'oneHot' })
  }
  return t as [number, number, number]
}

/** One piece of the xor2 schedule: this learning rate for this many epochs. */
export const segment: Parser<ScheduleSegment> = object({ lr: fields.lr, epochs: fields.epochs })

export const parseSimpleNet: Parser<SimpleNetConfig> = object({
  kind: literal('simplenet'),
  seed: fields.seed,
  x: fields.x as Parser<[number, number]>,
  t: oneHot,
  h: fields.h,
  W: optional(array(num({ min: -1000, max: 1000 }), { min: 6, max: 6, noun: 'numbers' })),
  steps: optional(int(0, 10000), 0),
  lr: optional(fields.lr, 0.1)
})

export const parseGate: Parser<GateConfig> = object({
  kind: literal('gate'),
  gate: fields.gate,
  seed: fields.seed,
  lr: fields.lr,
  epochs: fields.epochs,
  h: fields.h,
  gradient: fields.gradient,
  logEvery: fields.logEvery
})

export const parseXor2: Parser<Xor2Config> = object({
  kind: literal('xor2'),
  seed: fields.seed,
  schedule: array(segment, { min: 1, max: 10 }),
  h: fields.h,
  gradient: fields.gradient,
  logEvery: fields.logEvery
})

export const parseMnist: Parser<MnistConfig> = object({
  kind: literal('mnist'),
  seed: fields.seed,
  hidden: fields.hidden,
  batch: fields.batch,
  iterations: fields.iterations,
  lr: fields.lr,
  gradient: fields.gradient,
  formulation: fields.formulation,
  h: fields.h,
  evalEvery: fields.evalEvery,
  snapshotEvery: optional(fields.snapshotEvery, 600)
})

export const parseTrainConfig: Parser<TrainConfig> = withinBudget(
  byKind<TrainConfig>({
    gate: parseGate,
    xor2: parseXor2,
    mnist: parseMnist
  })
)

export const parseRunConfig: Parser<RunConfig> = withinBudget(
  byKind<RunConfig>({
    simplenet: parseSimpleNet,
    gate: parseGate,
    xor2: parseXor2,
    mnist: parseMnist
  })
)

/** The notebook's own settings for each lesson ("notebook settings" restores these). */
export const notebook = {
  simplenet: { kind: 'simplenet', seed: 1, x: [0.6, 0.9], t: [0, 0, 1], h: 1e-4, steps: 0, lr: 0.1 },
  gate: { kind: 'gate', gate: 'AND', seed: 1, lr: 0.1, epochs: 1000, h: 1e-5, gradient: 'numerical', logEvery: 1 },
  xor2: {
    kind: 'xor2',
    seed: 1,
    schedule: [
      { lr: 0.1, epochs: 1000 },
      { lr: 0.3, epochs: 1000 }
    ],
    h: 1e-5,
    gradient: 'numerical',
    logEvery: 1
  },
  mnist: {
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
} as const satisfies { [K in RunConfig['kind']]: Extract<RunConfig, { kind: K }> }

/** The fast default for the MNIST lesson: standard model, backprop, one epoch. */
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
  snapshotEvery: 100
}
