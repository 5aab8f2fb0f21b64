// The tables the generator writes, with their canonical columns (src/domain/contract/tables.ts)
// and the storage type of each in Parquet. CSV holds the same values as text.

import type { ColumnKind, TableName } from '../../domain/contract/tables'
import { TABLE_BY_NAME } from '../../domain/contract/tables'

export type StorageType = 'VARCHAR' | 'INTEGER' | 'DOUBLE' | 'DATE' | 'TIMESTAMP' | 'BOOLEAN'

export interface OutColumn {
  name: string
  type: StorageType
}

const STORAGE: Record<ColumnKind, StorageType> = {
  text: 'VARCHAR',
  int: 'INTEGER',
  number: 'DOUBLE',
  date: 'DATE',
  datetime: 'TIMESTAMP',
  // Levels are written as words (非常满意…), as the 好差评 systems export them.
  level: 'VARCHAR',
  bool: 'BOOLEAN',
  verdict: 'VARCHAR',
  channel: 'VARCHAR',
  task_status: 'VARCHAR',
}

/** Canonical columns of `table` (all of them, or the named ones in contract order), with storage types. */
export function contractColumns(table: TableName, only?: readonly string[]): OutColumn[] {
  return TABLE_BY_NAME[table].columns
    .filter(c => !only || only.includes(c.name))
    .map(c => ({ name: c.name, type: STORAGE[c.kind] }))
}

/** Baseline counts are whole numbers: stored as integers although the contract reads any number. */
const BASELINE_INTS = new Set(['materials_before', 'materials_after', 'time_before_wd', 'time_after_wd', 'steps_before', 'steps_after', 'trips_before', 'trips_after', 'form_fields', 'auto_fields'])

export const GENERATED_COLUMNS = {
  applications: contractColumns('applications'),
  reform_baselines: contractColumns('reform_baselines').map(c => (BASELINE_INTS.has(c.name) ? { ...c, type: 'INTEGER' as const } : c)),
  evaluations: contractColumns('evaluations'),
  rectifications: contractColumns('rectifications'),
  task_progress: contractColumns('task_progress'),
} satisfies Partial<Record<TableName, OutColumn[]>>

export type GeneratedTable = keyof typeof GENERATED_COLUMNS

/** Text cells in CSV: quoted only when they must be (RFC 4180). */
export function csvField(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
}

export function csvLine(cells: readonly string[]): string {
  return cells.map(csvField).join(',')
}

export const TRUE_TEXT = '是'
export const FALSE_TEXT = '否'
