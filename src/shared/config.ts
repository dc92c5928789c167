// Run configurations: the allowed range of every parameter, in one place that the CLI,
// the services and the renderer's parameter editors all use, and the notebook's own settings.
import type { Formulation, GateName, GateTraining, GradientMethod, MnistTraining, SimpleNetInput, Training, Xor2Training } from '../engine/types'
import { array, byKind, int, literal, num, object, oneOf, optional, ValidationError, type Infer, type Parser } from './schema'

/** True when the two types are the same set of values (a list below must name them all). */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false

export const GATES = ['AND', 'OR', 'NAND', 'XOR'] as const
export const GRADIENTS = ['numerical', 'backprop'] as const
export const FORMULATIONS = ['textbook', 'standard', 'twolayernet'] as const
// the engine names these values for its numerics; a value added there and missing here (or the
// reverse) stops the build
const listsComplete: [
  Same<(typeof GATES)[number], GateName>,
  Same<(typeof GRADIENTS)[number], GradientMethod>,
  Same<(typeof FORMULATIONS)[number], Formulation>
] = [true, true, true]
void listsComplete

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
  steps: int(0, 10000),
  gate: oneOf(...GATES),
  gradient: oneOf(...GRADIENTS),
  formulation: oneOf(...FORMULATIONS),
  x: array(num({ min: -1000, max: 1000 }), { min: 2, max: 2, noun: 'numbers' }),
  t: array(int(0, 1), { min: 3, max: 3, noun: 'numbers' }),
  W: array(num({ min: -1000, max: 1000 }), { min: 6, max: 6, noun: 'numbers' })
} as const

const oneHot: Parser<[number, number, number]> = (v, field) => {
  const t = fields.t(v, field)
  if (t.reduce((a, b) => a + b, 0) !== 1) {
    throw new ValidationError(field, 'one-hot: three 0/1 values with exactly one 1', v)
  }
  return t as [number, number, number]
}

/** One piece of the xor2 schedule: this learning rate for this many epochs. */
export const segment = object({ lr: fields.lr, epochs: fields.epochs })
export type ScheduleSegment = Infer<typeof segment>
/** The xor2 learning-rate schedule: its pieces one after the other, training on. */
export const schedule = array(segment, { min: 1, max: 10, noun: 'segments' })

export const parseSimpleNet = object({
  kind: literal('simplenet'),
  seed: fields.seed,
  x: fields.x,
  t: oneHot,
  h: fields.h,
  /** Six weights overriding `randn(2,3)` from the seed, when the learner edited W. */
  W: optional(fields.W),
  /** Gradient-descent steps `W -= lr*dW` to take on the single example (0: just evaluate). */
  steps: optional(fields.steps, 0),
  lr: optional(fields.lr, 0.1)
})
export type SimpleNetConfig = Infer<typeof parseSimpleNet>

export const parseGate = object({
  kind: literal('gate'),
  gate: fields.gate,
  seed: fields.seed,
  lr: fields.lr,
  epochs: fields.epochs,
  h: fields.h,
  gradient: fields.gradient,
  logEvery: fields.logEvery
})
export type GateConfig = Infer<typeof parseGate>

export const parseXor2 = object({
  kind: literal('xor2'),
  seed: fields.seed,
  schedule,
  h: fields.h,
  gradient: fields.gradient,
  logEvery: fields.logEvery
})
export type Xor2Config = Infer<typeof parseXor2>

export const parseMnist = object({
  kind: literal('mnist'),
  seed: fields.seed,
  hidden: fields.hidden,
  batch: fields.batch,
  iterations: fields.iterations,
  lr: fields.lr,
  gradient: fields.gradient,
  formulation: fields.formulation,
  h: fields.h,
  /** Full train+test evaluation every K iterations (0: only after the last). */
  evalEvery: fields.evalEvery,
  /** Parameter snapshot every K iterations (the last iteration always gets one). */
  snapshotEvery: optional(fields.snapshotEvery, 600)
})
export type MnistConfig = Infer<typeof parseMnist>

export const parseTrainConfig = byKind({ gate: parseGate, xor2: parseXor2, mnist: parseMnist })
export type TrainConfig = Infer<typeof parseTrainConfig>

export const parseRunConfig = byKind({ simplenet: parseSimpleNet, gate: parseGate, xor2: parseXor2, mnist: parseMnist })
export type RunConfig = Infer<typeof parseRunConfig>
export type RunKind = RunConfig['kind']
/** Every run kind, in the order the app lists its lessons. */
export const RUN_KINDS = ['simplenet', 'gate', 'xor2', 'mnist'] as const satisfies readonly RunKind[]
const kindsComplete: Same<(typeof RUN_KINDS)[number], RunKind> = true
void kindsComplete

// the engine's trainers take these configurations as they are
const trainable: [
  GateConfig extends GateTraining ? true : false,
  Xor2Config extends Xor2Training ? true : false,
  MnistConfig extends MnistTraining ? true : false,
  TrainConfig extends Training ? true : false,
  SimpleNetConfig extends SimpleNetInput ? true : false
] = [true, true, true, true, true]
void trainable

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
} as const satisfies { [K in RunKind]: Extract<RunConfig, { kind: K }> }

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
