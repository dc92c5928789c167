// The engine's vocabulary: what its trainers read, the records a trainer emits, and the
// Trainer interface every lesson's training loop implements. The engine imports nothing.
import type { PlaygroundTraining } from './playground/config'

/** Row-major float64 matrix; a vector of length n is { rows: 1, cols: n }. */
export interface Matrix {
  rows: number
  cols: number
  data: Float64Array
}

/** Named parameters or gradients, e.g. { W1, b1, W2, b2 }, in the notebook's names. */
export type Params = Record<string, Matrix>

export type GateName = 'AND' | 'OR' | 'NAND' | 'XOR'
export type GradientMethod = 'numerical' | 'backprop'
/**
 * The MNIST model's formulation: `textbook`, the notebook's code with its quirks; `standard`,
 * row-wise softmax and mean cross-entropy, the loss reported before the update and the exact
 * gradient of the guarded loss; `twolayernet`, the same model trained as the book's
 * TwoLayerNet class is (gradient (y - t)/B, loss reported after the update). docs/models.md
 */
export type Formulation = 'textbook' | 'standard' | 'twolayernet'

// What each trainer reads of a run's configuration. The configurations themselves are defined
// (and validated) in src/shared/config.ts; they satisfy these structurally.

export interface SimpleNetInput {
  seed: number
  x: readonly number[]
  t: readonly number[]
  h: number
  /** Six weights overriding `randn(2,3)` from the seed. */
  W?: readonly number[]
  /** The loss's delta: the notebook's 1e-4 (default) or the book's 1e-7. */
  formulation?: 'notebook' | 'book'
  /** Gradient-descent steps `W -= lr*dW` on the single example. */
  steps: number
  lr: number
}

export interface GateTraining {
  kind: 'gate'
  gate: GateName
  seed: number
  lr: number
  epochs: number
  h: number
  gradient: GradientMethod
  logEvery: number
}

export interface ScheduleStep {
  lr: number
  epochs: number
}

export interface Xor2Training {
  kind: 'xor2'
  seed: number
  schedule: readonly ScheduleStep[]
  h: number
  gradient: GradientMethod
  logEvery: number
}

export interface MnistTraining {
  kind: 'mnist'
  seed: number
  hidden: number
  batch: number
  iterations: number
  lr: number
  gradient: GradientMethod
  formulation: Formulation
  h: number
  /** Evaluation every K iterations (0: only after the last). */
  evalEvery: number
  /** `book`: after iteration 1 and every max(60000/batch, 1) after it, as the book's train_neuralnet.py (evalEvery unused). */
  evalSchedule?: 'every' | 'book'
  /** Parameter snapshot every K iterations (the last iteration always gets one). */
  snapshotEvery: number
}

/** Chapter 4.4.1: gradient descent on a function of two variables (the book's gradient_descent). */
export interface DescentTraining {
  kind: 'descent'
  /** `function_2` or an expression in x0, x1; resolved to a function by the caller. */
  f: string
  init: readonly number[]
  lr: number
  steps: number
  h: number
  logEvery: number
}

export type Training = GateTraining | Xor2Training | MnistTraining | DescentTraining | PlaygroundTraining

/** One logged step of training: an epoch for gate/xor2, an iteration for mnist (1-based). */
export interface StepRecord {
  step: number
  loss: number
  lr?: number
  /** Playground: the loss on the held-out points (`loss` is the training set's). */
  testLoss?: number
  trainAcc?: number
  testAcc?: number
  /** Parameters after this step, when the step carries a snapshot. */
  params?: Params
  /** Gradients used in this step (gates/xor2), for the dW tables. */
  grads?: Params
  /** MNIST evaluation steps: 10x10 confusion matrix of the test set, row = true label. */
  confusion?: number[]
  /** MNIST steps that carry a snapshot: what the update did (sent live, not stored). */
  change?: StepChange
}

/** One MNIST update summarised: the batch's loss either side of it and its largest moves. */
export interface StepChange {
  lossBefore: number
  lossAfter: number
  /** The entries that moved most, largest |after − before| first. */
  largest: { param: string; index: number; before: number; after: number }[]
}

export interface RunResult {
  /** Final outputs on the training inputs (gate/xor2: the four truth-table rows). */
  predictions?: number[]
}

export interface Trainer {
  /** The record of step 0, before any update, for trainers whose start is a point of the run (descent). */
  readonly start?: StepRecord
  /** Steps this run will take in all. */
  readonly total: number
  /** Steps taken so far. */
  readonly done: number
  /**
   * Started paused, the runner first takes the steps up to this one at full speed and holds
   * there: a playground branch retraining its parent's epochs up to its edit.
   */
  readonly holdAt?: number
  /**
   * Take one step; returns its record when the step is logged, null otherwise. `record` asks for
   * the record (with parameters) even off the log interval: a step taken by hand is always shown.
   */
  step(record?: boolean): StepRecord | null
  /** Whether step n (1-based) is logged when not asked for (absent: every step is). */
  logs?(n: number): boolean
  /** Current parameters (a copy). */
  params(): Params
  result(): RunResult
}

/** Lesson 4.2's stored run: the two losses of one output y against the label t. */
export interface LossInput {
  y: readonly number[]
  t: number
}

/** Lesson 4.3's stored run: f's numerical derivative at x (f: function_1 or an expression in x). */
export interface DerivativeInput {
  f: string
  x: number
  h: number
  method: 'central' | 'forward'
  precision: 'float64' | 'float32'
}

/** Lesson 4.4's stored run: the numerical gradient of f(x0, x1) at (x0, x1). */
export interface GradientInput {
  f: string
  x0: number
  x1: number
  h: number
}
