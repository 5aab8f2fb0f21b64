import type { Analysis } from '../../src/metrics/analysis'
import type { Row } from '../../src/metrics/db/types'
import type { SqlName } from '../../src/metrics/sql'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { reviewParams } from '../../src/metrics/review'
import { columnsOf, fitsKind, SQL_COLUMNS } from '../../src/metrics/rows'
import { runSql } from '../../src/metrics/run'
import { SQL_NAMES } from '../../src/metrics/sql'
import { analysisOf, datasetFromDir, FIXTURES } from '../helpers/db'

// Every metric SQL file, run on real DuckDB over the 2024-10 sample, for the whole data and for
// one month (the case files then add the rows of earlier months): the columns each returns must
// be the ones its row type is derived from, in order, with values of the declared kinds.
describe('the declared columns of every metric SQL file', () => {
  let a: Analysis
  const answers = new Map<SqlName, Row[]>()

  beforeAll(async () => {
    a = await analysisOf(await datasetFromDir(`${FIXTURES}sample-2024-10`))
    for (const name of SQL_NAMES) {
      const rows: Row[] = []
      for (const month of [null, '2024-10']) {
        // matter/eval_channel: the evaluation drill-down; ledger_from: the bulletin's ledger. Unnamed ones are not bound.
        const params = reviewParams({ asOf: '2024-10-16', month }, a.currentSettings, { matter: null, eval_channel: null, ledger_from: null })
        rows.push(...await runSql(a.db, a.sql, name, params))
      }
      answers.set(name, rows)
    }
  }, 120_000)
  afterAll(() => a.db.close())

  it('declares every SQL file', () => {
    expect(Object.keys(SQL_COLUMNS).sort()).toEqual([...SQL_NAMES].sort())
  })

  it.each(SQL_NAMES.map(n => [n]))('%s returns the declared columns, in order, of the declared kinds', (name) => {
    const rows = answers.get(name)!
    // Without rows there would be nothing to compare: the fixture must exercise every file.
    expect(rows.length).toBeGreaterThan(0)
    const declared = SQL_COLUMNS[name] as Record<string, Parameters<typeof fitsKind>[0]>
    for (const row of rows)
      expect(Object.keys(row)).toEqual(columnsOf(name))
    const wrong = rows.flatMap(row => Object.entries(row)
      .filter(([col, v]) => !fitsKind(declared[col]!, v))
      .map(([col, v]) => `${col}=${JSON.stringify(v)} is not ${JSON.stringify(declared[col])}`))
    expect([...new Set(wrong)]).toEqual([])
  })
})

describe('fitsKind', () => {
  it('tells a value of the declared kind from one that is not', () => {
    expect(fitsKind('text', 'x')).toBe(true)
    expect(fitsKind('text', null)).toBe(false)
    expect(fitsKind('text?', null)).toBe(true)
    expect(fitsKind('num', '3')).toBe(false)
    expect(fitsKind('num?', 3)).toBe(true)
    expect(fitsKind('bool', 1)).toBe(false)
    expect(fitsKind(['all', 'dept'], 'dept')).toBe(true)
    expect(fitsKind(['all', 'dept'], 'month')).toBe(false)
  })
})
