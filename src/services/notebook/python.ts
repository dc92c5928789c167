// Numbers as Python source text that reads back to the same float64 (or float32) values.

/** A float64 as a Python expression: JavaScript's shortest round-trip form, which Python's float() reads back exactly. */
export function pyFloat(x: number): string {
  if (Number.isNaN(x)) return "float('nan')"
  if (x === Infinity) return "float('inf')"
  if (x === -Infinity) return "-float('inf')"
  if (Object.is(x, -0)) return '-0.0'
  const s = String(x)
  return /[.eE]/.test(s) ? s : s + '.0'
}

/** Up to this many numbers are written out as a list; longer arrays are packed (base64 of their bytes). */
const LIST_LIMIT = 400

/** Short lists wrapped to readable lines. */
function pyList(values: ArrayLike<number>, format: (x: number) => string): string {
  const items = Array.from(values, format)
  const rows: string[] = []
  for (let i = 0; i < items.length; i += 6) rows.push(items.slice(i, i + 6).join(', '))
  return rows.length <= 1 ? `[${rows.join('')}]` : `[\n    ${rows.join(',\n    ')},\n]`
}

/** base64 text in lines of 76 characters; Python's b64decode skips the line breaks. */
function base64Lines(bytes: Uint8Array): string {
  const b64 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64')
  return b64.replace(/.{1,76}/g, '$&\n')
}

/**
 * A numpy array expression holding exactly these values: float64, or float32 where the lab stores
 * float32 (MNIST weights). Needs `import base64` in the notebook when the array is long.
 */
export function pyArray(values: ArrayLike<number>, dtype: 'float64' | 'float32' = 'float64'): string {
  if (values.length <= LIST_LIMIT) {
    const list = pyList(values, dtype === 'float32' ? (x) => pyFloat(Math.fround(x)) : pyFloat)
    return `np.array(${list}, dtype=np.${dtype})`
  }
  // little-endian bytes, written explicitly so the text is the same on any machine
  const size = dtype === 'float32' ? 4 : 8
  const view = new DataView(new ArrayBuffer(values.length * size))
  for (let i = 0; i < values.length; i++) {
    if (size === 4) view.setFloat32(4 * i, values[i], true)
    else view.setFloat64(8 * i, values[i], true)
  }
  const text = base64Lines(new Uint8Array(view.buffer))
  return `np.frombuffer(base64.b64decode('''\n${text}'''), dtype='<f${size}').astype(np.${dtype})`
}

/** Integers (step numbers) as a numpy int array: a list when short, packed when long. */
export const pyInts = (values: number[]): string =>
  values.length <= LIST_LIMIT ? `np.array([${values.join(', ')}], dtype=int)` : `${pyArray(values)}.astype(int)`

/** Does any of these expressions need the base64 module? */
export const needsBase64 = (...sources: string[]): boolean => sources.some((s) => s.includes('base64.b64decode'))
