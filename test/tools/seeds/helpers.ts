// Reads the committed seed texts once and parses them for the seed tests.

import type { BundleRow, MatterRow, ParsedPlan, TaskRow } from '../../../src/tools/seeds/index'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseSeed } from '../../../src/tools/seeds/index'

export const SEEDS_DIR = join(import.meta.dirname, '..', '..', '..', 'seeds')

export function seedTexts(): Record<string, string> {
  const texts: Record<string, string> = {}
  for (const name of readdirSync(SEEDS_DIR).filter(n => n.endsWith('.txt')).sort())
    texts[name] = readFileSync(join(SEEDS_DIR, name), 'utf8')
  return texts
}

const cache = new Map<string, ParsedPlan>()

/** The parsed plan whose text starts with `prefix` ("000_"). */
export function plan(prefix: string): ParsedPlan {
  let p = cache.get(prefix)
  if (!p) {
    const name = readdirSync(SEEDS_DIR).find(n => n.startsWith(prefix) && n.endsWith('.txt'))!
    p = parseSeed(name, readFileSync(join(SEEDS_DIR, name), 'utf8'))
    cache.set(prefix, p)
  }
  return p
}

export const matters = (prefix: string): MatterRow[] => plan(prefix).matters?.rows ?? []
export const bundles = (prefix: string): BundleRow[] => plan(prefix).bundles?.rows ?? []
export const tasks = (prefix: string): TaskRow[] => plan(prefix).tasks?.rows ?? []

/** The one row with this source line; fails loudly when there is none or several. */
export function at<R extends { source: string }>(rows: R[], line: number): R {
  const hits = rows.filter(r => r.source.endsWith(`:${line}`))
  if (hits.length !== 1)
    throw new Error(`${hits.length} rows come from line ${line}`)
  return hits[0]!
}

/** The distinct values of a column, in order of first appearance. */
export function distinct<R>(rows: R[], pick: (r: R) => string): string[] {
  return [...new Set(rows.map(pick))]
}

/** Bundles by 序号 (with category, since 003 numbers each attachment from 1). */
export function groupBundles(rows: BundleRow[]): Map<string, BundleRow[]> {
  const out = new Map<string, BundleRow[]>()
  for (const r of rows) {
    const key = `${r.category}#${r.seq}`
    out.set(key, [...(out.get(key) ?? []), r])
  }
  return out
}
