// Floats and 1-D float arrays as numpy prints them, so the log pane's lines read as the notebook's.
// A scalar: Python's repr (the shortest digits that round-trip, positional from 1e-4 up to 1e16,
// else scientific as 1e-05). An array: numpy's default print options (precision 8, 'maxprec',
// no suppression): every element at most 8 digits after the point with trailing zeros dropped,
// padded to a common width; scientific for all when an element is 1e8 or more, below 1e-4, or the
// largest over the smallest (non-zero) exceeds 1000. Arrays longer than a line (75 characters)
// are not wrapped: the lessons print at most a few numbers.
// Checked against numpy's own output: fixtures/make_print_fixtures.py.

/** The shortest round-trip digits of |x| and the decimal exponent of the first one. */
function shortest(x: number): { digits: string; exp: number } {
  const [mantissa, e] = Math.abs(x).toExponential().split('e')
  return { digits: mantissa.replace('.', ''), exp: Number(e) }
}

const sign = (x: number): string => (x < 0 || Object.is(x, -0) ? '-' : '')

/** Digits d (first at 10^exp) written out positionally, without a sign; no point when integral. */
function positional(digits: string, exp: number): { int: string; frac: string } {
  if (exp < 0) return { int: '0', frac: '0'.repeat(-exp - 1) + digits }
  if (digits.length <= exp + 1) return { int: digits + '0'.repeat(exp + 1 - digits.length), frac: '' }
  return { int: digits.slice(0, exp + 1), frac: digits.slice(exp + 1) }
}

const expPart = (exp: number, width = 2): string => (exp < 0 ? 'e-' : 'e+') + String(Math.abs(exp)).padStart(width, '0')

/** How Python (and numpy's float64 scalar) prints x: `0.1604392693330146`, `1.0`, `1e-05`. */
export function pyFloat(x: number): string {
  if (Number.isNaN(x)) return 'nan'
  if (!Number.isFinite(x)) return x < 0 ? '-inf' : 'inf'
  if (x === 0) return sign(x) + '0.0'
  const { digits, exp } = shortest(x)
  if (exp >= -4 && exp < 16) {
    const p = positional(digits, exp)
    return `${sign(x)}${p.int}.${p.frac || '0'}`
  }
  const frac = digits.slice(1)
  return `${sign(x)}${digits[0]}${frac ? '.' + frac : ''}${expPart(exp)}`
}

const PRECISION = 8

/** An element in positional form, at most 8 fractional digits, trailing zeros trimmed: `2.794852`, `1.`. */
function positionalElement(x: number): { int: string; frac: string } {
  if (x === 0) return { int: sign(x) + '0', frac: '' }
  const { digits, exp } = shortest(x)
  let p = positional(digits, exp)
  if (p.frac.length > PRECISION) {
    // more digits than the precision: the value itself rounded at the 8th decimal
    const [int, frac] = Math.abs(x).toFixed(PRECISION).split('.')
    p = { int, frac: frac.replace(/0+$/, '') }
  }
  return { int: sign(x) + p.int, frac: p.frac }
}

/** An element in scientific form, at most 8 digits after the point, trailing zeros trimmed. */
function scientificElement(x: number): { int: string; frac: string; exp: number } {
  if (x === 0) return { int: sign(x) + '0', frac: '', exp: 0 }
  let { digits, exp } = shortest(x)
  if (digits.length > PRECISION + 1) {
    const [m, e] = Math.abs(x).toExponential(PRECISION).split('e')
    digits = m.replace('.', '').replace(/0+$/, '')
    exp = Number(e)
  }
  return { int: sign(x) + digits[0], frac: digits.slice(1), exp }
}

/** How numpy prints a 1-D float64 array: `[4.27548114 4.27284863]`, `[ 0.5  -0.25]`, `[1.e-05 2.e+00]`. */
export function npArray(values: ArrayLike<number>): string {
  const xs = Array.from(values)
  const finite = xs.filter(Number.isFinite)
  const nonZero = finite.filter((v) => v !== 0).map(Math.abs)
  const max = nonZero.length ? Math.max(...nonZero) : 0
  const min = nonZero.length ? Math.min(...nonZero) : 0
  const scientific = nonZero.length > 0 && (max >= 1e8 || min < 1e-4 || max / min > 1000)
  let cells: ((x: number) => string) | null = null
  let padLeft = 0
  let width = 0
  if (scientific) {
    const parts = finite.map(scientificElement)
    const precision = Math.max(...parts.map((p) => p.frac.length))
    const expWidth = Math.max(2, ...parts.map((p) => String(Math.abs(p.exp)).length))
    padLeft = Math.max(...parts.map((p) => p.int.length))
    const padRight = precision + 2 + expWidth
    width = padLeft + 1 + padRight
    cells = (x) => {
      const p = scientificElement(x)
      return `${p.int.padStart(padLeft)}.${p.frac.padEnd(precision, '0')}${expPart(p.exp, expWidth)}`
    }
  } else if (finite.length) {
    const parts = finite.map(positionalElement)
    padLeft = Math.max(...parts.map((p) => p.int.length))
    const padRight = Math.max(...parts.map((p) => p.frac.length))
    width = padLeft + 1 + padRight
    cells = (x) => {
      const p = positionalElement(x)
      return `${p.int.padStart(padLeft)}.${p.frac.padEnd(padRight)}`
    }
  }
  const nonFinite = (x: number): string => {
    const text = Number.isNaN(x) ? 'nan' : x < 0 ? '-inf' : 'inf'
    return text.padStart(width)
  }
  return `[${xs.map((x) => (Number.isFinite(x) && cells ? cells(x) : nonFinite(x))).join(' ')}]`
}
