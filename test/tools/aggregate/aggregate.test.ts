import type { AppFigures, MetricsResult, Rule1515 } from '../../../src/metrics/types'
import { existsSync, readdirSync, readFileSync, renameSync } from 'node:fs'
import { join } from 'node:path'
import { DuckDBInstance } from '@duckdb/node-api'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { aggregateCommand } from '../../../src/cli/aggregate'
import { runCli } from '../../../src/cli/main'
import { previousMonth } from '../../../src/domain/dates'
import { monthExpr } from '../../../src/tools/aggregate/partition'
import { tableOfPath } from '../../../src/tools/aggregate/sources'
import { captureIo, cleanTempDirs, generate, tempDir } from '../generate/helpers'

async function metrics(dir: string, extra: string[] = []): Promise<MetricsResult> {
  const c = captureIo()
  const code = await runCli(['metrics', '--data', dir, '--format', 'json', ...extra], c.io)
  expect(code, c.err.join('')).toBe(0)
  // A month folder loads without a single issue: no unknown application, no dangling rectification.
  expect(c.err.join('')).toBe('')
  return JSON.parse(c.out.join('')) as MetricsResult
}

/**
 * Everything but what a month folder cannot know: the rows loaded per table, and per bundle the
 * applications completed over the whole history with their elapsed working days (a month
 * folder holds two months of applications).
 */
function comparable(m: MetricsResult): unknown {
  const { tables: _t, ...rest } = m
  return {
    ...rest,
    reduction: {
      ...m.reduction,
      bundles: m.reduction.bundles.map(({ apps_completed: _a, actual_median_wd: _m, actual_p90_wd: _p, ...b }) => b),
    },
  }
}

/** The figures without the stocks that carry earlier months (open past a limit), by department too. */
function withoutStock(m: MetricsResult): MetricsResult {
  const rule = <T extends { rule_1_5_15: Rule1515 }>(x: T): T => ({ ...x, rule_1_5_15: { ...x.rule_1_5_15, open_overdue: 0, carried_over: { count: 0, months: [] } } })
  const apps = <T extends AppFigures>(x: T): T => ({ ...x, overdue: 0, carried_over: { count: 0, months: [] } })
  return {
    ...m,
    evaluations: { ...rule(m.evaluations), by_dept: m.evaluations.by_dept.filter(d => d.total > 0).map(rule) },
    applications: { ...apps(m.applications), by_dept: m.applications.by_dept.filter(d => d.total > 0).map(apps) },
  }
}

async function aggregate(args: string[]): Promise<string> {
  const c = captureIo()
  const code = await aggregateCommand(args, c.io)
  expect(code, c.err.join('')).toBe(0)
  return c.out.join('')
}

let raw: string
let out: string
let partitioned: string

beforeAll(async () => {
  raw = await generate(['--scale', '6000', '--seed', 'aggregate', '--from', '2024-01', '--to', '2024-08'])
  out = tempDir()
  await aggregate(['--data', raw, '--out', out])
  // The same data as a data lake writes it: applications by month and region, evaluations by month.
  partitioned = tempDir()
  const db = await DuckDBInstance.create(':memory:')
  const conn = await db.connect()
  // Written under an ASCII name and renamed: DuckDB 1.5 puts the partitions beside a target folder whose own name is not ASCII.
  await conn.run(`COPY (SELECT *, strftime(submitted_at, '%Y-%m') AS month FROM '${raw}/applications.parquet') TO '${partitioned}/apps' (FORMAT parquet, PARTITION_BY (month, region))`)
  renameSync(join(partitioned, 'apps'), join(partitioned, '办件'))
  await conn.run(`COPY (SELECT *, strftime(rated_at, '%Y-%m') AS month FROM '${raw}/evaluations.parquet') TO '${partitioned}/evaluations' (FORMAT parquet, PARTITION_BY (month))`)
  for (const t of ['bundles', 'tasks', 'reform_baselines', 'rectifications', 'task_progress'])
    await conn.run(`COPY (SELECT * FROM '${raw}/${t}.parquet') TO '${partitioned}/${t}.parquet' (FORMAT parquet)`)
  conn.closeSync()
  db.closeSync()
}, 120_000)
afterAll(cleanTempDirs)

