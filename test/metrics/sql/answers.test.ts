import type { Db } from '../../../src/metrics/db/types'
import { describe, expect, it } from 'vitest'
import { ANSWERS_KEPT } from '../../../src/metrics/analysis'
import { previousReviewQuery, reviewParams } from '../../../src/metrics/review'
import { openNativeDb } from '../../../src/engine/node/native'
import { analysisOf, datasetFromDir, FIXTURES } from '../../helpers/db'

/** A Db that counts the queries reaching the engine. */
async function countingDb(): Promise<{ db: Db, count: () => number }> {
  const inner = await openNativeDb()
  let n = 0
  return {
    db: {
      ...inner,
      query: (sql, p) => {
        n++
        return inner.query(sql, p)
      },
    },
    count: () => n,
  }
}

/** An Analysis counting its statements, one to compare with, and a review with its month before. */
async function monthPair() {
  const { db, count } = await countingDb()
  const a = await analysisOf(await datasetFromDir(`${FIXTURES}sample-2024-10`), {}, db)
  const ref = await analysisOf(await datasetFromDir(`${FIXTURES}sample-2024-10`))
  const q = { asOf: '2024-10-16', month: '2024-10', dept: null }
  const parts = ['schedule', 'evaluations', 'applications'] as const
  const close = async () => {
    await a.db.close()
    await ref.db.close()
  }
  return { a, ref, count, q, before: previousReviewQuery(q, '2024-10-16'), parts, close }
}

