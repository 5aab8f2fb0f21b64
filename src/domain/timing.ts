/**
 * User-timing measures of the load path ("duban:…"), read by the benchmark from the
 * browser's performance timeline (and visible in any profiler). Timing only: no data.
 */
export async function timed<T>(name: string, fn: () => Promise<T> | T): Promise<T> {
  const start = performance.now()
  try {
    return await fn()
  }
  finally {
    performance.measure(`duban:${name}`, { start, end: performance.now() })
  }
}
