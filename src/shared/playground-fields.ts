// The playground's parameters: the values each may take and the parsers that check them (its
// rows, labels and the rest of its facts are its descriptor's, src/shared/kinds/playground.ts).
import type { Activation, DatasetName, Feature, Init, LossName, Point, Regularization } from '../engine/playground'
import type { Same } from './fields'
import { array, described, int, num, oneOf, optional, ValidationError } from './schema'

// The engine's own constants for these (src/engine/playground/): src/shared takes only its types,
// so they are written again here and test/shared/playground-fields.test.ts checks they agree.
/** The plane every data set lives in: [-EXTENT, EXTENT]². */
export const EXTENT = 6
export const MAX_POINTS = 2000
export const MAX_LABEL = 2

export const DATASETS = ['circle', 'xor', 'gauss', 'spiral', 'moons', 'gates'] as const
export const FEATURES = ['x1', 'x2', 'x1sq', 'x2sq', 'x1x2', 'sinx1', 'sinx2'] as const
export const DATA_CHOICES = [...DATASETS, 'custom'] as const
export const ACTIVATIONS = ['sigmoid', 'tanh', 'relu', 'linear'] as const
export const LOSSES = ['cross-entropy', 'squared'] as const
export const INITS = ['small', 'xavier', 'he'] as const
export const REGULARIZATIONS = ['none', 'l1', 'l2'] as const
const listsComplete: [
  Same<(typeof DATASETS)[number], DatasetName>,
  Same<(typeof ACTIVATIONS)[number], Activation>,
  Same<(typeof LOSSES)[number], LossName>,
  Same<(typeof INITS)[number], Init>,
  Same<(typeof REGULARIZATIONS)[number], Regularization>,
  Same<(typeof FEATURES)[number], Feature>
] = [true, true, true, true, true, true]
void listsComplete

const coordinate = num({ min: -EXTENT, max: EXTENT })
const label = int(0, MAX_LABEL)
const POINT = `[x1, x2, label] with x1 and x2 from -${EXTENT} to ${EXTENT} and label 0 to ${MAX_LABEL}`
const point = described(POINT, (v, field): Point => {
  if (!Array.isArray(v) || v.length !== 3) throw new ValidationError(field, POINT, v)
  return [coordinate(v[0], `${field}[0]`), coordinate(v[1], `${field}[1]`), label(v[2], `${field}[2]`)]
})

const FEATURE_LIST = `1 to 7 different features of ${FEATURES.join(', ')}`
const featureList = described(FEATURE_LIST, (v, field): Feature[] => {
  const chosen = array(oneOf(...FEATURES), { min: 1, max: FEATURES.length, noun: 'features' })(v, field)
  if (new Set(chosen).size !== chosen.length) throw new ValidationError(field, FEATURE_LIST, v)
  return chosen
})

export const playgroundFields = {
  data: oneOf(...DATA_CHOICES),
  classes: int(2, 3),
  points: int(2, MAX_POINTS),
  noise: num({ min: 0, max: 0.5 }),
  testRatio: num({ min: 0.1, max: 0.9 }),
  /** Not a flag: `lab` fills it from `--data FILE.csv`, the lesson from placed points. */
  custom: optional(array(point, { max: MAX_POINTS, noun: 'points' }), []),
  features: featureList,
  layers: array(int(1, 8), { max: 6, noun: 'layer sizes from 1 to 8' }),
  activation: oneOf(...ACTIVATIONS),
  loss: oneOf(...LOSSES),
  init: oneOf(...INITS),
  batch: int(1, MAX_POINTS),
  regularization: oneOf(...REGULARIZATIONS),
  regRate: num({ min: 0, max: 1 })
} as const


/** Custom points exactly when the data set is `custom`: the whole-config rule the rows cannot say alone. */
export function checkCustom<C extends { data: string; custom: readonly unknown[] }>(c: C, field: string): C {
  const at = `${field ? field + '.' : ''}custom`
  if (c.data === 'custom' && c.custom.length < 2) throw new ValidationError(at, 'at least 2 points for the custom data set', c.custom.length)
  if (c.data !== 'custom' && c.custom.length > 0) throw new ValidationError(at, 'no points unless the data set is custom', c.custom.length)
  return c
}
