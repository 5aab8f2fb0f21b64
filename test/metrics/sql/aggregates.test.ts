// The summary SQL reads per-day aggregates (src/metrics/sql/agg_*.sql) instead of judging every
// row at each filter change. Here every answer it gives is held to the unaggregated SQL it
// replaced (kept in reference/), over random filter states on generated data made rough on
// purpose: applications never accepted, accepted before submission, refused or withdrawn,
// submitted in a year the calendar does not cover, without department, channel or trips.
import type { Analysis } from '../../../src/metrics/analysis'
import type { Params, Row } from '../../../src/metrics/db/types'
import type { SqlName } from '../../../src/metrics/sql'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { WorkCalendar } from '../../../src/domain/calendar'
import { withDefaults } from '../../../src/domain/settings'
import { pairedParams, reviewParams, withDatesOf } from '../../../src/metrics/review'
import { runSql, toEvalPending, usedParams } from '../../../src/metrics/run'
import { composeSql } from '../../../src/metrics/sql'
import { Generation } from '../../../src/tools/generate'
import { DEFAULT_PLAN, readPlan } from '../../../src/tools/generate/node/plan-dir'
import { writeGeneration } from '../../../src/tools/generate/node/write'
import { prng } from '../../helpers/prng'
import { analysisOf, datasetFromDir } from '../../helpers/db'

const REPLACED = ['applications_summary', 'applications_trend', 'applications_by_channel', 'evaluations_summary', 'evaluations_breakdown', 'reduction_bundles'] as const satisfies readonly SqlName[]

/** The unaggregated text of a file, with its includes taken from the current files. */
function referenceSql(a: Analysis, name: SqlName): string {
  const text = readFileSync(new URL(`./reference/${name}.sql`, import.meta.url), 'utf8')
  return composeSql({ ...a.sql, [name]: text }, name)
}

/** Lists whose order the SQL does not fix (string_agg DISTINCT) compared as sets. */
function normalised(rows: Row[]): Row[] {
  return rows.map(r => ('pending_years' in r && typeof r.pending_years === 'string'
    ? { ...r, pending_years: r.pending_years.split(',').sort().join(',') }
    : r))
}

/**
 * The rows of one review without their review point: the files that can answer two points
 * (review_points.sql) say which a row is of, here always the review's own (pt 0).
 */
function onePoint(rows: Row[]): Row[] {
  expect(rows.filter(r => 'pt' in r && r.pt !== 0)).toEqual([])
  return rows.map(({ pt: _pt, ...r }) => r)
}

let dir: string
let a: Analysis
let values: Record<'dept' | 'bundle_name' | 'region' | 'channel' | 'matter' | 'eval_channel', Array<string | null>>

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'duban-agg-'))
  const gen = new Generation(await readPlan(DEFAULT_PLAN), { seed: 'agg', scale: 3000, from: '2024-01', to: '2024-12', id: 'agg' }, new WorkCalendar())
  await writeGeneration(gen, dir, 'csv')
  a = await analysisOf(await datasetFromDir(dir))
  // Rough rows, chosen by id so every run makes the same ones.
  await a.db.exec(`
    UPDATE applications SET accepted_at = NULL, completed_at = NULL WHERE hash(app_id) % 23 = 0;
    UPDATE applications SET accepted_at = submitted_at - INTERVAL 3 DAY WHERE hash(app_id) % 29 = 1;
    UPDATE applications SET status = CASE WHEN hash(app_id) % 2 = 0 THEN '不予受理' ELSE '撤回' END WHERE hash(app_id) % 31 = 2;
    UPDATE applications SET submitted_at = submitted_at - INTERVAL 40 YEAR WHERE hash(app_id) % 37 = 3;
    UPDATE applications SET accepted_at = accepted_at + INTERVAL 40 YEAR WHERE hash(app_id) % 41 = 4;
    UPDATE applications SET dept = NULL WHERE hash(app_id) % 43 = 5;
    UPDATE applications SET channel = NULL, trips = NULL WHERE hash(app_id) % 47 = 6;
    UPDATE applications SET promised_wd = NULL WHERE hash(app_id) % 53 = 7;
    UPDATE applications SET promised_wd = 0 WHERE hash(app_id) % 59 = 8;
    UPDATE evaluations SET matter_name = NULL WHERE hash(eval_id) % 23 = 0;
    UPDATE evaluations SET rated_at = NULL WHERE hash(eval_id) % 29 = 1;
    UPDATE evaluations SET dept = NULL, channel = NULL WHERE hash(eval_id) % 31 = 2;
    UPDATE evaluations SET rated_at = rated_at - INTERVAL 40 YEAR WHERE level <= 2 AND hash(eval_id) % 7 = 3;
    UPDATE evaluations SET level = NULL WHERE hash(eval_id) % 37 = 4;
  `)
  await a.refreshFacts()
  const distinct = async (col: string) => (await a.db.query(`SELECT DISTINCT ${col} AS v FROM applications ORDER BY v`)).map(r => r.v as string | null)
  values = {
    dept: await distinct('dept'),
    bundle_name: await distinct('bundle_name'),
    region: await distinct('region'),
    channel: await distinct('channel'),
    matter: await distinct('matter_name'),
    eval_channel: (await a.db.query('SELECT DISTINCT channel AS v FROM evaluations ORDER BY v')).map(r => r.v as string | null),
  }
}, 300_000)

afterAll(async () => {
  await a?.db.close()
  rmSync(dir, { recursive: true, force: true })
})

