// What assembleDataset does to rows, done in the engine for the log tables the engine read:
// duplicate ids keep their first row (earlier files first), rectifications of no loaded
// evaluation are dropped, evaluations of no loaded application are named — with the same
// issues, in the same order. Then the kept rows go into the contract tables.

import type { Db, Row } from '../db/types'
import type { LoadIssue } from '../../ingest/table/issues'
import type { LogTable } from './plan'
import { TABLE_BY_NAME } from '../../domain/contract/tables'
import { columnTypes } from '../schema'
import { LOG_TABLES } from './plan'
import { collectionSql } from './check'

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`

function headerOf(table: LogTable, column: string): string {
  return TABLE_BY_NAME[table].columns.find(c => c.name === column)?.aliases[0] ?? column
}

function where(r: Row): { file: string, row: number } {
  return { file: String(r._file), row: Number(r._row) }
}

/** Duplicate ids of one table: each later row an issue and deleted; the rest renamed sl_kept_<table>. */
async function dedupe(db: Db, table: LogTable): Promise<LoadIssue[]> {
  const spec = TABLE_BY_NAME[table]
  const key = quote(spec.key!)
  // Only the keys seen twice are ranked: a log has few, and ranking a million rows costs.
  await db.exec(`CREATE OR REPLACE TEMP TABLE sl_dup AS
WITH twice AS (SELECT ${key} FROM sl_all_${table} WHERE ${key} IS NOT NULL GROUP BY ${key} HAVING count(*) > 1)
SELECT a.*, row_number() OVER (PARTITION BY a.${key} ORDER BY a._ord, a._row) AS _dup FROM sl_all_${table} a SEMI JOIN twice USING (${key})`)
  // The same record in a second file is no conflict (a warning); any differing value is (assembleDataset's dedupeKeys).
  const same = spec.columns.map(c => `(d.${quote(c.name)} IS NULL OR d.${quote(c.name)} IS NOT DISTINCT FROM f.${quote(c.name)})`).join(' AND ')
  const rows = await db.query(`SELECT d._ord, d._file, d._row, d.${key} AS value, f._file AS first_file, f._row AS first_row, d._file <> f._file AND ${same} AS same
FROM sl_dup d JOIN sl_dup f ON f.${key} = d.${key} AND f._dup = 1
WHERE d._dup > 1 ORDER BY d._ord, d._row`)
  await db.exec(`DELETE FROM sl_all_${table} t USING (SELECT _ord, _row FROM sl_dup WHERE _dup > 1) d WHERE t._ord = d._ord AND t._row = d._row;
DROP TABLE sl_dup; ALTER TABLE sl_all_${table} RENAME TO sl_kept_${table}`)
  return rows.map(r => ({
    severity: r.same ? 'warning' : 'error',
    code: 'duplicate_id',
    ...where(r),
    column: headerOf(table, spec.key!),
    value: String(r.value),
    detail: r.first_file === r._file ? String(r.first_row) : `${String(r.first_row)}@${String(r.first_file)}`,
  }))
}

async function dangling(db: Db, from: LogTable, col: string, to: LogTable, drop: boolean): Promise<LoadIssue[]> {
  const c = quote(col)
  const test = `${c} IS NOT NULL AND ${c} NOT IN (SELECT ${c} FROM sl_kept_${to} WHERE ${c} IS NOT NULL)`
  const rows = await db.query(`SELECT _file, _row, ${c} AS value FROM sl_kept_${from} WHERE ${test} ORDER BY _ord, _row`)
  if (drop && rows.length > 0)
    await db.exec(`DELETE FROM sl_kept_${from} WHERE ${test}`)
  return rows.map(r => ({ severity: drop ? 'error' : 'warning', code: 'dangling_ref', ...where(r), column: headerOf(from, col), value: String(r.value), detail: TABLE_BY_NAME[to].title.zh }))
}

export interface FinishedLogs {
  /** duplicate_id issues, by table in the contract's order. */
  duplicates: Partial<Record<LogTable, LoadIssue[]>>
  /** dangling_ref issues: rectifications → evaluations, then evaluations → applications. */
  references: { rectifications: LoadIssue[], evaluations: LoadIssue[] }
}

/** Dedupes and checks references among the engine's log rows (every log table's rows are there). */
export async function finishLogs(db: Db): Promise<FinishedLogs> {
  const duplicates: FinishedLogs['duplicates'] = {}
  for (const t of LOG_TABLES) {
    await db.exec(collectionSql(t))
    duplicates[t] = await dedupe(db, t)
  }
  const rectifications = await dangling(db, 'rectifications', 'eval_id', 'evaluations', true)
  // A warning reference is checked only against a table that has rows (assembleDataset).
  const [apps] = await db.query('SELECT count(*) AS n FROM sl_kept_applications')
  const evaluations = Number(apps?.n) > 0 ? await dangling(db, 'evaluations', 'app_id', 'applications', false) : []
  return { duplicates, references: { rectifications, evaluations } }
}

/** Moves the kept rows into the contract tables (created by schemaSql), personal columns left out. */
export async function insertLogs(db: Db): Promise<void> {
  for (const t of LOG_TABLES) {
    const personal = new Set(TABLE_BY_NAME[t].columns.filter(c => c.personal).map(c => c.name))
    const cols = columnTypes(t).filter(c => !personal.has(c.name) && c.name !== 'extra')
    // The collection holds each column as its contract type already (check.ts).
    const select = cols.map(c => quote(c.name)).join(', ')
    // The kept rows are in file order already where every file was read in order (check.ts:
    // lookupSql); then they go in as they lie, for a sort of every cell costs as much as the
    // insert itself. Either way the table ends up in file order.
    const [late] = await db.query(`SELECT count(*) AS n FROM (SELECT _ord, _row, lag(_ord) OVER w AS po, lag(_row) OVER w AS pr FROM sl_kept_${t} WINDOW w AS (ORDER BY rowid))
