import type { Analysis } from '../../../src/metrics/analysis'
import type { LedgerComparison, LedgerRow } from '../../../src/metrics/ledger'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ledgerBetween, ledgerSeries, reviewState } from '../../../src/metrics/ledger'
import { analysisOf } from '../../helpers/db'
import { ledgerFixture, REVIEWS } from './fixture'

// Every figure below is worked out by hand from fixture.ts and the 2024 calendar
// (Mid-Autumn 15–17 Sep; National Day 1–7 Oct; 调休 working days Sun 29 Sep and Sat 12 Oct).
const lines = (rows: LedgerRow[]) => rows.map(r => [r.id, r.unit, r.due_date, r.wd_overdue, r.consecutive])
const units = (c: LedgerComparison, which: 'red' | 'repeatRed') => c[which].map(u => [u.unit, u.consecutive])

describe('the ledger on three reviews across the National Day holiday', () => {
  let a: Analysis
  let series: LedgerComparison[]
  beforeAll(async () => {
    a = await analysisOf(await ledgerFixture())
    series = await ledgerSeries(a, REVIEWS)
  })
  afterAll(() => a.db.close())

  it('reads the bad review of Fri 27 Sep as overdue on contact at 30 Sep (its limit was the 调休 Sunday)', async () => {
    const s = await reviewState(a, '2024-09-30')
    expect(s.cases.get('E1')).toMatchObject({ contact_limit: '2024-09-29', open_overdue: true, wd_remaining: -1 })
    // E2 was contacted on that Sunday: on time, open until its 5th working day, 10 Oct.
    expect(s.cases.get('E2')).toMatchObject({ contacted_date: '2024-09-29', case_limit: '2024-10-10', open_overdue: false, wd_remaining: 3 })
    expect([...s.red.keys()].sort()).toEqual(['区A局', '区B局', '区C局'])
  })

  it('30 Sep → 8 Oct: the guide done after the holiday is closed for both its lead units; two tasks stay red', () => {
    const c = series[0]!
    expect([c.from, c.to, c.reviews]).toEqual(['2024-09-30', '2024-10-08', ['2024-09-30', '2024-10-08']])
    // T2 was due soon on its due day (0 working days left) and done late on 8 Oct.
    expect(lines(c.closed)).toEqual([['T2', '区A局', '2024-09-30', 0, 0], ['T2', '区B局', '2024-09-30', 0, 0]])
    expect(c.closed.map(r => [r.status_before, r.status_after, r.done_date])).toEqual([['due_soon', 'done_late', '2024-10-08'], ['due_soon', 'done_late', '2024-10-08']])
    expect(c.counts.closed).toBe(1)
    // T3 is due on 8 Oct itself: still only due soon.
    expect(c.newlyOverdue).toEqual([])
    // T1 (due 25 Sep): 26, 27, 29, 30 Sep and 8 Oct; T4 (due 20 Sep): 23–27, 29, 30 Sep, 8 Oct.
    expect(lines(c.stillOverdue)).toEqual([['T1', '区A局', '2024-09-25', 5, 2], ['T4', '区C局', '2024-09-20', 8, 2]])
    // E3 was contacted a day late but rectified on 8 Oct; at 30 Sep it had 3 working days left.
    expect(lines(c.casesClosed)).toEqual([['E3', '区A局', '2024-10-10', -3, 0]])
    expect(c.casesClosed[0]!.step).toBe('rectify')
    // E1 was contacted on 8 Oct: open, no longer past a limit.
    expect(c.casesNewlyOverdue).toEqual([])
    expect(units(c, 'red')).toEqual([['区A局', 2], ['区C局', 2]])
    expect(units(c, 'repeatRed')).toEqual([['区A局', 2], ['区C局', 2]])
  })

  it('8 Oct → 31 Oct: closed, newly overdue, overdue three reviews running, and one repeat offender', () => {
    const c = series[1]!
    expect(c.reviews).toEqual(REVIEWS)
    // T4 was overdue at 8 Oct (8 WD) and done on 10 Oct; T5 was on track, so it is not a 销号.
    expect(lines(c.closed)).toEqual([['T4', '区C局', '2024-09-20', 8, 0]])
    // T3 due 8 Oct: 9–12 Oct (12th a Saturday worked), 14–18, 21–25, 28–31 = 18 WD.
    expect(lines(c.newlyOverdue)).toEqual([['T3', '区B局', '2024-10-08', 18, 1]])
    expect(c.newlyOverdue[0]).toMatchObject({ deadline_text: '10月8日前', status_before: 'due_soon', status_after: 'overdue' })
    // T1: 4 WD in September + 19 in October.
    expect(lines(c.stillOverdue)).toEqual([['T1', '区A局', '2024-09-25', 23, 3]])
    // Both rectified on 9 Oct; at 8 Oct they had 2 WD left to 10 Oct.
    expect(lines(c.casesClosed)).toEqual([['E1', '区B局', '2024-10-10', -2, 0], ['E2', '区C局', '2024-10-10', -2, 0]])
    // E4 rated Wed 9 Oct, never contacted: limit 10 Oct, then 11, 12, 14–18, 21–25, 28–31 = 16 WD.
    expect(lines(c.casesNewlyOverdue)).toEqual([['E4', '区D局', '2024-10-10', 16, 1]])
    expect(c.casesNewlyOverdue[0]).toMatchObject({ step: 'contact', status_before: null, rated_date: '2024-10-09' })
    // 区B局 was red at 30 Sep (E1) but not at 8 Oct: its streak starts again.
    expect(units(c, 'red')).toEqual([['区A局', 3], ['区B局', 1], ['区D局', 1]])
    expect(units(c, 'repeatRed')).toEqual([['区A局', 3]])
    expect(c.counts).toEqual({ closed: 1, newlyOverdue: 1, stillOverdue: 1, casesClosed: 2, casesNewlyOverdue: 1 })
  })

  it('compares two reviews that are not adjacent, still counting through the one between', async () => {
    const c = await ledgerBetween(a, REVIEWS, '2024-09-30', '2024-10-31')
    expect(c.closed.map(r => [r.id, r.unit])).toEqual([['T2', '区A局'], ['T2', '区B局'], ['T4', '区C局']])
    expect(lines(c.newlyOverdue)).toEqual([['T3', '区B局', '2024-10-08', 18, 1]])
    expect(lines(c.stillOverdue)).toEqual([['T1', '区A局', '2024-09-25', 23, 3]])
    // Open at 30 Sep (E1 overdue on contact, E2, E3) and closed by 31 Oct.
    expect(c.casesClosed.map(r => [r.id, r.status_before, r.wd_overdue])).toEqual([['E3', 'open', -3], ['E1', 'open_overdue', 1], ['E2', 'open', -3]])
  })

  it('takes the repeat threshold from the settings and narrows to one unit', async () => {
    await a.updateSettings({ ...a.currentSettings, repeatRedReviews: 3 })
    try {
      expect((await ledgerBetween(a, REVIEWS, '2024-09-30', '2024-10-08')).repeatRed).toEqual([])
      const c = await ledgerBetween(a, REVIEWS, '2024-10-08', '2024-10-31')
      expect(units(c, 'repeatRed')).toEqual([['区A局', 3]])
      expect(c.threshold).toBe(3)
    }
    finally {
      await a.updateSettings({ ...a.currentSettings, repeatRedReviews: 2 })
    }
    const b = await ledgerBetween(a, REVIEWS, '2024-10-08', '2024-10-31', '区B局')
    expect([b.closed, b.stillOverdue, b.casesNewlyOverdue].map(r => r.length)).toEqual([0, 0, 0])
    expect(lines(b.newlyOverdue)).toEqual([['T3', '区B局', '2024-10-08', 18, 1]])
    expect(b.casesClosed.map(r => r.id)).toEqual(['E1'])
    expect(units(b, 'red')).toEqual([['区B局', 1]])
  })

  it('counts back only through the kept review dates', async () => {
    // Without 30 Sep kept, T1 has been overdue at two reviews and 区C局's red streak is unknown before 8 Oct.
    const c = await ledgerBetween(a, ['2024-10-08', '2024-10-31'], '2024-10-08', '2024-10-31')
    expect(lines(c.stillOverdue)).toEqual([['T1', '区A局', '2024-09-25', 23, 2]])
    expect(units(c, 'repeatRed')).toEqual([['区A局', 2]])
  })

  it('refuses a comparison backwards', async () => {
    await expect(ledgerBetween(a, REVIEWS, '2024-10-31', '2024-10-08')).rejects.toThrow(/earlier review date/)
  })
})
