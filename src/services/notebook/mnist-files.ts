// The four MNIST IDX files, gzipped, to travel with an exported notebook: taken from the folder
// the app reads MNIST from (raw or already gzipped there), each checked against its sha256.
import { createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { gunzip, gzip } from 'node:zlib'
import { MNIST_FILES, mnistDirs } from '../mnist'
import { ApiFailure } from '../errors'

const gzipAsync = promisify(gzip)
const gunzipAsync = promisify(gunzip)

type MnistFile = (typeof MNIST_FILES)[keyof typeof MNIST_FILES]

/** The file in `dir`, raw or gzipped, or null when it is not there. */
const find = (dir: string, file: MnistFile): { path: string; gz: boolean } | null =>
  existsSync(join(dir, file.name)) ? { path: join(dir, file.name), gz: false }
  : existsSync(join(dir, file.name + '.gz')) ? { path: join(dir, file.name + '.gz'), gz: true }
  : null

async function gzipped(dir: string, file: MnistFile): Promise<{ name: string; data: Uint8Array }> {
  const found = find(dir, file)!
  const bytes = await readFile(found.path)
  const raw = found.gz ? await gunzipAsync(bytes) : bytes
  const sha = createHash('sha256').update(raw).digest('hex')
  if (sha !== file.sha256) throw new ApiFailure('internal', `MNIST file ${found.path} is damaged: sha256 ${sha}, expected ${file.sha256}`)
  return { name: `${file.name}.gz`, data: found.gz ? bytes : await gzipAsync(raw) }
}

/** `{ name: 'train-images-idx3-ubyte.gz', data }` for each of the four files. */
export async function mnistGzipFiles(dirs: string[] = mnistDirs()): Promise<{ name: string; data: Uint8Array }[]> {
  const files = Object.values(MNIST_FILES)
  const dir = dirs.find((d) => files.every((f) => find(d, f)))
  if (!dir) throw new ApiFailure('not-found', `MNIST files not found in ${dirs.join(', ')}: the notebook can be exported without them`)
  return Promise.all(files.map((f) => gzipped(dir, f)))
}
