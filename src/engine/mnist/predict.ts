// Class probabilities in plain JavaScript, for the renderer (draw-a-digit, the test-digit grid):
// its CSP forbids compiling WebAssembly, and nothing imported here reaches the kernels.
import type { Formulation, Params } from '../types'
import { denseToCsr } from './data'
import { scalarTimesW } from './kernels/scalar'
import { forward, mnistParams, softmaxInPlace } from './model'

/** Class probabilities (count x 10) for `count` dense images (count*784 pixels in [0,1]). */
export function predict(params: Params, images: ArrayLike<number>, count: number, formulation: Formulation): Float64Array {
  const y = forward(mnistParams(params), denseToCsr(images, count), scalarTimesW).A2
  softmaxInPlace(y, formulation)
  return y
}
