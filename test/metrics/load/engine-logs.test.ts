// The engine's reading of log files against the JavaScript path (issue 17 §2): random rows
// with valid and broken cells of every kind, written as CSV and Parquet, read both ways —
// the same issues in the same order, the same files' reports, the same rows kept.

import type { Db } from '../../../src/metrics/db/types'
import type { EngineFile } from '../../../src/metrics/load'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { afterAll, describe, expect, it } from 'vitest'
import { TABLE_BY_NAME } from '../../../src/domain/contract/tables'
import { ingestFiles } from '../../../src/ingest'
import { openNativeDb } from '../../../src/engine/node/native'
import { engineLogFile } from '../../../src/engine/node/engine-logs'
import { assembleWithEngine, checkLogFiles, LOG_TABLES } from '../../../src/metrics/load'
import { insertLogs } from '../../../src/metrics/load/finish'
import { schemaSql } from '../../../src/metrics/schema'
import { uncappedSpan } from '../../../src/ingest/dataset/span'

const NOW = '2024-07-01T00:00:00.000Z'
const dir = mkdtempSync(join(tmpdir(), 'duban-engine-logs-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const blank = fc.constantFrom('', '  ', '\u3000')
const datetime = fc.oneof(
  { weight: 6, arbitrary: fc.date({ min: new Date('2023-01-01'), max: new Date('2025-12-31'), noInvalidDate: true }).map(d => d.toISOString().slice(0, 19).replace('T', ' ')) },
  { weight: 2, arbitrary: fc.constantFrom('2024/3/5 9:05', '2024年3月5日 10:00', '2024-03-05T10:00:00+08:00', '2024-03-05', ' 2024-03-05 10:00:00', '２０２４-03-05 10:00:00') },
  { weight: 2, arbitrary: fc.constantFrom('2024-02-30 10:00:00', 'not a date', '2024-13-01 00:00:00', '0000-01-01 00:00:00', '2024-03-05 24:00:00', '明天') },
  // A typed column's edges (stage.ts reads its flag from the value): three-digit and last years.
  { weight: 1, arbitrary: fc.constantFrom('0999-06-01 10:00:00', '1000-01-01 00:00:00', '9999-12-31 23:59:59') },
  // Parts of a second: a typed timestamp shows whole seconds in the JavaScript reader.
  { weight: 1, arbitrary: fc.constantFrom('2024-03-05 09:05:07.250', '2024-12-31 23:59:59.999') },
  { weight: 1, arbitrary: blank },
)
const int = fc.oneof(
  { weight: 5, arbitrary: fc.integer({ min: -5, max: 400 }).map(String) },
  { weight: 2, arbitrary: fc.constantFrom('012', '1,200', '3个', ' 7 ', '１２', 'x', '1.5', '-0', '+4', '5 工作日') },
  { weight: 1, arbitrary: fc.constantFrom('999999999', '-999999999', '2147483647', '-2147483648', '2147483648', '999999999999999', '1234567890123456') },
  { weight: 1, arbitrary: blank },
)
const level = fc.constantFrom('非常满意', '满意', '基本满意', '不满意', '非常不满意', '5', '1', '★★★', '3星', '6', '好', '', ' 满意 ')
const bool = fc.constantFrom('是', '否', 'y', 'N', 'true', '实名', 'maybe', '', '1')
const verdict = fc.constantFrom('属实', '部分属实', '不属实', '误评', '恶意', '其他', '')
const channel = fc.constantFrom('窗口', '网上办理', '掌上', 'PC端', '自助终端', '邮寄', '其他', ' 窗口 ', '')
const text = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('省人社厅', '市场监管局', '张三', 'Li Si', '营业执照办理', '已办结', '东区', '好评', '办得快。') },
  { weight: 2, arbitrary: fc.constantFrom(' 省人社厅 ', '\u3000东区', 'a\nb', 'with "quote"', 'comma, inside', 'Ｆｕｌｌ', '—', '１') },
  { weight: 1, arbitrary: fc.constantFrom('1', '计', '以后再说', '(空)') },
  { weight: 2, arbitrary: blank },
)
const id = (prefix: string, n: number) => fc.oneof({ weight: 8, arbitrary: fc.integer({ min: 1, max: n }).map(i => `${prefix}${i}`) }, { weight: 1, arbitrary: blank })