describe('an Analysis remembers its answers', () => {
  it('asks the engine once per SQL file and bound parameters, and again after a setting changes', async () => {
    const { db, count } = await countingDb()
    const a = await analysisOf(await datasetFromDir(`${FIXTURES}sample-2024-10`), {}, db)
    const oct = reviewParams({ asOf: '2024-10-16', month: '2024-10' }, a.currentSettings)
    const sep = reviewParams({ asOf: '2024-10-16', month: '2024-09' }, a.currentSettings)
    const n0 = count()
    const first = await a.rows('rule_1_5_15', oct)
    expect(count()).toBe(n0 + 1)
    expect(await a.rows('rule_1_5_15', oct)).toBe(first)
    expect(count()).toBe(n0 + 1)
    // Another month is another answer; the reduction has no month, so it is the same one.
    await a.rows('rule_1_5_15', sep)
    expect(count()).toBe(n0 + 2)
    const red = await a.rows('reduction_overall', oct)
    expect(await a.rows('reduction_overall', sep)).toBe(red)
    expect(count()).toBe(n0 + 3)
    // A setting the SQL reads (the targets) is a bound parameter: a new answer.
    await a.rows('reduction_overall', { ...oct, t_materials: 0.5 })
    expect(count()).toBe(n0 + 4)
    // A setting behind the materialised limits forgets every answer.
    await a.updateSettings({ ...a.currentSettings, contactDays: 2 })
    const after = count()
    const again = await a.rows('rule_1_5_15', oct)
    expect(count()).toBe(after + 1)
    expect(again).not.toEqual(first)
    await a.db.close()
  })

  it('keeps a bounded number of answers, letting the least recently used go', async () => {
    const { db, count } = await countingDb()
    const a = await analysisOf(await datasetFromDir(`${FIXTURES}sample-2024-10`), {}, db)
    const at = (day: number) => reviewParams({ asOf: `2024-10-${String(day).padStart(2, '0')}` }, a.currentSettings)
    // One answer per review date and department: more than the memory holds.
    const depts = Array.from({ length: Math.ceil(ANSWERS_KEPT / 16) + 2 }, (_, i) => `部门${i}`)
    const first = { ...at(1), dept: depts[0]! }
    await a.rows('evaluations_summary', first)
    for (const dept of depts) {
      for (let day = 1; day <= 16; day++)
        await a.rows('evaluations_summary', { ...at(day), dept })
      // The first one stays in use, so it is never the least recent.
      await a.rows('evaluations_summary', first)
    }
    const n = count()
    await a.rows('evaluations_summary', first)
    expect(count()).toBe(n)
    // The second of the first department has not been asked for since: it was let go.
    await a.rows('evaluations_summary', { ...at(2), dept: depts[0]! })
    expect(count()).toBe(n + 1)
    await a.db.close()
  })

  it('does not keep a failed query', async () => {
    const { db } = await countingDb()
    let fail = false
    const flaky: Db = { ...db, query: (sql, p) => (fail ? Promise.reject(new Error('busy')) : db.query(sql, p)) }
    const a = await analysisOf(await datasetFromDir(`${FIXTURES}sample-2024-10`), {}, flaky)
    fail = true
    const p = reviewParams({ asOf: '2024-10-16' }, a.currentSettings)
    await expect(a.rows('rule_1_5_15', p)).rejects.toThrow('busy')
    fail = false
    expect((await a.rows('rule_1_5_15', p)).length).toBeGreaterThan(0)
    await a.db.close()
  })

  it('a query that fails after a settings change does not drop the newer answer', async () => {
    const { db, count } = await countingDb()
    let reject: (e: Error) => void = () => {}
    let hold = false
    const held = () => new Promise<never>((_, rej) => {
      reject = rej
    })
    const slow: Db = { ...db, query: (sql, p) => (hold ? held() : db.query(sql, p)) }
    const a = await analysisOf(await datasetFromDir(`${FIXTURES}sample-2024-10`), {}, slow)
    const p = reviewParams({ asOf: '2024-10-16' }, a.currentSettings)
    hold = true
    const old = a.rows('evaluations_summary', p)
    // A file with review points sends its read at the end of the turn (Analysis.answer).
    await new Promise(r => setTimeout(r, 0))
    hold = false
    // Forgets every answer, the one still running included.
    await a.updateSettings({ ...a.currentSettings, contactDays: 2 })
    const fresh = await a.rows('evaluations_summary', p)
    reject(new Error('late failure'))
    await expect(old).rejects.toThrow('late failure')
    const n = count()
    expect(await a.rows('evaluations_summary', p)).toBe(fresh)
    expect(count()).toBe(n)
    await a.db.close()
  })

  it('answers the month before in the review\'s own statements where it can, and as a query of its own', async () => {
    const { a, ref, count, q, before, parts, close } = await monthPair()
    const n0 = count()
    // As a page asks them: the review with its month before named, then the month before.
    const [mine, prev] = await Promise.all([a.metrics(q, parts, before), a.metrics(before, parts)])
    // task_status, rule_1_5_15, evaluations_summary and applications_summary each answered both.
    expect(count() - n0).toBe(4)
    expect(mine).toEqual(await ref.metrics(q, parts))
    expect(prev).toEqual(await ref.metrics(before, parts))
    expect(prev.schedule.tasks.length).toBeGreaterThan(0)
    expect(prev.evaluations.rule_1_5_15.bad).toBeGreaterThan(0)
    // Asked again, nothing reaches the engine.
    await Promise.all([a.metrics(q, parts, before), a.metrics(before, parts)])
    expect(count() - n0).toBe(4)
    await close()
  })

  it('answers a file\'s rows for a review and its month before in one statement (reviewRows)', async () => {
    const { a, ref, count, q, before, close } = await monthPair()
    // The evaluations page's drill-down goes with both.
    const extra = { matter: null, eval_channel: null }
    const n0 = count()
    const [mine, prev] = await Promise.all([a.reviewRows('evaluations_breakdown', q, extra, before), a.reviewRows('evaluations_breakdown', before, extra)])
    expect(count() - n0).toBe(1)
    expect(mine).toEqual(await ref.reviewRows('evaluations_breakdown', q, extra))
    expect(prev).toEqual(await ref.reviewRows('evaluations_breakdown', before, extra))
    expect(prev.find(r => r.dim === 'all')!.total).toBeGreaterThan(0)
    // Another drill-down is another question: its month before is asked on its own.
    const other = { matter: '没有这个事项', eval_channel: null }
    await Promise.all([a.reviewRows('evaluations_breakdown', q, other, before), a.reviewRows('evaluations_breakdown', before, extra)])
    expect(count() - n0).toBe(2)
    await close()
  })

  it('pairs them as well when the month before is asked first in the same turn', async () => {
    const { a, ref, count, q, before, parts, close } = await monthPair()
    const n0 = count()
    // A page's watchers may run the month before's query first.
    const [prev, mine] = await Promise.all([a.metrics(before, parts), a.metrics(q, parts, before)])
    expect(count() - n0).toBe(4)
    expect(mine).toEqual(await ref.metrics(q, parts))
    expect(prev).toEqual(await ref.metrics(before, parts))
    // In another turn, the month before's statement is long sent: the review asks its own.
    const june = { asOf: '2024-06-30', month: '2024-06', dept: null }
    const may = previousReviewQuery(june, '2024-10-16')
    const n1 = count()
    const early = a.metrics(may, ['schedule'])
    await new Promise(r => setTimeout(r, 0))
    await Promise.all([early, a.metrics(june, ['schedule'], may)])
    expect(count() - n1).toBe(2)
    expect((await a.metrics(june, ['schedule'])).schedule).toEqual((await ref.metrics(june, ['schedule'])).schedule)
    await close()
  })
})