describe('duban aggregate', () => {
  it('writes one loadable folder per month, each smaller than the raw data', () => {
    const months = readdirSync(out).filter(n => /^\d{4}-\d{2}$/.test(n)).sort()
    expect(months).toEqual(['2024-01', '2024-02', '2024-03', '2024-04', '2024-05', '2024-06', '2024-07', '2024-08'])
    const index = JSON.parse(readFileSync(join(out, 'index.json'), 'utf8')) as { source_rows: Record<string, number>, months: Array<{ month: string, rows: Record<string, number> }> }
    expect(index.source_rows.applications).toBe(6000)
    const june = index.months.find(m => m.month === '2024-06')!
    expect(june.rows.applications).toBeLessThan(6000 / 2)
    expect(june.rows.applications).toBeGreaterThan(6000 / 8)
    const meta = JSON.parse(readFileSync(join(out, '2024-06', 'dataset.json'), 'utf8')) as { as_of: string, month: string, plan_year: number }
    expect(meta).toMatchObject({ as_of: '2024-06-30', month: '2024-06', plan_year: 2024 })
    expect(existsSync(join(out, '.staging'))).toBe(false)
  })

  it.each(['2024-06', '2024-08', '2024-01'])('gives the figures of the raw data for a review of %s', async (month) => {
    const [a, b] = await Promise.all([metrics(raw, ['--month', month]), metrics(join(out, month), ['--month', month])])
    // A month folder holds the month and the one before: stock carried from older months
    // (domain §8a) is not in it. Where the raw data carries none, every figure is equal.
    const older = (m: MetricsResult) => [...m.evaluations.rule_1_5_15.carried_over.months, ...m.applications.carried_over.months].filter(x => x < previousMonth(month))
    if (older(a).length === 0) {
      expect(comparable(b)).toEqual(comparable(a))
    }
    else {
      expect(comparable(withoutStock(b))).toEqual(comparable(withoutStock(a)))
      expect(b.evaluations.rule_1_5_15.open_overdue).toBeLessThan(a.evaluations.rule_1_5_15.open_overdue)
      expect(older(b)).toEqual([])
    }
    expect(b.applications.total).toBeGreaterThan(0)
    expect(b.evaluations.rule_1_5_15.bad).toBeGreaterThan(0)
  })

  it('gives the same figures for one department, and for the month before (month-on-month changes)', async () => {
    const june = await metrics(raw, ['--month', '2024-06'])
    const dept = june.applications.by_dept[0]!.dept
    for (const args of [['--month', '2024-06', '--dept', dept], ['--month', '2024-05', '--as-of', '2024-05-31']]) {
      const [a, b] = await Promise.all([metrics(raw, args), metrics(join(out, '2024-06'), args)])
      expect(comparable(b)).toEqual(comparable(a))
    }
  })

  it('reads Parquet partitioned by month and region in sub-folders, with the same result', async () => {
    const out2 = tempDir()
    const text = await aggregate(['--data', partitioned, '--out', out2, '--months', '2024-06', '--by', 'month,region'])
    expect(text).toContain('2024-06')
    const files = readdirSync(join(out2, '2024-06'))
    expect(files.filter(f => f.startsWith('applications-')).length).toBeGreaterThan(3)
    const [a, b] = await Promise.all([metrics(raw, ['--month', '2024-06']), metrics(join(out2, '2024-06'), ['--month', '2024-06'])])
    expect(comparable(b)).toEqual(comparable(a))
  })

  it('refuses bad options and a folder with no logs', async () => {
    const c = captureIo()
    expect(await aggregateCommand(['--data', raw], c.io)).toBe(2)
    expect(await aggregateCommand(['--data', raw, '--out', tempDir(), '--months', '2024-13'], c.io)).toBe(2)
    expect(await aggregateCommand(['--data', raw, '--out', join(raw, 'x')], c.io)).toBe(2)
    expect(await aggregateCommand(['--data', tempDir(), '--out', tempDir()], c.io)).toBe(3)
    expect(await aggregateCommand(['--data', join(raw, 'missing'), '--out', tempDir()], c.io)).toBe(3)
  })
})

describe('aggregate helpers', () => {
  it('recognises a table from a file name or the folder above partition folders', () => {
    expect(tableOfPath('/d', '/d/applications.parquet')).toBe('applications')
    expect(tableOfPath('/d', '/d/办件/month=2024-01/region=沈阳市/data_0.parquet')).toBe('applications')
    expect(tableOfPath('/d', '/d/2024-01/好差评.parquet')).toBe('evaluations')
    expect(tableOfPath('/d', '/d/misc/part-0.parquet')).toBeNull()
  })

  it('reads the China-time month of every kind of date column', async () => {
    const db = await DuckDBInstance.create(':memory:')
    const conn = await db.connect()
    const month = async (type: string, value: string) => {
      const r = await conn.runAndReadAll(`SELECT ${monthExpr('t', type)} AS m FROM (SELECT CAST(${value} AS ${type}) AS t)`)
      return r.getRowObjectsJS()[0]!.m
    }
    expect(await month('TIMESTAMP', '\'2024-06-30 23:59:59\'')).toBe('2024-06')
    expect(await month('DATE', '\'2024-07-01\'')).toBe('2024-07')
    // 16:30 UTC on 30 June is 00:30 on 1 July in China.
    expect(await month('TIMESTAMP WITH TIME ZONE', '\'2024-06-30 16:30:00+00\'')).toBe('2024-07')
    expect(await month('VARCHAR', '\'2024年6月30日 10:00\'')).toBe('2024-06')
    expect(await month('VARCHAR', '\'2024/6/3\'')).toBe('2024-06')
    expect(await month('VARCHAR', '\'2024-06-30T16:30:00Z\'')).toBe('2024-07')
    expect(await month('VARCHAR', '\'\'')).toBeNull()
    conn.closeSync()
    db.closeSync()
  })
})