function randomState(r: () => number): Params {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!
  const day = new Date(Date.UTC(2024, 0, 1) + Math.floor(r() * 456) * 86_400_000).toISOString().slice(0, 10)
  const months = ['2023-12', ...Array.from({ length: 12 }, (_, i) => `2024-${String(i + 1).padStart(2, '0')}`), '2025-01']
  const maybe = (xs: Array<string | null>, share: number) => (r() < share ? pick(xs.filter(x => x !== null)) : null)
  const p = reviewParams({
    asOf: day,
    month: r() < 0.6 ? pick(months) : null,
    dept: r() < 0.1 ? '没有这个部门' : maybe(values.dept, 0.5),
    bundle: maybe(values.bundle_name, 0.25),
    region: maybe(values.region, 0.25),
    channel: maybe(values.channel, 0.25),
  }, withDefaults())
  // The drill-down of the evaluations page (evaluations_breakdown.sql only).
  return { ...p, matter: maybe(values.matter, 0.2), eval_channel: maybe(values.eval_channel, 0.2) }
}

describe('the aggregate-based SQL', () => {
  it('builds tables much smaller than the facts they summarise', async () => {
    const [x] = await a.db.query('SELECT (SELECT count(*) FROM application_facts) AS facts, (SELECT count(*) FROM application_agg) AS agg')
    expect(Number(x!.agg)).toBeGreaterThan(0)
    expect(Number(x!.agg)).toBeLessThan(Number(x!.facts) * 3)
  })

  it('answers exactly as the unaggregated SQL over random filter states', async () => {
    const r = prng(17)
    let compared = 0
    const reached = new Set<string>()
    for (let i = 0; i < 40; i++) {
      const p = randomState(r)
      // Both tables the counts read: by department (no bundle nor region) and the fine one.
      reached.add(p.bundle === null && p.region === null ? 'by department' : 'by bundle or region')
      for (const name of REPLACED) {
        const mine = composeSql(a.sql, name)
        const ref = referenceSql(a, name)
        const [x, y] = [await a.db.query(mine, usedParams(mine, p)), await a.db.query(ref, usedParams(ref, p))]
        expect(normalised(onePoint(x)), `${name} ${JSON.stringify(p)}`).toEqual(normalised(y))
        compared += y.length
        for (const row of y) {
          for (const k of ['pending_years', 'carried_months'] as const) {
            if (row[k])
              reached.add(k)
          }
          if (Number(row.carried_over) > 0)
            reached.add(`carried ${name}`)
          if (name === 'evaluations_breakdown' && Number(row.contact_pending) > 0)
            reached.add('pending evaluations_breakdown')
          // The elapsed days' median and 90th percentile, read from their counts (an even and an odd count of cases).
          if (name === 'reduction_bundles' && Number(row.apps_completed) > 1)
            reached.add(`completed ${Number(row.apps_completed) % 2 ? 'odd' : 'even'}`)
        }
      }
    }
    // The states must reach rows, not only empty answers.
    expect(compared).toBeGreaterThan(500)
    // ... and the rough rows: cases the calendar cannot judge, and stock carried into a month.
    expect([...reached].sort()).toEqual(['by bundle or region', 'by department', 'carried applications_summary', 'carried evaluations_breakdown', 'carried_months', 'completed even', 'completed odd', 'pending evaluations_breakdown', 'pending_years'])
  }, 300_000)

  it('counts in its whole-review row the pending cases rule_1_5_15 counts (the evaluations page\'s note)', async () => {
    const r = prng(29)
    let pending = 0
    for (let i = 0; i < 30; i++) {
      const p = { ...randomState(r), matter: null, eval_channel: null }
      const [all] = await runSql(a.db, a.sql, 'evaluations_breakdown', p)
      const [total] = await runSql(a.db, a.sql, 'rule_1_5_15', p)
      expect(toEvalPending(all!), JSON.stringify(p)).toEqual(toEvalPending(total!))
      pending += toEvalPending(total!).contact
    }
    expect(pending).toBeGreaterThan(0)
  }, 120_000)

  it('answers two reviews in one statement as each alone (the files with review points)', async () => {
    const r = prng(41)
    let rows = 0
    for (let i = 0; i < 40; i++) {
      const p = randomState(r)
      // A page's month before has the review's filters and another date and month.
      const other = withDatesOf(p, randomState(r))
      for (const name of ['rule_1_5_15', 'task_status', 'bad_review_cases', 'evaluations_summary', 'applications_summary', 'evaluations_breakdown'] as const) {
        const both = await runSql(a.db, a.sql, name, pairedParams(p, other))
        const split = [0, 1].map(k => both.filter(x => x.pt === k).map(x => ({ ...x, pt: 0 })))
        expect(split, `${name} ${JSON.stringify(pairedParams(p, other))}`).toEqual([await runSql(a.db, a.sql, name, p), await runSql(a.db, a.sql, name, other)])
        rows += both.length
      }
    }
    expect(rows).toBeGreaterThan(500)
  }, 120_000)

  it('is rebuilt with the facts when the acceptance limit changes', async () => {
    const p = reviewParams({ asOf: '2024-12-31', month: '2024-06' }, withDefaults())
    const before = await a.db.query(composeSql(a.sql, 'applications_summary'), usedParams(composeSql(a.sql, 'applications_summary'), p))
    await a.updateSettings(withDefaults({ acceptWd: 0 }))
    const mine = composeSql(a.sql, 'applications_summary')
    const ref = referenceSql(a, 'applications_summary')
    const after = await a.db.query(mine, usedParams(mine, p))
    expect(normalised(onePoint(after))).toEqual(normalised(await a.db.query(ref, usedParams(ref, p))))
    expect(after[0]!.accepted_1wd).not.toBe(before[0]!.accepted_1wd)
    await a.updateSettings(withDefaults())
  }, 120_000)
})
