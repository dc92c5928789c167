// The engine's trainers, one per kind of run it trains step by step, and its computations, one
// per kind computed in one go (SimpleNet): a kind's descriptor (src/shared/kinds/) says what its
// records carry, its trainer or computation here makes them. test/engine/trainers.test.ts checks every trainer emits
// exactly the parameter shapes its descriptor declares.
import { createDescentTrainer } from './descent'
import { describeExprProblem, parseExpr } from './expr'
import { createGateTrainer } from './gates'
import { createMnistTrainer, type MnistCompute, type MnistData } from './mnist'
import { derivativeRecords, gradientRecords, lossRecords } from './chapter4-runs'
import { createPlaygroundTrainer, type PlaygroundTraining } from './playground'
import { simpleNetRecords } from './simplenet-run'
import type { DerivativeInput, DescentTraining, GateTraining, GradientInput, LossInput, MnistTraining, SimpleNetInput, StepRecord, Trainer, Training, Xor2Training } from './types'
import { createXor2Trainer } from './xor2'

/**
 * Makes a trainer from a validated configuration of its kind (and the data set, for a kind that
 * needs one, and where its heavy computations run: MNIST's worker threads, src/services/threads).
 */
export type TrainerFactory<C = never> = (config: C, data?: MnistData, compute?: MnistCompute) => Trainer

// The built-in kinds are looked up in the tables at the end of this file, the registered ones (a
// test's toy kind) here. Nothing is registered when the module loads: a module without side
// effects lets the renderer's bundle drop the trainers (and the WebAssembly kernels) it never calls.
const trainers = new Map<string, TrainerFactory<never>>()

const own = <T>(table: Record<string, T>, kind: string): T | undefined => (Object.hasOwn(table, kind) ? table[kind] : undefined)

/** Adds a kind's trainer (each kind once). */
export function registerTrainer<C>(kind: string, factory: TrainerFactory<C>): void {
  if (trainers.has(kind) || own(builtIn, kind)) throw new Error(`there is already a trainer for ${kind} runs`)
  trainers.set(kind, factory as TrainerFactory<never>)
}

/** The kinds that have a trainer. */
export const trainerKinds = (): string[] => [...Object.keys(builtIn), ...trainers.keys()]

/** A trainer for a configuration of any trained kind. */
export function createTrainer(config: Training | { kind: string }, data?: MnistData, compute?: MnistCompute): Trainer {
  const factory = trainers.get(config.kind) ?? (own(builtIn, config.kind) as TrainerFactory<never> | undefined)
  if (!factory) throw new Error(`there is no trainer for ${JSON.stringify(config.kind)} runs`)
  return factory(config as never, data, compute)
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
  if (computations.has(kind) || own(builtInComputations, kind)) throw new Error(`there is already a computation for ${kind} runs`)
  computations.set(kind, compute as Computation)
}

/** The kinds that are computed in one go. */
export const computationKinds = (): string[] => [...Object.keys(builtInComputations), ...computations.keys()]

/** The records of a run computed in one go. */
export function computeRun(config: { kind: string }): ComputedRun {
  const compute = computations.get(config.kind) ?? (own(builtInComputations, config.kind) as Computation | undefined)
  if (!compute) throw new Error(`there is no computation for ${JSON.stringify(config.kind)} runs`)
  return compute(config as never)
}

const builtIn: Record<string, TrainerFactory<never>> = {
  gate: (c: GateTraining) => createGateTrainer(c),
  xor2: (c: Xor2Training) => createXor2Trainer(c),
  mnist(c: MnistTraining, data?: MnistData, compute?: MnistCompute) {
    if (!data) throw new Error('an MNIST run needs the MNIST data set, and none was given')
    return createMnistTrainer(c, data, compute)
  },
  playground: (c: PlaygroundTraining) => createPlaygroundTrainer(c),
  descent(c: DescentTraining) {
    const parsed = parseExpr(c.f, 2)
    if (!parsed.ok) throw new Error(describeExprProblem(parsed.problem, 2))
    return createDescentTrainer(c, parsed.expr.f)
  }
}

const builtInComputations: Record<string, Computation<never>> = {
  simplenet: (c: SimpleNetInput) => simpleNetRecords(c),
  loss: (c: LossInput) => lossRecords(c),
  derivative: (c: DerivativeInput) => derivativeRecords(c),
  gradient: (c: GradientInput) => gradientRecords(c)
}
