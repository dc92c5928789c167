// The lesson's starting settings, and the ones it suggests for the three-arm spiral.
import type { PlaygroundTraining } from './config'

/**
 * Xavier initialisation by default: with the chapter's 0.01·randn every layer shrinks its input
 * by about 0.01·√n, so in a deeper network the signal (and the gradient) all but vanish and
 * training crawls; randn·√(1/n) keeps a tanh or sigmoid layer's outputs about as spread as its inputs.
 */
export const playgroundDefaults: PlaygroundTraining = {
  kind: 'playground',
  seed: 1,
  data: 'circle',
  classes: 2,
  points: 200,
  noise: 0,
  testRatio: 0.5,
  custom: [],
  features: ['x1', 'x2'],
  layers: [4, 2],
  activation: 'tanh',
  loss: 'cross-entropy',
  init: 'xavier',
  lr: 0.03,
  batch: 10,
  regularization: 'none',
  regRate: 0,
  gradient: 'backprop',
  h: 1e-4,
  epochs: 300,
  logEvery: 1
}

/** Three arms with [8, 8] tanh: sin x₁ and sin x₂ give the net the turns of the arms; test accuracy above 0.9 by epoch 300. */
export const spiralSuggestion: Partial<PlaygroundTraining> = {
  data: 'spiral',
  classes: 3,
  points: 500,
  noise: 0,
  features: ['x1', 'x2', 'sinx1', 'sinx2'],
  layers: [8, 8],
  activation: 'tanh',
  lr: 0.1,
  batch: 10,
  epochs: 300
}
