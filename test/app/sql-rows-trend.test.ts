import type { Analysis } from '../../src/metrics/analysis'
import type { MetricsQuery } from '../../src/metrics/review'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { effectScope, ref } from 'vue'
import { useSqlRows } from '../../src/composables/useSqlRows'
import { useDatasetStore } from '../../src/stores/dataset'
import { analysisOf, datasetFromDir, FIXTURES } from '../helpers/db'
import { MemoryStorage } from '../helpers/memory-storage'
import { until } from '../helpers/until'

// A trend chart outlines the month its rows were asked for: rows and outline come together.
describe('useSqlRows with allMonths (a trend)', () => {
  let a: Analysis
  const scope = effectScope()

  beforeEach(async () => {
    globalThis.localStorage = new MemoryStorage() as unknown as Storage
    setActivePinia(createPinia())
    a = await analysisOf(await datasetFromDir(`${FIXTURES}sample-2024-10`))
  })
  afterEach(async () => {
    scope.stop()
    await a.db.close()
  })

  it('asks every month up to the review date, and keeps the review\'s month with the rows', async () => {
    useDatasetStore().analysis = a
    const q = ref<MetricsQuery>({ asOf: '2024-10-16', month: '2024-09' })
    const trend = scope.run(() => useSqlRows({ name: 'applications_trend', query: q, allMonths: true }))!
    await until(() => trend.data.value !== null)
    expect(trend.data.value).toEqual(await a.reviewRows('applications_trend', { asOf: '2024-10-16', month: null }))
    expect(trend.data.value!.length).toBeGreaterThan(1)
    expect(trend.dataParams.value!.q.month).toBe('2024-09')
    // Another month at the same review date: the same rows, the outline follows.
    q.value = { asOf: '2024-10-16', month: '2024-08' }
    await until(() => trend.dataParams.value!.q.month === '2024-08')
    expect(trend.data.value).toEqual(await a.reviewRows('applications_trend', { asOf: '2024-10-16', month: null }))
  })
})
