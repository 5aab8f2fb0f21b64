import type { AddedYear } from '../../domain/calendar'
import type { RuleSettings } from '../../domain/settings'

/**
 * Raised whenever what is saved changes shape; old entries are then never read. The build's
 * own module URL (hashed by Vite, and changed by any change of the code bundled with it) is
 * part of every key too, so a new release never reads what an older one saved.
 */
const FORMAT = 'duban-warm-2'
const BUILD = import.meta.url

async function sha256(parts: ReadonlyArray<Uint8Array | string>): Promise<string> {
  const enc = new TextEncoder()
  const chunks = parts.map(p => (typeof p === 'string' ? enc.encode(p) : p))
  const all = new Uint8Array(chunks.reduce((n, c) => n + c.byteLength + 1, 0))
  let at = 0
  for (const c of chunks) {
    all.set(c, at)
    at += c.byteLength + 1 // a zero between parts, so ("ab","c") and ("a","bc") differ
  }
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', all))
  return [...digest].map(b => b.toString(16).padStart(2, '0')).join('')
}

/** Object keys sorted, so the same settings always give the same text. */
function stable(v: unknown): string {
  return JSON.stringify(v, (_, x: unknown) => (x && typeof x === 'object' && !Array.isArray(x)
    ? Object.fromEntries(Object.entries(x as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
    : x))
}

/**
 * A data set's files and what its metadata declares. The files are named by their URLs: an
 * embedded file's URL carries the hash of its content (Vite's asset names; a small file is
 * inlined as a data: URL, its content itself), so a warm start finds its copy without
 * downloading the files, and a changed file can never find an old copy.
 */
export function dataKey(files: ReadonlyArray<{ name: string, url: string }>, meta: unknown): Promise<string> {
  return sha256([FORMAT, BUILD, stable(meta), ...files.flatMap(f => [f.name, f.url])])
}

/** Everything besides the data that goes into the engine's tables. */
export function tablesKey(settings: RuleSettings, fallbackYear: number, years: readonly AddedYear[], sql: unknown, schema: string): Promise<string> {
  return sha256([FORMAT, BUILD, ...tablesInputs(settings, fallbackYear, years, sql, schema)])
}

/**
 * As `tablesKey`, without the build's module URL: the build's first page (prerender/) is made
 * in Node before that URL exists, and ships inside the same build, so it needs only these.
 */
export function inputsKey(settings: RuleSettings, fallbackYear: number, years: readonly AddedYear[], sql: unknown, schema: string): Promise<string> {
  return sha256([FORMAT, ...tablesInputs(settings, fallbackYear, years, sql, schema)])
}

function tablesInputs(settings: RuleSettings, fallbackYear: number, years: readonly AddedYear[], sql: unknown, schema: string): string[] {
  return [stable(settings), String(fallbackYear), stable(years), stable(sql), schema]
}
