// The first test digits the renderer shows (the `mnist:samples` channel), and the training digits
// of a mini-batch (`mnist:trainDigits`, lesson 4.2): their raw bytes from the IDX files
// (decompressed and checked once), and only the digits sent, never the whole set decoded to floats.
import { idxHeader } from '../../engine/mnist/idx'
import type { MnistSamples } from '../../shared/api'
import { MNIST_FILES } from './files'
import { mnistDir } from './index'
import { readMnistFile } from './read'

const PIXELS = 784
const IMAGES_HEADER = 16
const LABELS_HEADER = 8

/** Bytes of the images file and of the labels file that hold the first `count` digits. */
export const samplesBytes = (count: number): { images: number; labels: number } => ({
  images: IMAGES_HEADER + count * PIXELS,
  labels: LABELS_HEADER + count
})

/**
 * The first `count` digits (or all there are, if fewer) from the start of the two IDX files:
 * `images` and `labels` need hold only samplesBytes(count) bytes.
 */
export function samplesFromIdx(images: Uint8Array, labels: Uint8Array, count: number): MnistSamples {
  const [imageCount, rows, cols] = idxHeader(images, MNIST_FILES.testImages.name, 'images')
  const [labelCount] = idxHeader(labels, MNIST_FILES.testLabels.name, 'labels')
  if (rows * cols !== PIXELS) throw new Error(`${MNIST_FILES.testImages.name}: images of ${rows}x${cols}, not 28x28`)
  const n = Math.min(count, imageCount, labelCount)
  const need = samplesBytes(n)
  if (images.length < need.images || labels.length < need.labels) {
    throw new Error(`MNIST test files end before digit ${n}: ${images.length} image bytes and ${labels.length} label bytes`)
  }
  return {
    pixels: Array.from(images.subarray(IMAGES_HEADER, need.images)),
    labels: Array.from(labels.subarray(LABELS_HEADER, need.labels))
  }
}

/** The verified t10k files of each folder, read once: the lesson and every replay ask again. */
const testFiles = new Map<string, { images: Uint8Array; labels: Uint8Array }>()

/**
 * The first `count` test digits from the t10k files in `dir` (or the folder loadMnist would use):
 * read through readMnistFile, so the shipped gzip copies work and their sha256 is checked, once per
 * folder, and only the test files are read, the training set never.
 */
export function readSamples(count: number, dir?: string): MnistSamples {
  const from = mnistDir(dir)
  let files = testFiles.get(from)
  if (!files) {
    files = { images: readMnistFile(from, MNIST_FILES.testImages), labels: readMnistFile(from, MNIST_FILES.testLabels) }
    testFiles.set(from, files)
  }
  return samplesFromIdx(files.images, files.labels, count)
}

/** The verified train files of each folder, read once when a mini-batch first asks. */
const trainFiles = new Map<string, { images: Uint8Array; labels: Uint8Array }>()

/** The training digits at `indices` (np.random.choice's picks, repeats allowed), in that order. */
export function readTrainDigits(indices: readonly number[], dir?: string): MnistSamples {
  const from = mnistDir(dir)
  let files = trainFiles.get(from)
  if (!files) {
    files = { images: readMnistFile(from, MNIST_FILES.trainImages), labels: readMnistFile(from, MNIST_FILES.trainLabels) }
    trainFiles.set(from, files)
  }
  const [count] = idxHeader(files.images, MNIST_FILES.trainImages.name, 'images')
  const bad = indices.find((i) => !(Number.isInteger(i) && i >= 0 && i < count))
  if (bad !== undefined) throw new RangeError(`training digit ${bad} does not exist: the indices run from 0 to ${count - 1}`)
  const pixels: number[] = []
  for (const i of indices) pixels.push(...files.images.subarray(IMAGES_HEADER + i * PIXELS, IMAGES_HEADER + (i + 1) * PIXELS))
  return { pixels, labels: indices.map((i) => files.labels[LABELS_HEADER + i]) }
}
