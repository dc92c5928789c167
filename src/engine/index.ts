// The engine's public entry: what the CLI, the services and the renderer import.
export {
  computationKinds,
  computeRun,
  createTrainer,
  registerComputation,
  registerTrainer,
  trainerKinds,
  type Computation,
  type ComputedRun,
  type TrainerFactory
} from './trainers'
export type * from './types'
export { RandomState } from './random'
export { simpleNet, type SimpleNetResult } from './simplenet'
export { gateForward, gateSurface } from './gates'
export { xor2Forward, xor2Surface, type Xor2Output, type Xor2Surface } from './xor2'
export { defaultGrid, gridInputs, LABELS, X, type GridSpec } from './truthtable'
export { createDescentTrainer, descentStep, gradient2, type Objective2 } from './descent'
export { gradientCheck, numericalGradient, type GradientDiff } from './gradient'
export { sigmoid, softmax } from './functions'
export { fromRows, toRows } from './linalg'
export { estimateNumericalSeconds, parseIdxImages, parseIdxLabels, predict, type MnistData, type MnistSplit } from './mnist'
export * from './weight-space'
export { describeExprProblem, exactDerivative, FUNCTIONS, parseExpr, variablesOf, type Arity, type Derivative, type Expr, type ExprProblem, type ExprResult } from './expr'
