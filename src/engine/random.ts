// numpy's legacy global generator (np.random.seed / rand / randn / randint / choice),
// reproduced bit for bit so that a seed here gives the textbook's numbers.
import { log } from './log'

const N = 624
const M = 397

export class RandomState {
  private readonly mt = new Uint32Array(N)
  private pos = N
  private gauss: number | null = null

  constructor(seed = 0) {
    this.seed(seed)
  }

  /** np.random.seed(int): init_genrand, and forget any cached Gaussian. */
  seed(seed: number): void {
    if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) {
      throw new RangeError(`seed must be an integer from 0 to 4294967295, got ${seed}`)
    }
    const mt = this.mt
    mt[0] = seed >>> 0
    for (let i = 1; i < N; i++) {
      const prev = mt[i - 1] ^ (mt[i - 1] >>> 30)
      // 1812433253 * prev + i, modulo 2^32, without losing bits to float rounding
      mt[i] = (Math.imul(1812433253, prev) + i) >>> 0
    }
    this.pos = N
    this.gauss = null
  }

  private twist(): void {
    const mt = this.mt
    for (let i = 0; i < N; i++) {
      const y = (mt[i] & 0x80000000) | (mt[(i + 1) % N] & 0x7fffffff)
      mt[i] = mt[(i + M) % N] ^ (y >>> 1) ^ (y & 1 ? 0x9908b0df : 0)
    }
    this.pos = 0
  }

  nextUint32(): number {
    if (this.pos >= N) this.twist()
    let y = this.mt[this.pos++]
    y ^= y >>> 11
    y ^= (y << 7) & 0x9d2c5680
    y ^= (y << 15) & 0xefc60000
    y ^= y >>> 18
    return y >>> 0
  }

  /** Uniform double in [0, 1) with 53 random bits, as numpy's random_sample. */
  nextDouble(): number {
    const a = this.nextUint32() >>> 5
    const b = this.nextUint32() >>> 6
    return (a * 67108864 + b) / 9007199254740992
  }

  /** Polar Box–Muller; the second value of each pair is kept for the next call. */
  nextGaussian(): number {
    if (this.gauss !== null) {
      const g = this.gauss
      this.gauss = null
      return g
    }
    let x1: number, x2: number, r2: number
    do {
      x1 = 2 * this.nextDouble() - 1
      x2 = 2 * this.nextDouble() - 1
      r2 = x1 * x1 + x2 * x2
    } while (r2 >= 1 || r2 === 0)
    // Math.log is 1 ulp off for a few percent of inputs; numpy's C log rounds to nearest.
    const f = Math.sqrt((-2 * log(r2)) / r2)
    this.gauss = f * x1
    return f * x2
  }

  /** np.random.rand(n): n uniform doubles in C order. */
  rand(n: number): Float64Array {
    const out = new Float64Array(n)
    for (let i = 0; i < n; i++) out[i] = this.nextDouble()
    return out
  }

  /** np.random.randn(n): n standard normals in C order. */
  randn(n: number): Float64Array {
    const out = new Float64Array(n)
    for (let i = 0; i < n; i++) out[i] = this.nextGaussian()
    return out
  }

  /** np.random.randint(low, high, n) for a range below 2^32: masked rejection sampling. */
  randint(low: number, high: number, n: number): number[] {
    if (!Number.isInteger(low) || !Number.isInteger(high) || high <= low) {
      throw new RangeError(`randint needs integers low < high, got ${low}, ${high}`)
    }
    const rng = high - low - 1
    if (rng > 0xffffffff) throw new RangeError('randint range must be below 2^32')
    let mask = rng
    mask |= mask >>> 1
    mask |= mask >>> 2
    mask |= mask >>> 4
    mask |= mask >>> 8
    mask |= mask >>> 16
    mask >>>= 0
    const out: number[] = new Array(n)
    for (let i = 0; i < n; i++) {
      if (rng === 0) {
        out[i] = low
        continue
      }
      let v: number
      do v = (this.nextUint32() & mask) >>> 0
      while (v > rng)
      out[i] = low + v
    }
    return out
  }

  /** np.random.choice(n, size) with replacement: legacy numpy draws randint(0, n, size). */
  choice(n: number, size: number): number[] {
    return this.randint(0, n, size)
  }
}
