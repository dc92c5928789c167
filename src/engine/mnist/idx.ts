// IDX files (the MNIST distribution format): big-endian header, then unsigned bytes.

const IMAGES_MAGIC = 0x00000803
const LABELS_MAGIC = 0x00000801

export interface IdxImages {
  count: number
  rows: number
  cols: number
  /** float32(pixel/255), as load_mnist(normalize=True). */
  images: Float32Array
}

/** The dimensions an IDX header gives (images: count, rows, cols; labels: count), checked against its magic number. */
export function idxHeader(bytes: Uint8Array, name: string, kind: 'images' | 'labels'): number[] {
  return kind === 'images' ? header(bytes, name, IMAGES_MAGIC, 3) : header(bytes, name, LABELS_MAGIC, 1)
}

function header(bytes: Uint8Array, name: string, magic: number, dims: number): number[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const found = bytes.length >= 4 ? view.getUint32(0) : -1
  if (found !== magic) {
    const kind = dims === 3 ? 'image' : 'label'
    throw new Error(`${name}: magic number 0x${found.toString(16)} is not an IDX ${kind} file (0x${magic.toString(16).padStart(8, '0')})`)
  }
  if (bytes.length < 4 + 4 * dims) throw new Error(`${name}: ${bytes.length} bytes is too short for an IDX header`)
  return Array.from({ length: dims }, (_, d) => view.getUint32(4 + 4 * d))
}

export function parseIdxImages(bytes: Uint8Array, name = 'images'): IdxImages {
  const [count, rows, cols] = header(bytes, name, IMAGES_MAGIC, 3)
  const n = count * rows * cols
  if (bytes.length !== 16 + n) throw new Error(`${name}: expected ${16 + n} bytes for ${count} images of ${rows}x${cols}, got ${bytes.length}`)
  const images = new Float32Array(n)
  // p/255 has a period-8 binary expansion, so rounding the double to float32 equals numpy's float32 division.
  for (let p = 0; p < n; p++) images[p] = bytes[16 + p] / 255
  return { count, rows, cols, images }
}

export function parseIdxLabels(bytes: Uint8Array, name = 'labels'): Uint8Array {
  const [count] = header(bytes, name, LABELS_MAGIC, 1)
  if (bytes.length !== 8 + count) throw new Error(`${name}: expected ${8 + count} bytes for ${count} labels, got ${bytes.length}`)
  const labels = bytes.slice(8)
  for (let n = 0; n < count; n++) {
    if (labels[n] > 9) throw new Error(`${name}: label ${labels[n]} at index ${n} is not a digit 0-9`)
  }
  return labels
}
