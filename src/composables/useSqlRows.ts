import type { MaybeRefOrGetter } from 'vue'
import type { Row } from '../metrics/db/types'
import type { MetricsQuery } from '../metrics/run'
import type { SqlName } from '../metrics/sql'
import type { UseQueryReturn } from './useQuery'
import { toValue } from 'vue'
import { metricParams } from '../metrics/run'
import { useDatasetStore } from '../stores/dataset'
import { useSettingsStore } from '../stores/settings'
import { useQuery } from './useQuery'

export interface UseSqlRowsOptions {
  /** A metric SQL file (src/metrics/sql/<name>.sql). */
  name: SqlName
  query: MaybeRefOrGetter<MetricsQuery | null>
}

/** Rows of one metric SQL file for the current review: lists and breakdowns beyond the headline figures. */
export function useSqlRows(options: UseSqlRowsOptions): UseQueryReturn<Row[]> {
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
      return analysis.rows(options.name, metricParams(q, settings.rules))
    },
    deps: [() => store.version, () => settings.rules],
  })
}
