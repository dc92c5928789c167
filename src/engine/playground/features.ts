// The input features a playground network can read, each a function of the point (x1, x2).
import { matrix } from '../linalg'
import type { Matrix } from '../types'
import type { Point } from './dataset'

export type Feature = 'x1' | 'x2' | 'x1sq' | 'x2sq' | 'x1x2' | 'sinx1' | 'sinx2'

/** In this order the columns of the input matrix X are laid out, whatever order they were chosen in. */
export const FEATURES: readonly Feature[] = ['x1', 'x2', 'x1sq', 'x2sq', 'x1x2', 'sinx1', 'sinx2']

const VALUE: Record<Feature, (x1: number, x2: number) => number> = {
  x1: (x1) => x1,
  x2: (_, x2) => x2,
  x1sq: (x1) => x1 * x1,
  x2sq: (_, x2) => x2 * x2,
  x1x2: (x1, x2) => x1 * x2,
  sinx1: (x1) => Math.sin(x1),
  sinx2: (_, x2) => Math.sin(x2)
}

/** The chosen features in FEATURES' order. */
export const orderFeatures = (chosen: readonly Feature[]): Feature[] => FEATURES.filter((f) => chosen.includes(f))

/** X: one row per point, one column per feature (in FEATURES' order). */
export function featureMatrix(points: readonly (readonly [number, number, ...unknown[]])[], chosen: readonly Feature[]): Matrix {
  const fs = orderFeatures(chosen).map((f) => VALUE[f])
  const X = matrix(points.length, fs.length)
  points.forEach(([x1, x2], n) => fs.forEach((f, j) => (X.data[n * fs.length + j] = f(x1, x2))))
  return X
}

/** The labels of points as an integer vector t. */
export const labels = (points: readonly Point[]): Int32Array => Int32Array.from(points, (p) => p[2])
