// The playground's parameters as rows of the field table (fields.ts's FieldSpec): their ranges,
// how the CLI writes them and what they mean. Its config parser is built from these rows.
import { DATASETS, EXTENT, FEATURES, MAX_CSV_POINTS, MAX_LABEL, type DatasetName, type Feature, type Point } from '../engine/playground'
import type { Activation, Init, LossName, PlaygroundTraining, Regularization } from '../engine/playground'
import { fields, type Same } from './fields'
import { array, described, int, literal, num, object, oneOf, ValidationError, type Infer } from './schema'

export const DATA_CHOICES = [...DATASETS, 'custom'] as const satisfies readonly (DatasetName | 'custom')[]
export const ACTIVATIONS = ['sigmoid', 'tanh', 'relu', 'linear'] as const
export const LOSSES = ['cross-entropy', 'squared'] as const
export const INITS = ['small', 'xavier', 'he'] as const
export const REGULARIZATIONS = ['none', 'l1', 'l2'] as const
const listsComplete: [
  Same<(typeof ACTIVATIONS)[number], Activation>,
  Same<(typeof LOSSES)[number], LossName>,
  Same<(typeof INITS)[number], Init>,
  Same<(typeof REGULARIZATIONS)[number], Regularization>,
  Same<(typeof FEATURES)[number], Feature>
] = [true, true, true, true, true]
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
  points: int(2, MAX_CSV_POINTS),
  noise: num({ min: 0, max: 0.5 }),
  testRatio: num({ min: 0.1, max: 0.9 }),
  custom: array(point, { max: MAX_CSV_POINTS, noun: 'points' }),
  features: featureList,
  layers: array(int(1, 8), { max: 6, noun: 'layer sizes from 1 to 8' }),
  activation: oneOf(...ACTIVATIONS),
  loss: oneOf(...LOSSES),
  init: oneOf(...INITS),
  batch: int(1, MAX_CSV_POINTS),
  regularization: oneOf(...REGULARIZATIONS),
  regRate: num({ min: 0, max: 1 })
} as const

/** The rows in the order `lab train playground --help` lists them. */
export const playgroundRows = [
  { key: 'data', parse: playgroundFields.data, text: 'word', meta: `${DATASETS.join('|')}|FILE.csv`, help: 'a generated data set, or points from a CSV file (x1,x2,label lines)' },
  { key: 'classes', parse: playgroundFields.classes, text: 'integer', meta: 'N', help: 'arms of the spiral, 2 or 3 (the other data sets have 2 classes)' },
  { key: 'points', parse: playgroundFields.points, text: 'integer', meta: 'N', help: 'points generated' },
  { key: 'noise', parse: playgroundFields.noise, text: 'number', meta: 'P', help: 'noise from 0 to 0.5 (0.5 = 50 %): a Gaussian of 2.5·P added to each coordinate' },
  { key: 'testRatio', parse: playgroundFields.testRatio, text: 'number', meta: 'R', help: 'share of the points held out as test data, 0.1 to 0.9' },
  { key: 'features', parse: playgroundFields.features, text: 'words', meta: 'x1,x2,…', help: `the inputs, among ${FEATURES.join(', ')}` },
  { key: 'layers', parse: playgroundFields.layers, text: 'numbers', meta: '4,2', help: 'neurons of each hidden layer (0 to 6 layers of 1 to 8; "" for none)' },
  { key: 'activation', parse: playgroundFields.activation, text: 'word', meta: ACTIVATIONS.join('|'), help: 'activation function of the hidden layers' },
  { key: 'loss', parse: playgroundFields.loss, text: 'word', meta: LOSSES.join('|'), help: 'loss function (sigmoid output for 2 classes, softmax for 3)' },
  { key: 'init', parse: playgroundFields.init, text: 'word', meta: INITS.join('|'), help: "initial weights: 0.01·randn (the chapter's), randn·√(1/n) or randn·√(2/n)" },
  { key: 'lr', parse: fields.lr, text: 'number', meta: 'X', help: 'learning rate' },
  { key: 'batch', parse: playgroundFields.batch, text: 'integer', meta: 'B', help: 'mini-batch size (the training set when larger)' },
  { key: 'regularization', parse: playgroundFields.regularization, text: 'word', meta: REGULARIZATIONS.join('|'), help: 'penalty on the weights: rate·Σ|W| or rate·½ΣW²' },
  { key: 'regRate', parse: playgroundFields.regRate, text: 'number', meta: 'X', help: 'regularisation rate' },
  { key: 'gradient', parse: fields.gradient, text: 'word', meta: 'backprop|numerical', help: 'how the gradient is computed' },
  { key: 'h', parse: fields.h, text: 'number', meta: 'H', help: 'step of the numerical gradient' },
  { key: 'epochs', parse: fields.epochs, text: 'integer', meta: 'N', help: 'epochs over the training data' },
  { key: 'seed', parse: fields.seed, text: 'integer', meta: 'S', help: 'np.random.seed(S) before the points, the split and the weights are drawn' },
  { key: 'logEvery', parse: fields.logEvery, text: 'integer', meta: 'K', help: 'log (and store) every K-th epoch; the last is always stored' }
] as const

const shape = object({
  kind: literal('playground'),
  ...Object.fromEntries(playgroundRows.map((r) => [r.key, r.parse])),
  custom: playgroundFields.custom
} as { kind: ReturnType<typeof literal<'playground'>> } & { [R in (typeof playgroundRows)[number] as R['key']]: R['parse'] } & {
  custom: typeof playgroundFields.custom
})

/** A playground config: each field in its range, and custom points exactly when the data set is `custom`. */
export const parsePlayground = (v: unknown, field: string): Infer<typeof shape> => {
  const c = shape(v, field)
  if (c.data === 'custom' && c.custom.length < 2) throw new ValidationError(`${field ? field + '.' : ''}custom`, 'at least 2 points for the custom data set', c.custom.length)
  if (c.data !== 'custom' && c.custom.length > 0) throw new ValidationError(`${field ? field + '.' : ''}custom`, 'no points unless the data set is custom', c.custom.length)
  return c
}
export type PlaygroundConfig = ReturnType<typeof parsePlayground>

const trainable: PlaygroundConfig extends PlaygroundTraining ? true : false = true
void trainable
