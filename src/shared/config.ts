// Run configurations: their parsers, built from the field table (fields.ts), the types derived
// from those parsers, and the notebook's own settings. The CLI, the services and the renderer's
// parameter editors all use these.
import type { GateTraining, MnistTraining, SimpleNetInput, Training, Xor2Training } from '../engine/types'
import { runFields, shapeOf, type Same } from './fields'
import { checkRunBudget } from './run-budget'
import { byKind, literal, object, type Infer, type Parser } from './schema'

export { fields } from './fields'

export const parseSimpleNet = object({ kind: literal('simplenet'), ...shapeOf(runFields.simplenet) })
export type SimpleNetConfig = Infer<typeof parseSimpleNet>

export const parseGate = object({ kind: literal('gate'), ...shapeOf(runFields.gate) })
export type GateConfig = Infer<typeof parseGate>

export const parseXor2 = object({ kind: literal('xor2'), ...shapeOf(runFields.xor2) })
export type Xor2Config = Infer<typeof parseXor2>

export const parseMnist = object({ kind: literal('mnist'), ...shapeOf(runFields.mnist) })
export type MnistConfig = Infer<typeof parseMnist>

const anyTrainConfig = byKind({ gate: parseGate, xor2: parseXor2, mnist: parseMnist })
export type TrainConfig = Infer<typeof anyTrainConfig>

const anyRunConfig = byKind({ simplenet: parseSimpleNet, gate: parseGate, xor2: parseXor2, mnist: parseMnist })
export type RunConfig = Infer<typeof anyRunConfig>

/** Each field in its range, then the whole run within the size every run must fit (run-budget.ts). */
const withinBudget =
  <T extends RunConfig>(parse: Parser<T>): Parser<T> =>
  (v, field) =>
    checkRunBudget(parse(v, field), field)

export const parseTrainConfig: Parser<TrainConfig> = withinBudget(anyTrainConfig)
export const parseRunConfig: Parser<RunConfig> = withinBudget(anyRunConfig)
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
