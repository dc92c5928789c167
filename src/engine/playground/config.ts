// What a playground run reads of its configuration (validated in src/shared); everything a run
// needs to reproduce exactly, hand-placed and CSV points included.
import type { GradientMethod } from '../types'
import type { DatasetName, Point } from './dataset'
import type { Feature } from './features'
import type { Activation, LossName } from './network'

/** `small`: the chapter's 0.01·randn; `xavier`: randn·√(1/n_in); `he`: randn·√(2/n_in). */
export type Init = 'small' | 'xavier' | 'he'
export type Regularization = 'none' | 'l1' | 'l2'

/** A weight set by hand: after `epoch` epochs (0: before the first), `param`'s entry (row, col) becomes `value`. */
export interface WeightEdit {
  epoch: number
  param: string
  row: number
  col: number
  value: number
}

export interface PlaygroundTraining {
  kind: 'playground'
  seed: number
  /** A generator, or `custom`: exactly the points in `custom` (placed by hand or read from a CSV). */
  data: DatasetName | 'custom'
  /** Spiral's arms (2 or 3); the other generators have two classes, custom points their labels'. */
  classes: number
  points: number
  noise: number
  testRatio: number
  custom: readonly Point[]
  features: readonly Feature[]
  layers: readonly number[]
  activation: Activation
  loss: LossName
  init: Init
  lr: number
  batch: number
  regularization: Regularization
  regRate: number
  gradient: GradientMethod
  h: number
  epochs: number
  logEvery: number
  /**
   * A branch's edits, in epoch order: the run retrains its parent's epochs (same seed, same
   * shuffles, so the same weights) and sets each weight when its epoch is reached.
   */
  edits: readonly WeightEdit[]
}
