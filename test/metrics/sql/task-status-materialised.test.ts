// task_status.sql reads two tables made once at load (agg_calendar_bounds.sql with the
// calendar, agg_schedule_units.sql with the schedule) instead of computing them in every read.
// Here each answer is held to the text it replaced (kept in reference/), on the demo, the seed
// plans and the 2024-10 fixture, over random review dates (some beyond the calendar, where the
// bounds decide), months, departments, bundles and warning windows, and after a settings change
// that parses the schedule again.
import type { Analysis } from '../../../src/metrics/analysis'
import type { Params, Row } from '../../../src/metrics/db/types'
import type { Dataset } from '../../../src/ingest/dataset/dataset'
import { readFileSync } from 'node:fs'
import { afterAll, describe, expect, it } from 'vitest'
import { loadDataDir } from '../../../src/ingest/node/load-dir'
import { pairedParams, reviewParams } from '../../../src/metrics/review'
import { usedParams } from '../../../src/metrics/run'
import { composeSql } from '../../../src/metrics/sql'
import { prng } from '../../helpers/prng'
import { analysisOf, datasetFromDir, FIXTURES } from '../../helpers/db'

const SEEDS = new URL('../../../seeds/', import.meta.url).pathname

function referenceSql(a: Analysis): string {
  return composeSql({ ...a.sql, task_status: readFileSync(new URL('./reference/task_status.sql', import.meta.url), 'utf8') }, 'task_status')
}

const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!
const day = (r: () => number, from: number, to: number) => {
  const ms = Date.UTC(from, 0, 1) + Math.floor(r() * (Date.UTC(to + 1, 0, 1) - Date.UTC(from, 0, 1)))
  return new Date(ms).toISOString().slice(0, 10)
}

/**
 * `states` random reviews of `a`, each answered by both texts. `near`: review dates within
 * two months of the calendar's last day, where a warning window runs past it.
 */
async function compare(a: Analysis, seed: number, states: number, near = false): Promise<number> {
  const r = prng(seed)
  const units = [null, ...(await a.db.query('SELECT DISTINCT unit AS u FROM schedule_units ORDER BY u')).map(x => x.u as string), '没有这个部门']
  const bundles = [null, ...(await a.db.query('SELECT DISTINCT bundle_name AS b FROM schedule WHERE bundle_name IS NOT NULL ORDER BY b')).map(x => x.b as string)]
  const years = (await a.db.query('SELECT CAST(min(year(d)) AS INTEGER) AS lo, CAST(max(year(d)) AS INTEGER) AS hi, strftime(max(d), \'%Y-%m-%d\') AS last FROM calendar'))[0]!
  const lastMs = Date.parse(`${String(years.last)}T00:00:00Z`)
  const current = composeSql(a.sql, 'task_status')
  const reference = referenceSql(a)
  let rows = 0
  for (let i = 0; i < states; i++) {
    // Up to two years past the calendar: the warning window then runs beyond its last day.
    const asOf = near ? new Date(lastMs - Math.floor(r() * 60) * 86_400_000).toISOString().slice(0, 10) : day(r, Number(years.lo), Number(years.hi) + 2)
    const month = r() < 0.4 ? null : asOf.slice(0, 7)
    const p: Params = { ...reviewParams({ asOf, month, dept: pick(r, units), bundle: pick(r, bundles) }, a.currentSettings), warning_wd: Math.floor(r() * 40) }
    const want = await a.db.query(reference, usedParams(reference, p))
    expect(await points(a, current, p, 1), JSON.stringify(p)).toEqual([want])
    rows += want.length
    // With a second review in the same statement (review_points.sql: a page's month before,
    // here any other date), each point answers as that review alone.
    const asOf2 = day(r, Number(years.lo), Number(years.hi) + 1)
    const other: Params = { ...reviewParams({ asOf: asOf2, month: r() < 0.5 ? null : asOf2.slice(0, 7), dept: p.dept as string | null, bundle: p.bundle as string | null }, a.currentSettings), warning_wd: p.warning_wd ?? null }
    const paired = pairedParams(p, other)
    expect(await points(a, current, paired, 2), JSON.stringify(paired)).toEqual([want, await a.db.query(reference, usedParams(reference, other))])
  }
  return rows
}

/** The rows of `sql` for each of its `n` review points, `pt` taken off. */
async function points(a: Analysis, sql: string, p: Params, n: number): Promise<Row[][]> {
  const out: Row[][] = Array.from({ length: n }, () => [])
  for (const { pt, ...row } of await a.db.query(sql, usedParams(sql, p)))
    out[Number(pt)]!.push(row)
  return out
}

const opened: Analysis[] = []
afterAll(async () => {
  for (const a of opened)
    await a.db.close()
})

async function open(ds: Dataset): Promise<Analysis> {
  const a = await analysisOf(ds)
  opened.push(a)
  return a
}

describe('task_status on its materialised calendar bounds and unit lists', () => {
  it('answers as the unmaterialised text on the demo, and again after the schedule is parsed anew', async () => {
    const a = await open(await loadDataDir(new URL('../../../data/demo/', import.meta.url).pathname))
    expect(await compare(a, 1, 40)).toBeGreaterThan(0)
    await a.updateSettings({ ...a.currentSettings, midXunEndDay: 15 })
    expect(await compare(a, 2, 20)).toBeGreaterThan(0)
  }, 120_000)

  it.each(['hedong-2021', 'liaoning-2023', 'sanmenxia-2023', 'xinxiang-2024', 'xuecheng-2021'])('answers as the unmaterialised text on the seed plan %s', async (plan) => {
    const a = await open(await datasetFromDir(`${SEEDS}${plan}`))
    await compare(a, plan.length, 25)
  }, 60_000)

  it('answers as the unmaterialised text where the warning window runs past the calendar (pending_calendar)', async () => {
    const a = await open(await datasetFromDir(new URL('../../fixtures/calendar/newyear-2026/', import.meta.url).pathname))
    expect(await compare(a, 4, 60, true)).toBeGreaterThan(0)
    const statuses = await a.db.query(composeSql(a.sql, 'task_status'), usedParams(composeSql(a.sql, 'task_status'), { ...reviewParams({ asOf: '2026-12-28' }, a.currentSettings), warning_wd: 10 }))
    // The bounds are what decide these: the states below exist only past the calendar's end.
    expect(statuses.map(t => t.status)).toContain('pending_calendar')
  })

  it('answers as the unmaterialised text on the 2024-10 fixture', async () => {
    const a = await open(await datasetFromDir(`${FIXTURES}sample-2024-10`))
    expect(await compare(a, 3, 40)).toBeGreaterThan(0)
  })
})
