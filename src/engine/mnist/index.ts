// MNIST for the engine: IDX parsing, the two-layer net in the textbook and standard
// formulations, backprop, the fast exact numerical gradient, and the trainer.
export type { MnistData, MnistSplit } from './data'
export { parseIdxImages, parseIdxLabels } from './idx'
export { createMnistTrainer } from './trainer'
export { predict } from './predict'
export { estimateNumericalSeconds, START_SECONDS } from './estimate'
export { serialCompute, type MnistCompute } from './compute'
export { CLASSES, PIXELS, csrOf, gatherRows, type Allocate, type Csr } from './data'
export { evaluationOf, evaluationOutputs, evaluationRanges, type Evaluation } from './evaluate'
export { numericalGradientPart, parameterCount, parameterRanges } from './numerical'
export type { Gradient, MnistParams } from './model'
