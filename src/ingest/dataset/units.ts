import type { TableName } from '../../domain/contract/tables'
import type { Dataset } from './dataset'
import type { NearGroup } from '../../domain/units/names'
import { findNearDuplicates } from '../../domain/units/names'
import { unitNames } from '../../domain/units/split'

// Every column naming a unit; 牵头/配合 cells are split into single units.
const UNIT_COLUMNS: Array<[TableName, string]> = [
  ['tasks', 'lead_dept'],
  ['tasks', 'resp_depts'],
  ['bundles', 'lead_dept'],
  ['bundles', 'member_dept'],
  ['matters', 'lead_dept'],
  ['matters', 'coop_depts'],
  ['evaluations', 'dept'],
  ['applications', 'dept'],
]

/** Each unit name in the data set with the number of rows that name it. */
export function unitNameCounts(ds: Dataset): Map<string, number> {
  const counts = new Map<string, number>()
  for (const [table, col] of UNIT_COLUMNS) {
    const t = ds.tables[table]
    const i = t.columns.indexOf(col)
    if (i < 0)
      continue
    // The logs repeat a handful of names over many rows: split each distinct cell once.
    const cells = new Map<string, number>()
    for (const r of t.rows) {
      const v = r[i]
      if (v)
        cells.set(v, (cells.get(v) ?? 0) + 1)
    }
    for (const [cell, n] of cells) {
      for (const name of unitNames(cell))
        counts.set(name, (counts.get(name) ?? 0) + n)
    }
  }
  return counts
}

/** The groups of unit names in a data set that may be one unit, for a person to check. */
export function nearDuplicateUnits(ds: Dataset): Array<NearGroup & { counts: number[] }> {
  const counts = unitNameCounts(ds)
  return findNearDuplicates(counts.keys()).map(g => ({ ...g, counts: g.names.map(n => counts.get(n) ?? 0) }))
}
