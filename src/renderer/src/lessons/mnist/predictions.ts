// The network's predicted digit for each test image, worked out a few images per task: 100
// images through a 784x64 network take ~30 ms on a loaded machine, and a live snapshot arrives
// every few seconds, so one batch at a time would block the window (the 50 ms budget, docs/architecture.md).
import { predict } from '../../../../engine'
import type { Formulation, Params } from '../../../../engine/types'

/** Images per task. */
const CHUNK = 10

/** Calls `done` with the predicted digits of `count` images (784 pixels each); returns a cancel. */
export function predictInChunks(
  params: Params,
  images: Float64Array,
  count: number,
  formulation: Formulation,
  done: (predicted: number[]) => void
): () => void {
  const predicted: number[] = []
  let timer: ReturnType<typeof setTimeout> | undefined
  const next = (): void => {
    const start = predicted.length
    const n = Math.min(CHUNK, count - start)
    const y = predict(params, images.subarray(start * 784, (start + n) * 784), n, formulation)
    for (let i = 0; i < n; i++) {
      let best = 0
      for (let k = 1; k < 10; k++) if (y[i * 10 + k] > y[i * 10 + best]) best = k
      predicted.push(best)
    }
    if (predicted.length < count) timer = setTimeout(next, 0)
    else done(predicted)
  }
  timer = setTimeout(next, 0)
  return () => clearTimeout(timer)
}
