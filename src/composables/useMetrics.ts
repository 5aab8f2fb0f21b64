import type { MaybeRefOrGetter } from 'vue'
import type { MetricsPart, MetricsQuery } from '../metrics/run'
import type { MetricsResult } from '../metrics/types'
import type { UseQueryReturn } from './useQuery'
import { toValue } from 'vue'
import { useDatasetStore } from '../stores/dataset'
import { useSettingsStore } from '../stores/settings'
import { useQuery } from './useQuery'

export interface UseMetricsOptions {
  query: MaybeRefOrGetter<MetricsQuery | null>
  /** Only these parts of the review (default: all), e.g. the headline counts for a delta. */
  parts?: readonly MetricsPart[]
}

/** Every figure of the review for the current filters, from the same SQL as the command line. */
export function useMetrics(options: UseMetricsOptions): UseQueryReturn<MetricsResult> {
  const store = useDatasetStore()
  const settings = useSettingsStore()
  return useQuery({
    params: () => {
      const q = toValue(options.query)
      return q && store.analysis ? q : null
    },
    run: async (q) => {
      const analysis = store.analysis!
      await analysis.updateSettings(settings.rules)
      return analysis.metrics(q, options.parts)
    },
    deps: [() => store.version, () => settings.rules],
  })
}
