import type { Analysis } from '../../src/metrics/analysis'
import type { MetricsQuery } from '../../src/metrics/run'
import type { MetricsResult } from '../../src/metrics/types'
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCli } from '../../src/cli/main'
import { Analysis as AnalysisClass } from '../../src/metrics/analysis'
import { chinaToday, reviewDate } from '../../src/domain/dates'
import { dataSpan, planYearFallback } from '../../src/ingest/dataset/span'
import { withDefaults } from '../../src/domain/settings'
import { loadSqlFilesNode } from '../../src/engine/node/sql-files'
import { openNativeDb } from '../../src/engine/node/native'
import { openWasmNodeDb } from '../../src/engine/node/wasm'
import { loadDataDir } from '../../src/ingest/node/load-dir'
import { gatherReport } from '../../src/report/gather'
import { capturingIO } from '../helpers/cli-io'

// Dashboard = bulletin = command line (issue 20, domain §8a): the overview reads
// Analysis.metrics for the view's query, the bulletin gathers its figures from the same data
// and `duban metrics` prints them. For the same month and department they must agree.

const NOW = new Date('2026-11-23T02:00:00Z')

async function cli(argv: string[]): Promise<MetricsResult> {
  const { io, out, err } = capturingIO({}, NOW)
  const code = await runCli([...argv, '--format', 'json'], io)
  expect(code, err()).toBe(0)
  return JSON.parse(out()) as MetricsResult
}

/** A small deterministic generator: the states are random but the same on every run. */
function prng(seed: number) {
  let s = seed >>> 0
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0
    return s / 2 ** 32
  }
}

/** The figures the overview shows at the top: what a supervisor reads out in the meeting. */
function headline(m: MetricsResult) {
  return {
    as_of: m.as_of,
    schedule: { counts: m.schedule.counts, carried_over: m.schedule.carried_over },
    evaluations: { total: m.evaluations.total, good: m.evaluations.good, bad: m.evaluations.bad, rule_1_5_15: m.evaluations.rule_1_5_15 },
    applications: { total: m.applications.total, on_time: m.applications.on_time, completion_due: m.applications.completion_due, accepted_1wd: m.applications.accepted_1wd, accept_due: m.applications.accept_due, overdue: m.applications.overdue, carried_over: m.applications.carried_over },
    reduction: m.reduction.overall,
  }
}

describe('the demo: the overview, the bulletin and `duban metrics` give one answer', () => {
  let analysis: Analysis
  let dataEnd: string
  beforeAll(async () => {
    const ds = await loadDataDir('data/demo')
    const today = chinaToday(NOW)
    dataEnd = dataSpan(ds, today)!.last
    analysis = await AnalysisClass.open(await openNativeDb(), ds, loadSqlFilesNode(), withDefaults(), planYearFallback(ds, today))
  }, 120_000)
  afterAll(() => analysis.db.close())

  it('counts 省人力资源社会保障厅\'s open overdue bad reviews from March to August in October', async () => {
    const m = await cli(['metrics', '--data', 'data/demo', '--month', '2024-10', '--dept', '省人力资源社会保障厅'])
    expect(m.as_of).toBe('2024-10-31')
    const r = m.evaluations.rule_1_5_15
    expect(r.carried_over).toEqual({ count: 5, months: ['2024-03', '2024-05', '2024-06', '2024-08'] })
    // The stock is the total: the carried cases and any of October's own past a limit.
    expect(r.open_overdue).toBeGreaterThanOrEqual(5)
    // The same stock as the review at 31 October with no month, whatever month the cases were rated in.
    const all = await analysis.metrics({ asOf: '2024-10-31', dept: '省人力资源社会保障厅' })
    expect(r.open_overdue).toBe(all.evaluations.rule_1_5_15.open_overdue)
  }, 120_000)

  it('agrees on random (month, department) states', async () => {
    const depts = [null, ...new Set((await analysis.metrics({ asOf: dataEnd })).evaluations.by_dept.map(d => d.dept))]
    const months = Array.from({ length: 12 }, (_, i) => `2024-${String(i + 1).padStart(2, '0')}`)
    const seed = Number(process.env.DUBAN_SEED ?? 20)
    const rnd = prng(seed)
    for (let i = 0; i < 3; i++) {
      const month = months[Math.floor(rnd() * months.length)]!
      const dept = depts[Math.floor(rnd() * depts.length)] ?? null
      const state = `seed ${seed}, state ${i}: ${month} ${dept ?? 'all'}`
      // The overview's query: the view's month and department at the review date rule's date.
      const q: MetricsQuery = { asOf: reviewDate(month, null, dataEnd)!.asOf, month, dept }
      const overview = await analysis.metrics(q)
      const bulletin = (await gatherReport(analysis, { month, asOf: q.asOf, dataEnd, dept })).current
      const command = await cli(['metrics', '--data', 'data/demo', '--month', month, ...(dept ? ['--dept', dept] : [])])
      expect(headline(bulletin), state).toEqual(headline(overview))
      expect(headline(command), state).toEqual(headline(overview))
      // Not only the headline: every figure, task and department row.
      expect(JSON.parse(JSON.stringify(command)), state).toEqual(JSON.parse(JSON.stringify(overview)))
    }
  }, 300_000)
})

