/** Timing helpers: wall-clock milliseconds, medians and percentiles over repeated runs. */

export function now(): number {
  return performance.now()
}

export async function timed<T>(fn: () => Promise<T> | T): Promise<{ ms: number, value: T }> {
  const t0 = performance.now()
  const value = await fn()
  return { ms: performance.now() - t0, value }
}

/** Nearest-rank percentile (p in 0..100): an observed value, never an interpolation. */
export function percentile(xs: number[], p: number): number {
  if (xs.length === 0)
    return Number.NaN
  const s = [...xs].sort((a, b) => a - b)
  const rank = Math.max(1, Math.ceil(p / 100 * s.length))
  return s[rank - 1]!
}

export function median(xs: number[]): number {
  return percentile(xs, 50)
}

/**
 * Runs `fn` `warmup` times untimed (plans cached, pages faulted in) and then `n` times timed.
 * Returns every timed run so callers can report the median and the spread.
 */
export async function repeat(n: number, fn: () => Promise<unknown>, warmup = 1): Promise<number[]> {
  for (let i = 0; i < warmup; i++)
    await fn()
  const out: number[] = []
  for (let i = 0; i < n; i++) {
    const t0 = performance.now()
    await fn()
    out.push(performance.now() - t0)
  }
  return out
}

export function fmtMs(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || Number.isNaN(ms))
    return '—'
  if (ms >= 10_000)
    return `${(ms / 1000).toFixed(1)} s`
  if (ms >= 1000)
    return `${(ms / 1000).toFixed(2)} s`
  return ms >= 100 ? `${ms.toFixed(0)} ms` : `${ms.toFixed(1)} ms`
}

export function fmtRatio(r: number | null | undefined): string {
  if (r === null || r === undefined || !Number.isFinite(r))
    return '—'
  return r >= 10 ? `${r.toFixed(0)}×` : `${r.toFixed(2)}×`
}

export function fmtBytes(b: number | null | undefined): string {
  if (b === null || b === undefined || Number.isNaN(b))
    return '—'
  if (b >= 1e9)
    return `${(b / 1e9).toFixed(2)} GB`
  if (b >= 1e6)
    return `${(b / 1e6).toFixed(1)} MB`
  return `${(b / 1e3).toFixed(1)} kB`
}

/** Geometric mean: the fair average of ratios (one slow file does not dominate). */
export function geomean(xs: number[]): number {
  const ok = xs.filter(x => x > 0 && Number.isFinite(x))
  return ok.length ? Math.exp(ok.reduce((s, x) => s + Math.log(x), 0) / ok.length) : Number.NaN
}
