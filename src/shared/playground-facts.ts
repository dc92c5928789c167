// What the rest of the lab needs to know of a playground run, from its configuration alone:
// its parameters' names and shapes, its steps, how much it stores, and its default name.
import { networkShape, paramNames, sizes, datasetClasses, type PlaygroundTraining } from '../engine/playground'
import type { PlaygroundConfig } from './playground-fields'

/** The classes of a configuration's data set: the custom points' labels, spiral's arms, else 2. */
const classesOf = (c: PlaygroundTraining): number => datasetClasses(c, c.custom)

/** { W1: [rows, cols], b1: [1, cols], … } for the configured network. */
export function playgroundShapes(c: PlaygroundConfig): Record<string, [number, number]> {
  const net = networkShape(c, classesOf(c))
  const s = sizes(net)
  const names = paramNames(net)
  return Object.fromEntries(names.map((name, i) => {
    const l = Math.floor(i / 2) + 1
    return [name, name.startsWith('W') ? [s[l - 1], s[l]] : [1, s[l]]]
  }))
}

/** Numbers in one parameter snapshot (the playground stores no gradients). */
export const playgroundParamCount = (c: PlaygroundConfig): number =>
  Object.values(playgroundShapes(c)).reduce((n, [r, k]) => n + r * k, 0)

export const playgroundTotalSteps = (c: PlaygroundConfig): number => c.epochs

/** Every K-th epoch and the last, each with its parameters (a diverged epoch is not stored). */
export function playgroundCounts(c: PlaygroundConfig): { metrics: number; paramSnapshots: number; evalSnapshots: number } {
  const logged = Math.min(c.epochs, Math.floor(c.epochs / c.logEvery) + 1)
  return { metrics: logged, paramSnapshots: logged, evalSnapshots: 0 }
}

export const playgroundName = (c: PlaygroundConfig): string =>
  `Playground ${c.data === 'spiral' ? `spiral ${c.classes}` : c.data}, [${c.layers.join(', ')}] ${c.activation}, lr ${c.lr}`