const KIND = { text, int, datetime, level, bool, verdict, channel } as const

function cellOf(table: keyof typeof TABLE_BY_NAME, column: string): fc.Arbitrary<string> {
  if (column === 'app_id')
    return id('A', 40)
  if (column === 'eval_id')
    return id('E', 30)
  const kind = TABLE_BY_NAME[table].columns.find(c => c.name === column)!.kind
  return (KIND as Record<string, fc.Arbitrary<string>>)[kind] ?? text
}

interface FileSpec {
  name: string
  table: 'applications' | 'evaluations' | 'rectifications'
  header: 'zh' | 'en'
  columns: string[]
  rows: string[][]
  parquet: boolean
  bareEmpty?: boolean
  /** Parquet with typed columns (timestamps, integers, booleans) rather than text alone; what does not convert is null. */
  typed?: 'INTEGER' | 'BIGINT' | null
}

function fileArb(table: FileSpec['table'], name: string): fc.Arbitrary<FileSpec> {
  const spec = TABLE_BY_NAME[table]
  const optional = spec.columns.filter(c => !c.required).map(c => c.name)
  return fc.record({
    header: fc.constantFrom('zh' as const, 'en' as const),
    extra: fc.subarray(optional),
    parquet: fc.boolean(),
    // Office exports leave an empty cell bare (,,): the engine reads it as NULL, not ''.
    bareEmpty: fc.boolean(),
    typed: fc.constantFrom(null, 'INTEGER' as const, 'BIGINT' as const),
    seed: fc.integer(),
  }).chain(({ header, extra, parquet, bareEmpty, typed }) => {
    const columns = [...spec.columns.filter(c => c.required).map(c => c.name), ...extra]
    const row = fc.tuple(...columns.map(c => cellOf(table, c)))
    const blankRow = fc.constant(columns.map(() => ''))
    return fc.array(fc.oneof({ weight: 12, arbitrary: row }, { weight: 1, arbitrary: blankRow }), { minLength: 0, maxLength: 40 })
      .map(rows => ({ name: `${name}.${parquet ? 'parquet' : 'csv'}`, table, header, columns, rows, parquet, bareEmpty, typed }))
  })
}

