// The engine's trainers, one per kind of run it trains step by step, and its computations, one
// per kind computed in one go (SimpleNet): a kind's descriptor (src/shared/kinds/) says what its
// records carry, its trainer or computation here makes them. test/engine/trainers.test.ts checks every trainer emits
// exactly the parameter shapes its descriptor declares.
import { createDescentTrainer } from './descent'
import { describeExprProblem, parseExpr } from './expr'
import { createGateTrainer } from './gates'
import { createMnistTrainer, type MnistData } from './mnist'
import { simpleNetRecords } from './simplenet-run'
import type { DescentTraining, GateTraining, MnistTraining, SimpleNetInput, StepRecord, Trainer, Training, Xor2Training } from './types'
import { createXor2Trainer } from './xor2'

/** Makes a trainer from a validated configuration of its kind (and the data set, for a kind that needs one). */
export type TrainerFactory<C = never> = (config: C, data?: MnistData) => Trainer

const trainers = new Map<string, TrainerFactory<never>>()

/** Adds a kind's trainer (each kind once). */
export function registerTrainer<C>(kind: string, factory: TrainerFactory<C>): void {
  if (trainers.has(kind)) throw new Error(`there is already a trainer for ${kind} runs`)
  trainers.set(kind, factory as TrainerFactory<never>)
}

/** The kinds that have a trainer. */
export const trainerKinds = (): string[] => [...trainers.keys()]

/** A trainer for a configuration of any trained kind. */
export function createTrainer(config: Training | { kind: string }, data?: MnistData): Trainer {
  const factory = trainers.get(config.kind)
  if (!factory) throw new Error(`there is no trainer for ${JSON.stringify(config.kind)} runs`)
  return factory(config as never, data)
}

/** A whole run at once: its records (step 0 first) and its final outputs. */
export interface ComputedRun {
  records: StepRecord[]
  predictions: number[]
}
export type Computation<C = never> = (config: C) => ComputedRun

const computations = new Map<string, Computation>()

/** Adds a kind's computation (each kind once). */
export function registerComputation<C>(kind: string, compute: Computation<C>): void {
  if (computations.has(kind)) throw new Error(`there is already a computation for ${kind} runs`)
  computations.set(kind, compute as Computation)
}

/** The kinds that are computed in one go. */
export const computationKinds = (): string[] => [...computations.keys()]

/** The records of a run computed in one go. */
export function computeRun(config: { kind: string }): ComputedRun {
  const compute = computations.get(config.kind)
  if (!compute) throw new Error(`there is no computation for ${JSON.stringify(config.kind)} runs`)
  return compute(config as never)
}

const builtIn = {
  gate: (c: GateTraining) => createGateTrainer(c),
  xor2: (c: Xor2Training) => createXor2Trainer(c),
  mnist(c: MnistTraining, data?: MnistData) {
    if (!data) throw new Error('an MNIST run needs the MNIST data set, and none was given')
    return createMnistTrainer(c, data)
  },
  descent(c: DescentTraining) {
    const parsed = parseExpr(c.f, 2)
    if (!parsed.ok) throw new Error(describeExprProblem(parsed.problem, 2))
    return createDescentTrainer(c, parsed.expr.f)
  }
}
for (const [kind, factory] of Object.entries(builtIn)) registerTrainer(kind, factory as TrainerFactory<never>)

const builtInComputations = {
  simplenet: (c: SimpleNetInput) => simpleNetRecords(c)
}
for (const [kind, compute] of Object.entries(builtInComputations)) registerComputation(kind, compute as Computation<never>)
