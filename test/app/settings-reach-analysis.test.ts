import type { Analysis } from '../../src/metrics/analysis'
import type { RuleSettings } from '../../src/domain/settings'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { effectScope, nextTick } from 'vue'
import { useMetrics } from '../../src/composables/useMetrics'
import { useSqlRows } from '../../src/composables/useSqlRows'
import { useDatasetStore } from '../../src/stores/dataset'
import { useSettingsStore } from '../../src/stores/settings'
import { analysisOf, datasetFromDir, FIXTURES } from '../helpers/db'
import { MemoryStorage } from '../helpers/memory-storage'
import { until } from '../helpers/until'

// The rule settings reach the Analysis in one place, the data set store; the composables only
// read. Edited in place (as the settings page's inputs do), they must still rebuild the limits.
describe('rule settings reach the Analysis through the data set store only', () => {
  let a: Analysis
  const given: RuleSettings[] = []
  const scope = effectScope()

  beforeEach(async () => {
    globalThis.localStorage = new MemoryStorage() as unknown as Storage
    setActivePinia(createPinia())
    a = await analysisOf(await datasetFromDir(`${FIXTURES}sample-2024-10`))
    const update = a.updateSettings.bind(a)
    given.length = 0
    a.updateSettings = (s) => {
      given.push(s)
      return update(s)
    }
  })
  afterEach(async () => {
    scope.stop()
    await a.db.close()
  })

  it('gives changed settings once, then readers ask again and see figures under them', async () => {
    const store = useDatasetStore()
    const settings = useSettingsStore()
    store.analysis = a
    const q = { asOf: '2024-10-16' }
    const { metrics, open } = scope.run(() => ({
      metrics: useMetrics({ query: q, parts: ['evaluations'] }),
      open: useSqlRows({ name: 'open_cases', query: q }),
    }))!
    await until(() => metrics.data.value !== null && open.data.value !== null)
    expect(given).toEqual([])
    const before = metrics.data.value!.evaluations.rule_1_5_15
    const v0 = store.version

    settings.rules.contactDays = 3
    await nextTick()
    await until(() => store.version > v0 && !metrics.isLoading.value && !open.isLoading.value)

    // Once, and a copy: the Analysis must see the old value to know which limits to rebuild.
    expect(given).toHaveLength(1)
    expect(given[0]).not.toBe(settings.rules)
    expect(given[0]!.contactDays).toBe(3)
    const expected = await analysisOf(await datasetFromDir(`${FIXTURES}sample-2024-10`), { contactDays: 3 })
    try {
      expect(metrics.data.value!.evaluations.rule_1_5_15).toEqual((await expected.metrics(q, ['evaluations'])).evaluations.rule_1_5_15)
      expect(open.data.value).toEqual(await expected.reviewRows('open_cases', q))
    }
    finally {
      await expected.db.close()
    }
    // The fixture is one where a 3-day contact limit changes the figures: the test could fail.
    expect(metrics.data.value!.evaluations.rule_1_5_15).not.toEqual(before)
  }, 60_000)
})
