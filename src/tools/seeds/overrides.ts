// Hand fixes to parsed rows, for the rare cell no rule can read. Outputs are never edited by
// hand: a fix lives here, names the row by its source line and the values it expects to find,
// and stops generation when the text changes under it (a stale fix must not apply blindly).
//
// None is needed for the five seed texts: every row they give is produced by the parsers.

import type { BundleRow, MatterRow, ParsedPlan, TaskRow } from './types'

type TableKey = 'matters' | 'bundles' | 'tasks'
type AnyRow = MatterRow | BundleRow | TaskRow

export interface Override {
  plan: string
  table: TableKey
  /** The row's source, "<file>:<line>". */
  source: string
  /** Values the row must have before the fix, to pick one row and to catch stale fixes. */
  expect: Record<string, string>
  set: Record<string, string>
  /** Why no rule can get this right. */
  why: string
}

export const OVERRIDES: Override[] = []

/** Applies the fixes of one plan in place; throws when a fix matches no row or several. */
export function applyOverrides(plan: ParsedPlan, overrides: Override[] = OVERRIDES): void {
  for (const o of overrides.filter(x => x.plan === plan.meta.id)) {
    const rows: AnyRow[] = plan[o.table]?.rows ?? []
    const hits = rows.filter((r) => {
      const fields = r as unknown as Record<string, unknown>
      return r.source === o.source && Object.entries(o.expect).every(([k, v]) => String(fields[k]) === v)
    })
    if (hits.length !== 1)
      throw new Error(`override for ${o.plan} ${o.table} ${o.source} matches ${hits.length} rows; the text changed, review it`)
    Object.assign(hits[0]!, o.set)
  }
}