describe('the same data and settings through the command line, the app\'s engine and the bulletin', () => {
  // The sample without its dataset.json and its 年度 column: no plan year, so "9月底前" is
  // dated by the one fallback rule (the data's last day's year), not by the review date's
  // year (2025 in the second review here), as the command line did before.
  let dir: string
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'duban-one-answer-'))
    for (const n of readdirSync('data/sample-2024-10').filter(n => n.endsWith('.csv')))
      copyFileSync(join('data/sample-2024-10', n), join(dir, n))
    // And without the 年度 column: no row names its year either.
    const plan = readFileSync(join(dir, '配档表.csv'), 'utf8')
    writeFileSync(join(dir, '配档表.csv'), plan.split('\n').map(l => l.replace(/,[^,]*$/, '')).join('\n'))
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('gives the same task dates, lights and rates', async () => {
    const today = chinaToday(NOW)
    const ds = await loadDataDir(dir)
    const dataEnd = dataSpan(ds, today)!.last
    // The app's path: DuckDB-WASM, the plan year and review date as the dataset store sets them.
    const wasm = await AnalysisClass.open(await openWasmNodeDb(), ds, loadSqlFilesNode(), withDefaults(), planYearFallback(ds, today))
    const native = await AnalysisClass.open(await openNativeDb(), await loadDataDir(dir), loadSqlFilesNode(), withDefaults(), planYearFallback(ds, today))
    try {
      for (const [month, asOf] of [['2024-10', null], ['2024-12', '2025-01-15']] as const) {
        const q: MetricsQuery = { asOf: reviewDate(month, asOf, dataEnd)!.asOf, month }
        const app = await wasm.metrics(q)
        const bulletin = (await gatherReport(native, { month, asOf: q.asOf, dataEnd })).current
        const command = await cli(['metrics', '--data', dir, '--month', month, ...(asOf ? ['--as-of', asOf] : [])])
        const tasks = (m: MetricsResult) => m.schedule.tasks.map(t => [t.task_id, t.due_date, t.status])
        expect(tasks(app)).toEqual(tasks(command))
        expect(tasks(bulletin)).toEqual(tasks(command))
        expect(tasks(command)[0]).toEqual(['1', '2024-09-30', 'done_on_time'])
        for (const m of [app, bulletin])
          expect(headline(m)).toEqual(headline(command))
      }
      // A setting changed on screen reaches the bulletin built there: both read the Analysis's settings.
      const s = withDefaults({ rectifyDays: 1 })
      await wasm.updateSettings(s)
      await native.updateSettings(s)
      const q = { asOf: '2024-10-16', month: '2024-10' }
      const app = await wasm.metrics(q)
      const bulletin = (await gatherReport(native, { ...q, dataEnd })).current
      expect(headline(bulletin)).toEqual(headline(app))
      const defaults = await cli(['metrics', '--data', dir, '--as-of', '2024-10-16', '--month', '2024-10'])
      expect(app.evaluations.rule_1_5_15.rectify_on_time).toBeLessThan(defaults.evaluations.rule_1_5_15.rectify_on_time)
    }
    finally {
      await wasm.db.close()
      await native.db.close()
    }
  }, 300_000)
})
