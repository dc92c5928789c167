// The four MNIST IDX files, gzipped, to travel with an exported notebook: found and checked by
// the app's own MNIST lookup (services/mnist: the same folder, packed copy first, sha256 of the
// uncompressed bytes), so the notebook carries exactly what the app trains on.
import { readFile } from 'node:fs/promises'
import { promisify } from 'node:util'
import { gzip } from 'node:zlib'
import { MNIST_FILES, mnistDir, mnistFilePath, MnistUnavailable, readMnistFile } from '../mnist'
import { ApiFailure } from '../errors'

const gzipAsync = promisify(gzip)

/** `{ name: 'train-images-idx3-ubyte.gz', data }` for each of the four files. */
export async function mnistGzipFiles(): Promise<{ name: string; data: Uint8Array }[]> {
  let dir: string
  try {
    dir = mnistDir()
  } catch (e) {
    if (e instanceof MnistUnavailable) throw new ApiFailure('not-found', `${e.message}: the notebook can be exported without them`)
    throw e
  }
  return Promise.all(
    Object.values(MNIST_FILES).map(async (file) => {
      // checked whole first (a damaged file is named); a packed copy then travels as it is
      const raw = readMnistFile(dir, file)
      const path = mnistFilePath(dir, file)!
      return { name: `${file.name}.gz`, data: path.endsWith('.gz') ? await readFile(path) : await gzipAsync(raw) }
    })
  )
}
