// Run configurations as every front accepts them: each field in its range (the kind's
// descriptor, src/shared/kinds/), then the whole run within the size every run must fit
// (run-budget.ts). The engine's trainers take these configurations as they are.
import type { DescentTraining, GateTraining, MnistTraining, SimpleNetInput, Training, Xor2Training } from '../engine/types'
import { anyRunConfig, anyTrainConfig, type DescentConfig, type GateConfig, type MnistConfig, type RunConfig, type SimpleNetConfig, type TrainConfig, type Xor2Config } from './kinds'
import { checkRunBudget } from './run-budget'
import type { Parser } from './schema'

export type { DescentConfig, GateConfig, MnistConfig, PlaygroundConfig, RunConfig, RunKind, SimpleNetConfig, TrainConfig, Xor2Config } from './kinds'

const withinBudget =
  <T extends RunConfig>(parse: Parser<T>): Parser<T> =>
  (v, field) =>
    checkRunBudget(parse(v, field), field)

export const parseTrainConfig: Parser<TrainConfig> = withinBudget(anyTrainConfig)
export const parseRunConfig: Parser<RunConfig> = withinBudget(anyRunConfig)

// the engine's trainers take these configurations as they are
const trainable: [
  GateConfig extends GateTraining ? true : false,
  Xor2Config extends Xor2Training ? true : false,
  MnistConfig extends MnistTraining ? true : false,
  TrainConfig extends Training ? true : false,
  SimpleNetConfig extends SimpleNetInput ? true : false,
  DescentConfig extends DescentTraining ? true : false
] = [true, true, true, true, true, true]
void trainable
