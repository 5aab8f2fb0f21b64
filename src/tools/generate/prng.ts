// Seeded randomness for the generator. Math.random is never used: the same seed must give
// the same files on every machine, so everything draws from sfc32 streams seeded by hashing
// (seed, label). A separate stream per concern keeps, e.g., the reform baselines identical
// whatever the scale, because drawing more applications cannot shift them.

/** 32-bit string hash (cyrb53's mixing, four lanes), used only to seed streams. */
function hash128(text: string): [number, number, number, number] {
  let h1 = 0xDEADBEEF
  let h2 = 0x41C6CE57
  let h3 = 0x9E3779B9
  let h4 = 0x85EBCA6B
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i)
    h1 = Math.imul(h1 ^ ch, 2654435761)
    h2 = Math.imul(h2 ^ ch, 1597334677)
    h3 = Math.imul(h3 ^ ch, 2246822507)
    h4 = Math.imul(h4 ^ ch, 3266489909)
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909)
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h3 ^ (h3 >>> 13), 3266489909)
  h3 = Math.imul(h3 ^ (h3 >>> 16), 2246822507) ^ Math.imul(h4 ^ (h4 >>> 13), 3266489909)
  h4 = Math.imul(h4 ^ (h4 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909)
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0]
}

/** A stable number in [0, 1) for a text: per-department traits that must not depend on draw order. */
export function hashUnit(text: string): number {
  return hash128(text)[0] / 4294967296
}

export class Rng {
  private a: number
  private b: number
  private c: number
  private d: number

  constructor(seed: string | number, label = '') {
    const h = hash128(`${seed}\u0000${label}`)
    this.a = h[0]
    this.b = h[1]
    this.c = h[2]
    this.d = h[3]
    // sfc32 needs a few rounds before its output is well mixed.
    for (let i = 0; i < 12; i++)
      this.u32()
  }

  /** sfc32 (Chris Doty-Humphrey's small fast counting generator). */
  u32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0
    this.d = (this.d + 1) | 0
    this.a = this.b ^ (this.b >>> 9)
    this.b = (this.c + (this.c << 3)) | 0
    this.c = (this.c << 21) | (this.c >>> 11)
    this.c = (this.c + t) | 0
    return t >>> 0
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.u32() / 4294967296
  }

  /** Uniform integer in [lo, hi], both included. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1))
  }

  /** Uniform in [lo, hi). */
  range(lo: number, hi: number): number {
    return lo + this.next() * (hi - lo)
  }

  chance(p: number): boolean {
    return this.next() < p
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!
  }

  /** Number of failures before the first success: mean (1 − p) / p. */
  geometric(p: number): number {
    return Math.floor(Math.log(1 - this.next()) / Math.log(1 - p))
  }

  /** Standard normal (Box–Muller; one value per call keeps the stream simple to reason about). */
  normal(): number {
    const u = 1 - this.next()
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.next())
  }

  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1))
      const t = items[i]!
      items[i] = items[j]!
      items[j] = t
    }
    return items
  }
}

/** Cumulative weights for repeated weighted picks by binary search. */
export class Weighted {
  private readonly cum: Float64Array
  private readonly total: number

  constructor(weights: readonly number[]) {
    this.cum = new Float64Array(weights.length)
    let s = 0
    for (let i = 0; i < weights.length; i++) {
      s += Math.max(0, weights[i]!)
      this.cum[i] = s
    }
    if (!(s > 0))
      throw new RangeError('weights must have a positive sum')
    this.total = s
  }

  get size(): number {
    return this.cum.length
  }

  /** Index drawn in proportion to its weight. */
  pick(rng: Rng): number {
    const x = rng.next() * this.total
    let lo = 0
    let hi = this.cum.length - 1
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if (this.cum[mid]! > x)
        hi = mid
      else
        lo = mid + 1
    }
    return lo
  }
}

/**
 * Splits `total` into integer parts proportional to `weights` (largest remainder), so a
 * month's share of N never drifts with rounding and the parts always sum to N.
 */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0)
  const exact = weights.map(w => (sum > 0 ? (total * w) / sum : 0))
  const parts = exact.map(Math.floor)
  let rest = total - parts.reduce((a, b) => a + b, 0)
  const order = exact.map((x, i) => ({ i, r: x - Math.floor(x) })).sort((x, y) => y.r - x.r || x.i - y.i)
  for (let k = 0; rest > 0 && order.length > 0; k = (k + 1) % order.length, rest--)
    parts[order[k]!.i]!++
  return parts
}

/** Picks `count` distinct indices of 0..n−1: quotas such as "a quarter of bundles miss the target". */
export function sample(rng: Rng, n: number, count: number): Set<number> {
  const all = rng.shuffle(Array.from({ length: n }, (_, i) => i))
  return new Set(all.slice(0, Math.max(0, Math.min(n, count))))
}
