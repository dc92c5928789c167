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
export { simpleNet } from './simplenet'
export { gateForward, gateSurface } from './gates'
export { xor2Forward, xor2Surface } from './xor2'
export { defaultGrid, LABELS, X } from './truthtable'
export { estimateNumericalSeconds, predict, START_SECONDS } from './mnist'
export { explainStep, initialParams, paramsAfter, type ExplainedStep } from './explain'
export { createDescentTrainer, descentStep, gradient2, type Objective2 } from './descent'
export { describeExprProblem, exactDerivative, FUNCTIONS, parseExpr, toPython, variablesOf, type Arity, type Derivative, type Expr, type ExprProblem, type ExprResult } from './expr'
export * from './loss'
export * from './derivative'
export * from './weight-space'
