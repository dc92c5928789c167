// The playground's parameters: the values each may take and the parsers that check them (its
// rows, labels and the rest of its facts are its descriptor's, src/shared/kinds/playground.ts).
import type { Activation, DatasetName, Feature, Init, LossName, Point, Regularization, WeightEdit } from '../engine/playground'
import type { Same } from './fields'
import { array, described, int, num, object, oneOf, optional, ValidationError } from './schema'

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

/** W1, b1, … W7, b7: the parameters of a network of up to 6 hidden layers. */
const PARAM_NAMES = Array.from({ length: 7 }, (_, l) => [`W${l + 1}`, `b${l + 1}`]).flat()
/** Weights a learner may type in: far past any trained network's, short of overflowing a tanh's sum. */
export const EDIT_LIMIT = 1000
export const MAX_EDITS = 1000
/** A weight typed in by hand (the lesson's field checks it as the run's parser will). */
export const editValue = num({ min: -EDIT_LIMIT, max: EDIT_LIMIT })
/** After `epoch` epochs (0: before the first), the entry (row, col) of `param` was set to `value`. */
const edit = object({
  epoch: int(0, 100000),
  param: oneOf(...PARAM_NAMES),
  row: int(0, 7),
  col: int(0, 7),
  value: editValue
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
  regRate: num({ min: 0, max: 1 }),
  /** Not a flag: a branch's weight edits (a paused run's weight edited in the lesson), in epoch order. */
  edits: optional(array(edit, { max: MAX_EDITS, noun: 'weight edits' }), [])
} as const


type Shapes = readonly (readonly [name: string, rows: number, cols: number])[]

/**
 * The whole-config rules the rows cannot say alone: custom points exactly when the data set is
 * `custom`; edits in epoch order, before the last epoch, each naming an entry of the network's
 * own parameters (`shapes`).
 */
export function checkPlayground<C extends { data: string; custom: readonly unknown[]; epochs: number; edits: readonly WeightEdit[] }>(
  c: C,
  field: string,
  shapes: Shapes
): C {
  const at = (k: string): string => `${field ? field + '.' : ''}${k}`
  if (c.data === 'custom' && c.custom.length < 2) throw new ValidationError(at('custom'), 'at least 2 points for the custom data set', c.custom.length)
  if (c.data !== 'custom' && c.custom.length > 0) throw new ValidationError(at('custom'), 'no points unless the data set is custom', c.custom.length)
  c.edits.forEach((e, i) => {
    const where = at(`edits[${i}]`)
    if (e.epoch >= c.epochs) throw new ValidationError(`${where}.epoch`, `an epoch before the last (0 to ${c.epochs - 1})`, e.epoch)
    if (i > 0 && e.epoch < c.edits[i - 1].epoch) throw new ValidationError(`${where}.epoch`, `edits in epoch order (at least ${c.edits[i - 1].epoch})`, e.epoch)
    const shape = shapes.find(([name]) => name === e.param)
    if (!shape) throw new ValidationError(`${where}.param`, `a parameter of this network: ${shapes.map(([n]) => n).join(', ')}`, e.param)
    const [, rows, cols] = shape
    if (e.row >= rows || e.col >= cols) throw new ValidationError(where, `an entry of ${e.param} (${rows}x${cols}): row 0 to ${rows - 1}, column 0 to ${cols - 1}`, `(${e.row}, ${e.col})`)
  })
  return c
}