function csvText(f: FileSpec): string {
  const q = (v: string) => (/[",\n\r]/.test(v) || (v === '' && !f.bareEmpty) ? `"${v.replace(/"/g, '""')}"` : v)
  const head = f.columns.map(c => (f.header === 'zh' ? TABLE_BY_NAME[f.table].columns.find(x => x.name === c)!.aliases[0]! : c))
  // A row of blanks is never an empty line (the engine would skip it): a file has two or more columns.
  return [head, ...f.rows].map(r => r.map(q).join(',')).join('\n') + '\n'
}

async function writeFiles(db: Db, files: FileSpec[], run: number): Promise<string[]> {
  const paths: string[] = []
  for (const f of files) {
    const csv = join(dir, `${run}-${f.name.replace(/\.parquet$/, '.csv')}`)
    writeFileSync(csv, csvText(f))
    if (!f.parquet) {
      paths.push(csv)
      continue
    }
    const pq = csv.replace(/\.csv$/, '.parquet')
    const cols = f.columns.map((_, i) => `'c${i}': 'VARCHAR'`).join(', ')
    const head = csvText(f).split('\n', 1)[0]!.split(',')
    const kinds = f.columns.map(c => TABLE_BY_NAME[f.table].columns.find(x => x.name === c)!.kind)
    const typedCell = (i: number) => {
      if (!f.typed)
        return `c${i}`
      if (kinds[i] === 'datetime')
        return `coalesce(TRY_STRPTIME(c${i}, '%Y-%m-%d %H:%M:%S'), TRY_STRPTIME(c${i}, '%Y-%m-%d %H:%M:%S.%g'))`
      if (kinds[i] === 'int')
        return `TRY_CAST(c${i} AS ${f.typed})`
      return kinds[i] === 'bool' ? `TRY_CAST(c${i} AS BOOLEAN)` : `c${i}`
    }
    await db.exec(`COPY (SELECT ${head.map((h, i) => `${typedCell(i)} AS "${h}"`).join(', ')} FROM read_csv('${csv}', header = true, auto_detect = false, delim = ',', quote = '"', escape = '"', columns = {${cols}})) TO '${pq}' (FORMAT parquet)`)
    paths.push(pq)
  }
  return paths
}

/**
 * Both paths over the same files; null when the engine declined them (the JavaScript path
 * alone is then the answer). `declined` says where: on the sample (plan) or on the whole file (check).
 */
async function bothWays(files: FileSpec[], run: number, declined?: { at?: 'plan' | 'check' }) {
  const db = await openNativeDb()
  try {
    const paths = await writeFiles(db, files, run)
    const js = await ingestFiles(paths.map(p => ({ name: p.split('/').pop()!, bytes: new Uint8Array(readFileSync(p)) })), { now: () => NOW })
    const planned: EngineFile[] = []
    for (const p of paths) {
      const f = await engineLogFile(db, p, NOW)
      if (!f) {
        if (declined)
          declined.at = 'plan'
        return null
      }
      planned.push(f)
    }
    const checked = await checkLogFiles(db, planned)
    if (!checked) {
      if (declined)
        declined.at = 'check'
      return null
    }
    const ds = await assembleWithEngine(db, checked, undefined, new Set())
    const kept: Record<string, unknown[]> = {}
    for (const t of LOG_TABLES) {
      const names = TABLE_BY_NAME[t].columns.map(c => c.name)
      // The collection holds contract types; as text, each must be the JavaScript path's canonical cell.
      kept[t] = (await db.query(`SELECT _file, _row, ${names.map(n => `CAST("${n}" AS VARCHAR) AS "${n}"`).join(', ')} FROM sl_kept_${t} ORDER BY _ord, _row`))
    }
    await db.exec(schemaSql())
    await insertLogs(db)
    const counts = Object.fromEntries(await Promise.all(LOG_TABLES.map(async t => [t, Number((await db.query(`SELECT count(*) AS n FROM ${t}`))[0]!.n)])))
    const jsKept = Object.fromEntries(LOG_TABLES.map((t) => {
      const tr = js.dataset.tables[t]
      const names = TABLE_BY_NAME[t].columns.map(c => c.name)
      return [t, tr.rows.map(r => ({ _file: r[tr.columns.indexOf('_file')], _row: Number(r[tr.columns.indexOf('_row')]), ...Object.fromEntries(names.map(n => [n, r[tr.columns.indexOf(n)] ?? null])) }))]
    }))
    return { js, ds, kept, jsKept, counts }
  }
  finally {
    await db.close()
  }
}

function filesArb(): fc.Arbitrary<FileSpec[]> {
  return fc.tuple(fileArb('applications', '办件-1'), fileArb('applications', '办件-2'), fileArb('evaluations', '好差评'), fileArb('rectifications', '差评整改'))
}

describe('log files read by the engine', () => {
  it('gives the JavaScript path\'s issues, reports and rows for random files', async () => {
    let compared = 0
    let comparedTyped = 0
    let run = 0
    await fc.assert(fc.asyncProperty(filesArb(), async (files) => {
      const r = await bothWays(files, run++)
      if (!r)
        return
      compared++
      if (files.some(f => f.parquet && f.typed && f.rows.length > 0))
        comparedTyped++
      expect(r.ds.issues).toEqual(r.js.dataset.issues)
      expect(r.ds.files).toEqual(r.js.dataset.files)
      // The logs' first and last event, which the engine's stand-in rows carry (logSpan).
      expect(uncappedSpan(r.ds)).toEqual(uncappedSpan(r.js.dataset))
      for (const t of LOG_TABLES) {
        expect(r.kept[t]).toEqual(r.jsKept[t])
        expect(r.counts[t]).toBe(r.jsKept[t]!.length)
      }
    }), { numRuns: 30, seed: 17 })
    // Most random files carry no layout row: the property must have been tested, not skipped.
    expect(compared).toBeGreaterThan(10)
    // And typed Parquet (its flags read from the values) among them.
    expect(comparedTyped).toBeGreaterThan(3)
  }, 240_000)
})

describe('rows that are not records', () => {
  const apps = (rows: string[][]): FileSpec => ({ name: '办件.csv', table: 'applications', header: 'zh', columns: ['app_id', 'dept', 'submitted_at', 'materials', 'trips'], rows, parquet: false })
  const records = [['A1', '东区', '2024-03-01 09:00:00', '3', '1'], ['A2', '西区', '2024-03-02 09:00:00', '4', '0'], ['A3', '东区', '2024-03-03 09:00:00', '5', '2']]

  it('a row without an id that sums the rows above is a total: the file goes the JavaScript way', async () => {
    expect(await bothWays([apps([...records, ['', '', '', '12', '3']])], 1000)).toBeNull()
  }, 60_000)

  it('a 合计 or a note under the table sends the file the JavaScript way', async () => {
    expect(await bothWays([apps([...records, ['合计', '', '', '12', '3']])], 1001)).toBeNull()
    expect(await bothWays([apps([...records, ['注：以上为样例', '', '', '', '']])], 1002)).toBeNull()
  }, 60_000)

  it('rows without an id whose numbers are no total stay records, checked by the engine', async () => {
    const r = await bothWays([apps([...records, ['', '东区', '2024-03-04 09:00:00', '7', '1'], ['', '', '', '12', '4']])], 1003)
    expect(r).not.toBeNull()
    expect(r!.ds.issues).toEqual(r!.js.dataset.issues)
    expect(r!.ds.issues.filter(i => i.code === 'required_empty')).toHaveLength(2)
  }, 60_000)
})

describe('layout rows past the sample, in files whose empty cells are bare', () => {
  // Beyond the 256 KiB the plan reads, only the engine's gate (gate.ts) can find such a row.
  const many = Array.from({ length: 9000 }, (_, i) => [`A${i + 1}`, '东区', '2024-03-01 09:00:00', '3', '1'])
  const apps = (layout: string[], parquet: boolean): FileSpec => ({
    name: parquet ? '办件.parquet' : '办件.csv',
    table: 'applications',
    header: 'en',
    columns: ['app_id', 'dept', 'submitted_at', 'materials', 'trips'],
    rows: [...many, layout, ['B1', '西区', '2024-03-02 09:00:00', '4', '0']],
    parquet,
    bareEmpty: true,
  })

  for (const parquet of [false, true]) {
    it(`a section heading or a bare signature alone in its row sends the file the JavaScript way (${parquet ? 'Parquet' : 'CSV'})`, async () => {
      for (const [k, layout] of [['一、东区办件', '', '', '', ''], ['审核人', '东区', '', '', '']].entries()) {
        const declined: { at?: 'plan' | 'check' } = {}
        expect(await bothWays([apps(layout, parquet)], 2000 + k + (parquet ? 10 : 0), declined)).toBeNull()
        expect(declined.at).toBe('check')
      }
    }, 60_000)
  }

  it('the JavaScript path leaves such a row out, with no issue', async () => {
    const f = apps(['一、东区办件', '', '', '', ''], false)
    const csv = join(dir, 'section.csv')
    writeFileSync(csv, csvText(f))
    const js = await ingestFiles([{ name: 'section.csv', bytes: new Uint8Array(readFileSync(csv)) }], { now: () => NOW })
    expect(js.dataset.issues).toEqual([])
    expect(js.dataset.tables.applications.rows).toHaveLength(9001)
  }, 60_000)
})
