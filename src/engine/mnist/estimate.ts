// How long an MNIST run will take, shown before a (possibly slow) numerical-gradient run starts.
import type { MnistTraining } from '../types'
import { lossAfterUpdate } from './convention'

// Calibrated from timings on the 2-core development machine (shared, so rounded up):
// one nudged batch row of the numerical gradient (a sigmoid difference and ten output
// changes, mostly from per-row power series) costs about 40 ns; one multiply-add of a forward
// or backward pass, in the WebAssembly kernels with the work around them, about 0.6 ns.
const NONZERO_PIXELS_PER_IMAGE = 150
const SECONDS_PER_NUDGED_ROW = 4e-8
const SECONDS_PER_MAC = 6e-10
const EVAL_IMAGES = 70000

/** Estimated wall-clock seconds for the whole run, evaluations included. */
export function estimateNumericalSeconds(config: MnistTraining): number {
  const firstLayer = config.batch * NONZERO_PIXELS_PER_IMAGE * config.hidden
  const pass = (firstLayer + config.batch * 10 * config.hidden) * SECONDS_PER_MAC
  // reporting the loss after the update takes one more forward pass per iteration
  const extraPass = lossAfterUpdate(config.formulation) ? pass : 0
  const gradient = config.gradient === 'numerical'
    ? 2 * firstLayer * SECONDS_PER_NUDGED_ROW + pass
    : 2 * pass
  const evaluations = (config.evalEvery > 0 ? Math.floor(config.iterations / config.evalEvery) : 0) + 1
  const evalPass = EVAL_IMAGES * (NONZERO_PIXELS_PER_IMAGE + 10) * config.hidden * SECONDS_PER_MAC
  return config.iterations * (gradient + extraPass) + evaluations * evalPass
}
