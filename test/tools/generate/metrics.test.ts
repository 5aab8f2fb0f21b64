import type { MetricsResult } from '../../../src/metrics/types'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCli } from '../../../src/cli/main'
import { captureIo, cleanTempDirs, generate } from './helpers'

// The project's own figures over generated data: every section of a review must have
// something to show, both what went well and what did not.
let m: MetricsResult

async function metricsOf(dir: string): Promise<MetricsResult> {
  const c = captureIo()
  const code = await runCli(['metrics', '--data', dir, '--format', 'json', '--as-of', '2024-12-31'], c.io)
  expect(code, c.err.join('')).toBe(0)
  expect(c.err.join('')).toBe('')
  return JSON.parse(c.out.join('')) as MetricsResult
}

beforeAll(async () => {
  m = await metricsOf(await generate(['--scale', '3000', '--seed', 'metrics', '--format', 'csv']))
})
afterAll(cleanTempDirs)

describe('metrics on generated data', () => {
  it('loads every table without losing rows', () => {
    expect(m.tables.applications).toBe(3000)
    expect(m.tables.evaluations).toBeGreaterThan(1500)
    expect(m.tables.rectifications).toBeGreaterThan(10)
    expect(m.tables.reform_baselines).toBe(35)
    expect(m.tables.task_progress).toBeGreaterThan(20)
    expect(m.bundles_count).toBe(35)
  })

  it('shows tasks done on time, done late and overdue', () => {
    expect(m.schedule.tasks).toHaveLength(8)
    expect(m.schedule.counts.overdue).toBeGreaterThan(0)
    expect(m.schedule.counts.done_on_time).toBeGreaterThan(0)
    expect(m.schedule.counts.done_late + m.schedule.counts.overdue).toBeGreaterThan(1)
  })

  it('shows late contacts and late rectifications under 1、5、15', () => {
    const r = m.evaluations.rule_1_5_15
    expect(m.evaluations.bad).toBeGreaterThan(0)
    expect(m.evaluations.good_rate).toBeGreaterThan(0.96)
    expect(r.contact_on_time).toBeGreaterThan(0)
    expect(r.contact_on_time).toBeLessThan(r.contact_due)
    expect(r.rectify_on_time).toBeGreaterThan(0)
    expect(r.rectify_on_time).toBeLessThan(r.rectify_due)
    expect(r.excluded).toBeGreaterThan(0)
    expect(m.evaluations.by_dept.length).toBeGreaterThan(3)
  })

  it('shows bundles meeting and missing the reduction targets', () => {
    const o = m.reduction.overall
    for (const k of ['materials', 'time', 'steps', 'auto_fill'] as const) {
      expect(o.meeting[k].met).toBeGreaterThan(0)
      expect(o.meeting[k].met).toBeLessThan(o.meeting[k].n)
    }
  })

  it('gives the same figures from the Parquet files', async () => {
    const p = await metricsOf(await generate(['--scale', '3000', '--seed', 'metrics']))
    expect(p).toEqual(m)
  })

  it('shows applications mostly but not all on time', () => {
    const a = m.applications
    expect(a.total).toBe(3000)
    expect(a.on_time).toBeGreaterThan(a.completion_due * 0.8)
    expect(a.on_time).toBeLessThan(a.completion_due)
    expect(a.accepted_1wd).toBeLessThan(a.accept_due)
    expect(a.online).toBeGreaterThan(0)
    expect(a.overdue).toBeGreaterThan(0)
  })
})
