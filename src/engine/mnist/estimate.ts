// How long an MNIST run will take, shown before a (possibly slow) numerical-gradient run starts.
import type { MnistTraining } from '../types'
import { lossAfterUpdate } from './convention'
import { evaluationCount } from './schedule'

// Calibrated against `npm run bench` on the 2-core development machine (best-of timings, as a
// run's steady state): a backprop epoch of 784-64-10 at batch 100 takes 460 ms, a full evaluation
// pass (70,000 images, the notebook's accuracy) 283 ms, a textbook numerical-gradient iteration
// (784-64-10, batch 100) 94 ms. A training multiply-add in the WebAssembly kernels costs about
// 0.25 ns; each batch row also costs about 2.6 µs whatever the width (gathering its pixels, the
// output layer's softmax, the bookkeeping around the kernels), a third of a 64-unit iteration.
// An evaluation multiply-add costs more (about 0.4 ns: the per-row sigmoid and output layer run
// in plain JavaScript), and a nudged batch row of the numerical gradient (a sigmoid difference
// and ten output changes, mostly from per-row power series) about 48 ns.
const NONZERO_PIXELS_PER_IMAGE = 150
const SECONDS_PER_MAC = 2.5e-10
const SECONDS_PER_ROW = 2.6e-6
const SECONDS_PER_EVAL_MAC = 4e-10
const SECONDS_PER_NUDGED_ROW = 4.8e-8
const EVAL_IMAGES = 70000
const TRAIN_IMAGES = 60000

/**
 * Worker threads (src/services/threads) split the numerical gradient and the evaluations; each
 * thread past the first adds about this much of one (`npm run bench`'s thread table: the join
 * and the per-thread set-up cost the rest).
 */
const THREAD_GAIN = 0.9

/**
 * What a run costs before its first iteration: starting its engine process and loading the data
 * set (decompressing and checksumming the shipped MNIST, about a second on the development
 * machine, and as long again to start the process). Without it a short run read "1 s" and took 4.
 */
export const START_SECONDS = 2.5

/** Estimated wall-clock seconds for the whole run, evaluations included, on `threads` threads (the start not included). */
export function estimateNumericalSeconds(config: MnistTraining, threads = 1): number {
  const speedup = 1 + THREAD_GAIN * (Math.max(threads, 1) - 1)
  const macsPerImage = (NONZERO_PIXELS_PER_IMAGE + 10) * config.hidden
  const firstLayer = config.batch * NONZERO_PIXELS_PER_IMAGE * config.hidden
  const pass = config.batch * macsPerImage * SECONDS_PER_MAC
  // reporting the loss after the update takes one more forward pass per iteration
  const extraPass = lossAfterUpdate(config.formulation) ? pass : 0
  const gradient = config.gradient === 'numerical'
    ? (2 * firstLayer * SECONDS_PER_NUDGED_ROW) / speedup + pass
    : 2 * pass + config.batch * SECONDS_PER_ROW
  const evaluations = evaluationCount(config, TRAIN_IMAGES)
  const evalPass = EVAL_IMAGES * macsPerImage * SECONDS_PER_EVAL_MAC
  return config.iterations * (gradient + extraPass) + (evaluations * evalPass) / speedup
}
