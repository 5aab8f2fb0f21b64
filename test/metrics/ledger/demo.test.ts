import type { Analysis } from '../../../src/metrics/analysis'
import type { LedgerComparison } from '../../../src/metrics/ledger'
import type { MetricsResult } from '../../../src/metrics/types'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCli } from '../../../src/cli/main'
import { ledgerBetween, reviewState } from '../../../src/metrics/ledger'
import { suggestedReviewDates } from '../../../src/ingest/ledger/state'
import { loadDataDir } from '../../../src/ingest/node/load-dir'
import { capturingIO } from '../../helpers/cli-io'
import { analysisOf, FIXTURES } from '../../helpers/db'

const DEMO = `${FIXTURES}demo`
// Two comparisons: across National Day (new and continuing overdue tasks) and the next month (closed ones).
const REVIEWS = ['2024-09-30', '2024-10-31', '2024-11-30']

async function cliMetrics(asOf: string): Promise<MetricsResult> {
  const c = capturingIO()
  const code = await runCli(['metrics', '--data', DEMO, '--as-of', asOf, '--format', 'json'], c.io)
  expect(code, c.err()).toBe(0)
  return JSON.parse(c.out()) as MetricsResult
}

/** Each lead unit with an overdue task or an open overdue bad review, from the command line's figures. */
function redUnits(m: MetricsResult): string[] {
  const red = new Set<string>()
  for (const t of m.schedule.tasks) {
    if (t.status === 'overdue')
      t.lead_units.forEach(u => red.add(u))
  }
  for (const d of m.evaluations.by_dept) {
    if (d.rule_1_5_15.open_overdue > 0)
      red.add(d.dept)
  }
  return [...red].sort()
}

const pairs = (rows: LedgerComparison['closed']) => rows.map(r => `${r.id}@${r.unit ?? ''}`).sort()

describe('the ledger on the demo data agrees with duban metrics at each review date', () => {
  let a: Analysis
  const cli = new Map<string, MetricsResult>()
  const seen = { closed: 0, newlyOverdue: 0, stillOverdue: 0, casesClosed: 0, casesNewlyOverdue: 0, repeatRed: 0 }
  beforeAll(async () => {
    a = await analysisOf(await loadDataDir(DEMO))
    for (const d of REVIEWS)
      cli.set(d, await cliMetrics(d))
  }, 300_000)
  afterAll(() => a.db.close())

  it('suggests the twelve month ends of 2024', () => {
    expect(suggestedReviewDates(a.dataset, '2024-12-31', '2026-12-06')).toEqual(['01-31', '02-29', '03-31', '04-30', '05-31', '06-30', '07-31', '08-31', '09-30', '10-31', '11-30', '12-31'].map(d => `2024-${d}`))
  })

  it.each([[REVIEWS[0]!, REVIEWS[1]!], [REVIEWS[1]!, REVIEWS[2]!]])('%s → %s', async (d0, d1) => {
    const before = cli.get(d0)!
    const after = cli.get(d1)!
    const ledger = await ledgerBetween(a, suggestedReviewDates(a.dataset, '2024-12-31', '2026-12-06'), d0, d1)
    const was = new Map(before.schedule.tasks.map(t => [t.task_id, t]))
    const lines = (keep: (t: MetricsResult['schedule']['tasks'][number]) => boolean) =>
      after.schedule.tasks.filter(keep).flatMap(t => (t.lead_units.length ? t.lead_units : [t.lead_dept ?? '']).map(u => `${t.task_id}@${u}`)).sort()
    // Closed = overdue or due soon at D0 and done at D1; newly = overdue at D1, not at D0; still = overdue at both.
    expect(pairs(ledger.closed)).toEqual(lines(t => ['overdue', 'due_soon'].includes(was.get(t.task_id)!.status) && ['done_on_time', 'done_late'].includes(t.status)))
    expect(pairs(ledger.newlyOverdue)).toEqual(lines(t => t.status === 'overdue' && was.get(t.task_id)!.status !== 'overdue'))
    expect(pairs(ledger.stillOverdue)).toEqual(lines(t => t.status === 'overdue' && was.get(t.task_id)!.status === 'overdue'))
    for (const r of [...ledger.newlyOverdue, ...ledger.stillOverdue]) {
      const t = after.schedule.tasks.find(x => x.task_id === r.id)!
      expect([r.due_date, r.wd_overdue, r.deadline_text]).toEqual([t.due_date, t.wd_overdue, t.deadline_text])
    }
    expect(ledger.newlyOverdue.every(r => r.consecutive === 1)).toBe(true)
    expect(ledger.stillOverdue.every(r => r.consecutive >= 2)).toBe(true)

    // Bad reviews: the open overdue ones at each date are the command line's count.
    const s0 = await reviewState(a, d0)
    const s1 = await reviewState(a, d1)
    const overdue = (s: typeof s1) => [...s.cases.values()].filter(c => c.open_overdue)
    expect(overdue(s0).length).toBe(before.evaluations.rule_1_5_15.open_overdue)
    expect(overdue(s1).length).toBe(after.evaluations.rule_1_5_15.open_overdue)
    const both = overdue(s1).filter(c => s0.cases.get(c.eval_id)?.open_overdue).length
    expect(ledger.casesNewlyOverdue.length + both).toBe(after.evaluations.rule_1_5_15.open_overdue)
    expect(ledger.casesClosed.every(r => s0.cases.has(r.id) && !s1.cases.has(r.id))).toBe(true)
    expect(ledger.casesClosed.length).toBe([...s0.cases.keys()].filter(id => !s1.cases.has(id)).length)

    // Red units as the command line's figures make them; red at both reviews = at least two in a row.
    expect(ledger.red.map(u => u.unit).sort()).toEqual(redUnits(after))
    const redBefore = new Set(redUnits(before))
    for (const u of ledger.red)
      expect(u.consecutive >= 2, u.unit).toBe(redBefore.has(u.unit))
    expect(ledger.repeatRed.map(u => u.unit).sort()).toEqual(redUnits(after).filter(u => redBefore.has(u)))
    for (const k of Object.keys(ledger.counts) as Array<keyof typeof ledger.counts>)
      seen[k] += ledger.counts[k]
    seen.repeatRed += ledger.repeatRed.length
  })

  it('had something in every section, or the comparison would prove little', () => {
    expect(Object.entries(seen).filter(([, n]) => n === 0)).toEqual([])
  })
})
