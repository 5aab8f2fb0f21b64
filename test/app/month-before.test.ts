import type { ReviewRun } from '../../src/composables/useMetrics'
import type { MetricsQuery } from '../../src/metrics/review'
import { describe, expect, it } from 'vitest'
import { computed, nextTick, ref } from 'vue'
import { isMonthBefore, useMonthBefore } from '../../src/composables/usePreviousMonth'
import { useQuery } from '../../src/composables/useQuery'
import { previousReviewQuery } from '../../src/metrics/review'

function deferred<T>() {
  let resolve!: (v: T) => void
  const promise = new Promise<T>((res) => {
    resolve = res
  })
  return { promise, resolve }
}

const flush = async () => {
  for (let i = 0; i < 5; i++)
    await nextTick()
}

const END = '2024-12-31'
const run = (q: MetricsQuery, version = 1, extra?: ReviewRun['extra']): ReviewRun => ({ q, version, ...(extra ? { extra } : {}) })

describe('isMonthBefore', () => {
  const june: MetricsQuery = { asOf: '2024-06-30', month: '2024-06', dept: '市政务服务局' }
  const may = previousReviewQuery(june, END)

  it('pairs a review with its own month before', () => {
    expect(isMonthBefore(run(june), run(may), END)).toBe(true)
    // No month chosen: the month before the review date's month, on the data's last day.
    const whole: MetricsQuery = { asOf: END, month: null }
    expect(isMonthBefore(run(whole), run(previousReviewQuery(whole, END)), END)).toBe(true)
  })

  it('refuses another month, department, data version or drill-down', () => {
    expect(isMonthBefore(run(june), run(june), END)).toBe(false)
    expect(isMonthBefore(run(june), run({ ...may, dept: null }), END)).toBe(false)
    expect(isMonthBefore(run(june), run({ ...may, bundle: '新生儿出生' }), END)).toBe(false)
    expect(isMonthBefore(run(june, 2), run(may, 1), END)).toBe(false)
    expect(isMonthBefore(run(june, 1, { matter: 'A' }), run(may, 1, { matter: 'B' }), END)).toBe(false)
    expect(isMonthBefore(run(june, 1, { matter: 'A' }), run(may, 1, {}), END)).toBe(false)
    expect(isMonthBefore(run(june, 1, { matter: 'A', eval_channel: null }), run(may, 1, { matter: 'A', eval_channel: null }), END)).toBe(true)
  })
})

describe('useMonthBefore', () => {
  /** Two queries as a page has them: the review's figures and its month before, answered by hand. */
  function page() {
    const query = ref<MetricsQuery>({ asOf: '2024-06-30', month: '2024-06' })
    const answers = new Map<string, ReturnType<typeof deferred<string>>>()
    const ask = (r: ReviewRun) => {
      const d = deferred<string>()
      answers.set(`${r.q.month}`, d)
      return d.promise
    }
    const current = useQuery({ params: () => run(query.value), run: ask })
    const beforeAnswers = new Map<string, ReturnType<typeof deferred<string>>>()
    const before = useQuery({
      params: computed(() => run(previousReviewQuery(query.value, END))),
      run: (r: ReviewRun) => {
        const d = deferred<string>()
        beforeAnswers.set(`${r.q.month}`, d)
        return d.promise
      },
    })
    const paired = useMonthBefore({ current: current.dataParams, before, dataEnd: END })
    return { query, answers, beforeAnswers, current, paired }
  }

  it('shows the month before only once both answers are for the same review', async () => {
    const p = page()
    await flush()
    p.beforeAnswers.get('2024-05')!.resolve('May figures')
    await flush()
    // The review itself has not answered: nothing to pair with.
    expect(p.paired.value).toBeNull()
    p.answers.get('2024-06')!.resolve('June figures')
    await flush()
    expect(p.paired.value).toBe('May figures')

    // A change of month, answered in either order: until both are in, no change is shown —
    // the figures on screen and the month before belong to different reviews.
    const changes = [
      { month: '2024-09', asOf: '2024-09-30', before: '2024-08', reviewFirst: true },
      { month: '2024-03', asOf: '2024-03-31', before: '2024-02', reviewFirst: false },
    ]
    for (const c of changes) {
      const shownBefore = p.current.data.value
      p.query.value = { asOf: c.asOf, month: c.month }
      await flush()
      const review = () => p.answers.get(c.month)!.resolve(`${c.month} figures`)
      const monthBefore = () => p.beforeAnswers.get(c.before)!.resolve(`${c.before} figures`)
      ;(c.reviewFirst ? review : monthBefore)()
      await flush()
      expect(p.current.data.value).toBe(c.reviewFirst ? `${c.month} figures` : shownBefore)
      expect(p.paired.value).toBeNull()
      ;(c.reviewFirst ? monthBefore : review)()
      await flush()
      expect(p.paired.value).toBe(`${c.before} figures`)
    }
  })
})
