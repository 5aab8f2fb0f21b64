import type { ColumnKind, TableName } from '../domain/contract/tables'
import type { ColumnType } from './db/types'
import { TABLE_BY_NAME, TABLES } from '../domain/contract/tables'
import { META_COLUMNS } from '../ingest/table/table'

const SQL_TYPE: Record<ColumnKind, string> = {
  text: 'VARCHAR',
  int: 'INTEGER',
  number: 'DOUBLE',
  date: 'DATE',
  datetime: 'TIMESTAMP',
  level: 'INTEGER',
  bool: 'BOOLEAN',
  verdict: 'VARCHAR',
  channel: 'VARCHAR',
  task_status: 'VARCHAR',
}

export function columnTypes(table: TableName): ColumnType[] {
  return [
    ...TABLE_BY_NAME[table].columns.map(c => ({ name: c.name, type: SQL_TYPE[c.kind] })),
    ...META_COLUMNS.map(m => ({ name: m, type: m === '_row' ? 'INTEGER' : 'VARCHAR' })),
  ]
}

export const CALENDAR_COLUMNS: ColumnType[] = [
  { name: 'd', type: 'DATE' },
  { name: 'workday', type: 'BOOLEAN' },
  { name: 'wd_num', type: 'INTEGER' },
  { name: 'holiday', type: 'VARCHAR' },
]

/** The 配档表 as judged: tasks plus bundles that carry a deadline, with parsed deadlines. */
export const SCHEDULE_COLUMNS: ColumnType[] = [
  { name: 'task_id', type: 'VARCHAR' },
  { name: 'sort_key', type: 'INTEGER' },
  { name: 'origin', type: 'VARCHAR' },
  { name: 'bundle_name', type: 'VARCHAR' },
  { name: 'section', type: 'VARCHAR' },
  { name: 'goal', type: 'VARCHAR' },
  { name: 'task', type: 'VARCHAR' },
  { name: 'deadline_text', type: 'VARCHAR' },
  { name: 'lead_dept', type: 'VARCHAR' },
  { name: 'resp_depts', type: 'VARCHAR' },
  { name: 'note', type: 'VARCHAR' },
  { name: 'plan_year', type: 'INTEGER' },
  { name: 'due_date', type: 'DATE' },
  { name: 'deadline_kind', type: 'VARCHAR' },
  { name: 'precision', type: 'VARCHAR' },
  { name: 'interpretation_zh', type: 'VARCHAR' },
  { name: 'interpretation_en', type: 'VARCHAR' },
]

/** Each schedule item's single units (domain §2a): a task led by two units is one row each. */
export const SCHEDULE_UNIT_COLUMNS: ColumnType[] = [
  { name: 'task_id', type: 'VARCHAR' },
  { name: 'unit', type: 'VARCHAR' },
  { name: 'role', type: 'VARCHAR' },
  { name: 'ord', type: 'INTEGER' },
]

/** Each bundle's single lead units, from its 牵头部门 cells: the department filter of the reduction. */
export const BUNDLE_UNIT_COLUMNS: ColumnType[] = [
  { name: 'bundle_name', type: 'VARCHAR' },
  { name: 'unit', type: 'VARCHAR' },
]

function createTable(name: string, cols: ColumnType[]): string {
  return `CREATE OR REPLACE TABLE ${name} (${cols.map(c => `"${c.name}" ${c.type}`).join(', ')});`
}

/** DDL for every table the metric SQL reads; empty tables keep every query valid. */
export function schemaSql(): string {
  return [
    ...TABLES.map(t => createTable(t.name, columnTypes(t.name))),
    createTable('calendar', CALENDAR_COLUMNS),
    createTable('schedule', SCHEDULE_COLUMNS),
    createTable('schedule_units', SCHEDULE_UNIT_COLUMNS),
    createTable('bundle_units', BUNDLE_UNIT_COLUMNS),
  ].join('\n')
}
