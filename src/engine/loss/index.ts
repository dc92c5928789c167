// Section 4.2's losses on one output and on a mini-batch, as the book computes them (delta 1e-7).
export { lossTerms, oneHot, type LossTerms } from './terms'
export { checkOutput, checkTarget, describeOutputProblem, describeTargetProblem, type OutputProblem, type TargetProblem, type Target } from './check'
export { batchCrossEntropyLabels, batchCrossEntropyOneHot, batchLoss, drawMiniBatch, normalisePixels, type BatchLoss, type MiniBatch } from './batch'
