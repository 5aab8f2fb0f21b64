// One staged log file checked in the engine: loadGrid's rules, row for row. Its good rows go,
// as their contract types, into the table's collection (sl_all_<table>) for finish.ts; its issues
// come back as loadGrid's, in its order (by row, a row's cells left to right, then at most
// one required_empty), capped as importFile caps them.

import type { Db, Row } from '../db/types'
import type { LoadIssue, IssueCode } from '../../ingest/table/issues'
import type { LogFilePlan } from './plan'
import type { StageSource } from './stage'
import { compactText } from '../../ingest/table/layout-gate'
import { RowClassifier } from '../../ingest/table/layout-rows'
import { MAX_ISSUES_PER_TABLE } from '../../ingest/import/run'
import { TABLE_BY_NAME } from '../../domain/contract/tables'
import type { StagedColumns } from './stage'
import { lookupRows } from './cells'
import { maybeLayoutSql } from './gate'
import { maySumRows } from './sums'
import { stageFile } from './stage'
import { columnTypes } from '../schema'

export interface CheckedFile {
  issues: LoadIssue[]
  goodRows: number
  badRows: number
  dataRows?: { first: number, last: number }
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`

/** The SQL type of each contract column of a table. */
function contractTypes(table: LogFilePlan['table']): Map<string, string> {
  return new Map(columnTypes(table).map(c => [c.name, c.type]))
}

/** The collection of one log table's good rows: every contract column as its type, plus where it came from. */
export function collectionSql(table: LogFilePlan['table']): string {
  const types = contractTypes(table)
  const cols = TABLE_BY_NAME[table].columns.map(c => `${quote(c.name)} ${types.get(c.name)!}`).join(', ')
  return `CREATE TEMP TABLE IF NOT EXISTS sl_all_${table} (_ord INTEGER, _file VARCHAR, _row INTEGER, ${cols})`
}

async function insertLookups(db: Db, table: string, rows: ReturnType<typeof lookupRows>): Promise<void> {
  await db.exec(`CREATE OR REPLACE TEMP TABLE ${table} (col INTEGER, raw VARCHAR, ok BOOLEAN, code VARCHAR, value VARCHAR)`)
  // Bound values, a few hundred rows a statement: the raw text is the user's.
  for (let at = 0; at < rows.length; at += 200) {
    const part = rows.slice(at, at + 200)
    const params: Record<string, string | number | boolean | null> = {}
    const tuples = part.map((r, i) => {
      Object.assign(params, { [`c${i}`]: r.col, [`r${i}`]: r.raw, [`o${i}`]: r.ok, [`k${i}`]: r.code, [`v${i}`]: r.value })
      return `($c${i}, $r${i}, $o${i}, $k${i}, $v${i})`
    })
    await db.query(`INSERT INTO ${table} VALUES ${tuples.join(', ')}`, params)
  }
}

/** A column with no more odd values than this is looked up by a CASE of bound values, not joined. */
const INLINE_LOOKUPS = 32

/**
 * How the checked rows read a column's lookups (normaliseCell's verdicts on its odd values):
 * a CASE over bound values where they are few (a channel's or a level's handful) — a join
 * lets the engine emit the rows out of file order, which insertLogs would then sort back —
 * else a LEFT JOIN of the lookup table. Either gives NULL for a value not looked up.
 */
function lookupSql(lookups: ReturnType<typeof lookupRows>, lk: string, staged: StagedColumns) {
  const byCol = new Map<number, ReturnType<typeof lookupRows>>()
  for (const l of lookups) {
    const rows = byCol.get(l.col)
    if (rows)
      rows.push(l)
    else
      byCol.set(l.col, [l])
  }
  const params: Record<string, string | boolean | null> = {}
  const inline = new Map<number, Record<'ok' | 'code' | 'value', string>>()
  for (const [i, rows] of byCol) {
    if (rows.length > INLINE_LOOKUPS)
      continue
    const when = (f: 'ok' | 'code' | 'value', type: string) => `CASE ${staged.text(i, `s.c${i}`)} ${rows.map((l, k) => {
      params[`lk${i}_${k}`] = l.raw
      params[`lk${i}_${k}_${f}`] = l[f]
      return `WHEN CAST($lk${i}_${k} AS VARCHAR) THEN CAST($lk${i}_${k}_${f} AS ${type})`
    }).join(' ')} END`
    inline.set(i, { ok: when('ok', 'BOOLEAN'), code: when('code', 'VARCHAR'), value: when('value', 'VARCHAR') })
  }
  return {
    joined: new Set(byCol.keys()),
    field: (i: number, f: 'ok' | 'code' | 'value') => inline.get(i)?.[f] ?? `l${i}.${f}`,
    joins: [...byCol.keys()].filter(i => !inline.has(i)).map(i => `LEFT JOIN (SELECT raw, ok, code, value FROM ${lk} WHERE col = ${i}) l${i} ON l${i}.raw = ${staged.text(i, `s.c${i}`)}`).join('\n'),
    params,
  }
}

/**
 * Whether the rows the gate flags are all records to RowClassifier, and no row could be a
 * sum under a blank id (the one rule that needs the rows above it): then no row is skipped.
 */
async function onlyRecords(db: Db, st: string, plan: LogFilePlan, staged: StagedColumns): Promise<boolean> {
  const spec = TABLE_BY_NAME[plan.table]
  const names = plan.columns.map(c => c.name)
  const header = plan.headers.map(compactText).join('\u0001')
  if (header.length > 0 && header.codePointAt(0)! > 0xFFFF)
    return false
  const numeric = plan.columns.flatMap((c, i) => (c.kind === 'int' || c.kind === 'number' ? [i] : []))
  const keyIndex = names.indexOf(spec.key ?? spec.columns.find(c => c.required)?.name ?? '')
  const numericSpec = spec.columns.filter(c => c.kind === 'int' || c.kind === 'number').length
  const measures = numericSpec >= 4 && numericSpec * 2 >= spec.columns.length
  // In a table of measures any row may be a sum; no log table is one.
  if (measures || (numeric.length >= 2 && await maySumRows(db, st, plan, numeric, keyIndex, staged)))
    return false
  const cells = plan.columns.map((_, i) => `${staged.text(i)} AS c${i}`).join(', ')
  const flagged = await db.query(`SELECT ${cells} FROM ${st} WHERE ${maybeLayoutSql(plan, header.length > 0 ? header[0]! : '', staged)} ORDER BY rowid`)
  const classifier = new RowClassifier(spec, names, plan.headers)
  return flagged.every((r: Row) => {
    const row = plan.columns.map((_, i) => r[`c${i}`] ?? null)
    // Blank rows are never classified: loadGrid counts them before it asks.
    return row.every(v => v === null || String(v).trim() === '') || classifier.classify(row) === null
  })
}

/**
 * Stages and checks one file. Null when the file must take the JavaScript path after all (the
 * engine cannot read it as planned, or some row would be skipped as layout).
 */
export async function checkLogFile(db: Db, n: number, ord: number, name: string, src: StageSource, plan: LogFilePlan): Promise<CheckedFile | null> {
  const st = `sl_st_${n}`
  const lk = `sl_lk_${n}`
  let staged: StagedColumns
  try {
    staged = await stageFile(db, st, src, plan)
  }
  catch {
    await db.exec(`DROP TABLE IF EXISTS ${st}`)
    return null
  }
  if (!(await onlyRecords(db, st, plan, staged))) {
    await db.exec(`DROP TABLE IF EXISTS ${st}`)
    return null
  }
  const cols = plan.columns.map((_, i) => i)
  const text = (i: number) => staged.text(i, `s.c${i}`)
  const odd = await db.query(cols.map(i => `SELECT DISTINCT ${i} AS col, ${text(i)} AS raw FROM ${st} s WHERE NOT f${i} AND ${text(i)} IS NOT NULL AND ${text(i)} <> ''`).join('\nUNION ALL\n'))
  const lookups = lookupRows(odd.map(r => ({ col: Number(r.col), raw: String(r.raw) })), plan.columns.map(c => c.kind))
  await insertLookups(db, lk, lookups)
  const { joined, field, joins, params } = lookupSql(lookups, lk, staged)
  // Each value as its contract type: the collection holds what the contract tables will.
  const types = contractTypes(plan.table)
  const cast = (i: number, v: string) => {
    const type = types.get(plan.columns[i]!.name)!
    return type === 'VARCHAR' ? v : `CAST(${v} AS ${type})`
  }
  const value = (i: number) => `CASE WHEN s.f${i} THEN ${cast(i, staged.fastValue(i, `s.c${i}`))} WHEN ${text(i)} IS NULL OR ${text(i)} = '' THEN NULL ${joined.has(i) ? `ELSE ${cast(i, field(i, 'value'))} ` : ''}END`
  const error = (i: number) => joined.has(i) ? `CASE WHEN s.f${i} OR ${text(i)} IS NULL OR ${text(i)} = '' OR ${field(i, 'ok')} THEN NULL ELSE ${field(i, 'code')} END` : 'CAST(NULL AS VARCHAR)'
  // Not a blank row: some cell on the fast path (never blank) or else some cell not blank. The
  // flags first, as one OR: the engine then matches the text only of rows with no fast cell.
  const filled = `(${[...cols.map(i => `s.f${i}`), ...cols.map(i => `NOT ${staged.blank(i, `s.c${i}`)}`)].join(' OR ')})`
  // The first required column left empty, in the contract's order (loadGrid reports one per row).
  const required = TABLE_BY_NAME[plan.table].columns.filter(c => c.required).map(c => plan.columns.findIndex(p => p.name === c.name)).filter(i => i >= 0)
  const req = `CASE ${required.map(i => `WHEN v${i} IS NULL THEN ${i}`).join(' ')} END`
  // Read twice (issues, good rows) rather than copied once: a copy of every cell cost more
  // than the scans, and the issues' scan keeps only the rows with one.
  const checked = `(SELECT *, ${cols.map(i => `e${i} IS NULL`).join(' AND ')} AS cells_ok, ${req} AS req FROM (
  SELECT s.rowid + 2 AS _row, ${cols.map(i => `s.c${i}, ${value(i)} AS v${i}, ${error(i)} AS e${i}`).join(',\n  ')}
  FROM ${st} s
  ${joins}
  WHERE ${filled}
))`
  const issueRows = await db.query(`WITH bad AS (SELECT * FROM ${checked} WHERE NOT cells_ok OR req IS NOT NULL)
SELECT _row, k, code, raw FROM (
${cols.map(i => `  SELECT _row, ${i} AS k, e${i} AS code, ${staged.text(i)} AS raw FROM bad WHERE e${i} IS NOT NULL`).join('\n  UNION ALL\n')}
  UNION ALL SELECT _row, ${cols.length} AS k, 'required_empty' AS code, CAST(req AS VARCHAR) AS raw FROM bad WHERE cells_ok AND req IS NOT NULL
) ORDER BY _row, k LIMIT ${MAX_ISSUES_PER_TABLE}`, params)
  const issues: LoadIssue[] = issueRows.map((r) => {
    const row = Number(r._row)
    if (r.code === 'required_empty')
      return { severity: 'error', code: 'required_empty', file: name, row, column: plan.headers[Number(r.raw)] }
    return { severity: 'error', code: r.code as IssueCode, file: name, row, column: plan.headers[Number(r.k)], value: String(r.raw) }
  })
  // The counts without a third pass of the checks: the rows that are not blank, from the
  // staged flags; the good ones, as the collection now holds them.
  const [counts] = await db.query(`SELECT count(*) AS rows, min(rowid) + 2 AS first, max(rowid) + 2 AS last FROM ${st} s WHERE ${filled}`)
  await db.exec(collectionSql(plan.table))
  await db.query(`INSERT INTO sl_all_${plan.table} BY NAME SELECT ${ord} AS _ord, $file AS _file, _row, ${cols.map(i => `v${i} AS ${quote(plan.columns[i]!.name)}`).join(', ')} FROM ${checked} WHERE cells_ok AND req IS NULL`, { ...params, file: name })
  const [kept] = await db.query(`SELECT count(*) AS good FROM sl_all_${plan.table} WHERE _ord = ${ord}`)
  const good = Number(kept?.good ?? 0)
  const total = Number(counts?.rows ?? 0)
  await db.exec(`DROP TABLE ${st}; DROP TABLE ${lk}`)
  if (total === 0)
    issues.push({ severity: 'warning', code: 'empty_file', file: name })
  return {
    issues: issues.slice(0, MAX_ISSUES_PER_TABLE),
    goodRows: good,
    badRows: total - good,
    ...(total > 0 ? { dataRows: { first: Number(counts!.first), last: Number(counts!.last) } } : {}),
  }
}