WHERE po > _ord OR (po = _ord AND pr > _row)`)
    await db.exec(`INSERT INTO ${t} BY NAME SELECT ${select} FROM sl_kept_${t}${Number(late?.n) === 0 ? '' : ' ORDER BY _ord, _row'}`)
  }
}

/** The earliest and latest value of event columns among the kept rows, as canonical text (which sorts as time). */
export async function logSpan(db: Db, events: Array<[string, string]>): Promise<{ first: string | null, latest: string | null }> {
  const parts = events.filter(([t]) => (LOG_TABLES as readonly string[]).includes(t))
    .map(([t, c]) => `SELECT CAST(min(${quote(c)}) AS VARCHAR) AS lo, CAST(max(${quote(c)}) AS VARCHAR) AS hi FROM sl_kept_${t}`)
  if (parts.length === 0)
    return { first: null, latest: null }
  const [r] = await db.query(`SELECT min(lo) AS lo, max(hi) AS hi FROM (${parts.join(' UNION ALL ')})`)
  return { first: (r?.lo as string | null) ?? null, latest: (r?.hi as string | null) ?? null }
}

/**
 * checkCalendarCoverage for the kept rows of one log table: one warning per file, column and
 * year outside the calendar, naming its first row and how many rows, in first-seen order.
 */
export async function coverageIssues(db: Db, table: LogTable, cols: string[], from: string, to: string): Promise<LoadIssue[]> {
  const day = (c: string) => `CAST(${quote(c)} AS DATE)`
  const cells = cols.map((c, k) => `SELECT _ord, _row, _file, ${k} AS k, CAST(${day(c)} AS VARCHAR) AS v FROM sl_kept_${table} WHERE ${day(c)} < CAST($from AS DATE) OR ${day(c)} > CAST($to AS DATE)`)
  // First seen as checkCalendarCoverage walks them: by file, row, then column.
  const at = '(_ord::BIGINT * 1000000000000 + _row::BIGINT * 100 + k)'
  const rows = await db.query(`SELECT _file, k, arg_min(v, ${at}) AS v, arg_min(_row, ${at}) AS first_row, min(${at}) AS first_at, count(*) AS n
FROM (${cells.join(' UNION ALL ')}) GROUP BY _file, k, left(v, 4) ORDER BY first_at`, { from, to })
  return rows.map(r => ({ severity: 'warning', code: 'calendar_coverage', file: String(r._file), row: Number(r.first_row), column: cols[Number(r.k)]!, value: String(r.v), detail: `${from.slice(0, 4)}–${to.slice(0, 4)}`, count: Number(r.n) }))
}

/**
 * The personal cells the bulletin masks (gather.ts: personalByEval): each bad review's own,
 * and every reviewer's and staff member's name, which are masked wherever a comment repeats
 * them. They never enter the contract tables; these rows stand in for the evaluations table
 * of the data set, which the engine read.
 */
export async function personalRows(db: Db, columns: string[]): Promise<Array<Array<string | null>>> {
  const pick = (r: Row, c: string) => (r[c] === null || r[c] === undefined ? null : String(r[c]))
  const bad = await db.query(`SELECT eval_id, person, staff, phone, id_number, comment FROM sl_kept_evaluations WHERE TRY_CAST(level AS INTEGER) <= 2 ORDER BY _ord, _row`)
  const names = await db.query(`SELECT DISTINCT person AS name FROM sl_kept_evaluations WHERE person IS NOT NULL UNION SELECT DISTINCT staff FROM sl_kept_evaluations WHERE staff IS NOT NULL`)
  const row = (cells: Record<string, string | null>) => columns.map(c => cells[c] ?? null)
  return [
    ...bad.map(r => row({ eval_id: pick(r, 'eval_id'), person: pick(r, 'person'), staff: pick(r, 'staff'), phone: pick(r, 'phone'), id_number: pick(r, 'id_number'), comment: pick(r, 'comment') })),
    ...names.map(r => row({ person: pick(r, 'name') })),
  ]
}

/** Drops the loader's own tables once the contract tables hold the rows. */
export async function dropLogTables(db: Db): Promise<void> {
  for (const t of LOG_TABLES)
    await db.exec(`DROP TABLE IF EXISTS sl_kept_${t}; DROP TABLE IF EXISTS sl_all_${t}`)
}
