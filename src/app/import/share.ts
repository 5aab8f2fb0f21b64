// Which import worker reads which file. Files are read one after another within a worker, and
// a large read is bound by one core (decoding and checking every cell, and collecting the
// garbage of it), so two big files read in two workers take about as long as the larger.

/** Below this many bytes in all, a second worker costs more to start than it saves. */
export const SHARE_MIN_BYTES = 1024 * 1024

/**
 * The files (by index, each group in input order) for each of up to `cores` workers: the
 * largest first, each to the least loaded worker. One group when sharing would not pay: fewer
 * than two files, too few bytes, one core, or a second group of less than a tenth of them.
 */
export function shareFiles(sizes: readonly number[], cores: number): number[][] {
  const total = sizes.reduce((n, s) => n + s, 0)
  const all = sizes.map((_, i) => i)
  const n = Math.min(Math.max(1, Math.floor(cores)), 2, sizes.length)
  if (n < 2 || total < SHARE_MIN_BYTES)
    return [all]
  const groups: number[][] = Array.from({ length: n }, () => [])
  const load = Array.from({ length: n }, () => 0)
  for (const i of [...all].sort((a, b) => sizes[b]! - sizes[a]! || a - b)) {
    const w = load.indexOf(Math.min(...load))
    groups[w]!.push(i)
    load[w]! += sizes[i]!
  }
  if (Math.min(...load) < total / 10)
    return [all]
  return groups.map(g => g.sort((a, b) => a - b))
}
