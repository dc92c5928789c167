// The engine's public entry: what the CLI, the services and the renderer import.
import { createDescentTrainer } from './descent'
import { describeExprProblem, parseExpr } from './expr'
import { createGateTrainer } from './gates'
import { createMnistTrainer, type MnistData } from './mnist'
import type { Trainer, Training } from './types'
import { createXor2Trainer } from './xor2'

/** A trainer for any training run; MNIST needs its data set (loaded by the host, not the engine). */
export function createTrainer(config: Training, data?: MnistData): Trainer {
  switch (config.kind) {
    case 'gate':
      return createGateTrainer(config)
    case 'xor2':
      return createXor2Trainer(config)
    case 'mnist':
      if (!data) throw new Error('an MNIST run needs the MNIST data set, and none was given')
      return createMnistTrainer(config, data)
    case 'descent': {
      const parsed = parseExpr(config.f, 2)
      if (!parsed.ok) throw new Error(describeExprProblem(parsed.problem, 2))
      return createDescentTrainer(config, parsed.expr.f)
    }
  }
}

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
