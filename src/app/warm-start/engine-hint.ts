/**
 * What the last save left for the next visit to read synchronously, first thing: the keys it
 * saved under and its big tables. Two uses:
 * - Whether to start the engine at once. On a warm start the first page is drawn from saved
 *   answers, and compiling DuckDB's 8 MB of WASM then only competes with drawing it for the
 *   machine's cores (a second visit drew ~0.9 s later with the engine started at once than
 *   with it started after, A/B on this machine). On a cold start the engine is the longest
 *   wait, so it starts with the page.
 * - Which files to read ahead (read-ahead.ts), before the app's code has loaded.
 * Which start comes is known only once the saved copy is looked up; a wrong hint costs only
 * the time to that lookup (a miss starts the engine then and clears the hint), and what is
 * read ahead is used only by a lookup under the same keys.
 */
const KEY = 'duban-warm-hint'

export interface WarmHint {
  /** The data set's key (key.ts `dataKey`). */
  data: string
  /** The tables' key under it (key.ts `tablesKey`). */
  tables: string
  /** The tables whose rows are saved in files of their own. */
  rows: string[]
}

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage
  }
  catch {
    return null // storage blocked: no hint, the engine starts at once
  }
}

const isKey = (v: unknown): v is string => typeof v === 'string' && /^[0-9a-f]{64}$/.test(v)

/** The hint the last save left, or null (none, blocked, or not one of ours). */
export function warmHint(): WarmHint | null {
  try {
    const h = JSON.parse(storage()?.getItem(KEY) ?? 'null') as Partial<WarmHint> | null
    return h && isKey(h.data) && isKey(h.tables) && Array.isArray(h.rows) && h.rows.every(r => typeof r === 'string' && /^\w+$/.test(r))
      ? { data: h.data, tables: h.tables, rows: h.rows }
      : null
  }
  catch {
    return null
  }
}

/** True when the last visit saved a warm start (so this one will most likely be warm). */
export function warmLikely(): boolean {
  return warmHint() !== null
}

/** Left by a save (its keys), cleared (null) by a visit that found no saved copy. */
export function hintWarm(hint: WarmHint | null): void {
  try {
    if (hint)
      storage()?.setItem(KEY, JSON.stringify(hint))
    else
      storage()?.removeItem(KEY)
  }
  catch {
    // Quota or privacy mode: the next visit simply starts the engine at once.
  }
}

/** Resolves once the page has drawn what it could and the main thread is idle (or after `timeout` ms). */
export function whenIdle(timeout = 1500): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestIdleCallback === 'function')
      requestIdleCallback(() => resolve(), { timeout })
    else
      setTimeout(resolve, 0)
  })
}
