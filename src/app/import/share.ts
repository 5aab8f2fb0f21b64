// Which import worker reads which file. Files are read one after another within a worker, and
// a large read is bound by one core (decoding and checking every cell, and collecting the
// garbage of it), so two big files read in two workers take about as long as the larger; a
// larger one is shared by its row groups (shareWork).

import type { FileSlice } from '../../ingest/table/parquet'

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

/** A file for one worker to read: whole, or one part of a Parquet file's row groups. */
export interface Share {
  index: number
  slice?: FileSlice
}

/** Below this size a file is read whole: a second reading of its footer and a join would not pay. */
export const SLICE_MIN_BYTES = 8 * 1024 * 1024

/**
 * shareFiles, then: when one worker still has much more to read than the other (one large
 * log, or one larger than all the rest), part of that worker's largest Parquet file goes to
 * the other, so that both end at about the same time (bytes stand for the work).
 */
export function shareWork(sizes: readonly number[], cores: number, sliceable: readonly boolean[]): Share[][] {
  const groups = shareFiles(sizes, cores)
  const shares: Share[][] = groups.map(g => g.map(index => ({ index })))
  if (Math.floor(cores) < 2)
    return shares
  const total = sizes.reduce((n, s) => n + s, 0)
  const load = groups.map(g => g.reduce((n, i) => n + sizes[i]!, 0))
  const heavy = load.indexOf(Math.max(...load))
  const light = groups.length === 2 ? 1 - heavy : 1
  const excess = (load[heavy]! - (load[light] ?? 0)) / 2
  if (excess < total / 10)
    return shares
  const candidates = groups[heavy]!.filter(i => sliceable[i] && sizes[i]! >= SLICE_MIN_BYTES)
  if (candidates.length === 0)
    return shares
  const f = candidates.reduce((best, i) => (sizes[i]! > sizes[best]! ? i : best))
  const cut = Math.min(0.9, Math.max(0.1, 1 - excess / sizes[f]!))
  shares[heavy] = shares[heavy]!.map(s => (s.index === f ? { index: f, slice: { part: 0, cut } } : s))
  shares[light] = [...(shares[light] ?? []), { index: f, slice: { part: 1 as const, cut } }].sort((a, b) => a.index - b.index)
  return shares
}

/** The bytes a share reads, for weighting progress. */
export function shareBytes(share: Share, size: number): number {
  if (!share.slice)
    return size
  return share.slice.part === 0 ? size * share.slice.cut : size * (1 - share.slice.cut)
}
