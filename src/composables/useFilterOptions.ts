import type { TableName } from '../core/contract/tables'
import { computed } from 'vue'
import { useDatasetStore } from '../stores/dataset'

function distinct(store: ReturnType<typeof useDatasetStore>, pairs: Array<[TableName, string]>): string[] {
  const ds = store.dataset
  if (!ds)
    return []
  const names = new Set<string>()
  for (const [table, col] of pairs) {
    const t = ds.tables[table]
    const i = t.columns.indexOf(col)
    for (const r of t.rows) {
      if (r[i])
        names.add(r[i]!)
    }
  }
  return [...names].sort((a, b) => a.localeCompare(b, 'zh'))
}

/** The values each filter can take in the loaded data. */
export function useFilterOptions() {
  const store = useDatasetStore()
  return {
    depts: computed(() => distinct(store, [['tasks', 'lead_dept'], ['bundles', 'lead_dept'], ['evaluations', 'dept'], ['applications', 'dept']])),
    bundles: computed(() => distinct(store, [['bundles', 'bundle_name'], ['reform_baselines', 'bundle_name'], ['applications', 'bundle_name']])),
    regions: computed(() => distinct(store, [['applications', 'region']])),
    channels: computed(() => distinct(store, [['applications', 'channel']])),
  }
}

/** The latest date anywhere in the data: how fresh the figures can be. */
export function useDataFreshness() {
  const store = useDatasetStore()
  return computed(() => {
    const ds = store.dataset
    if (!ds)
      return null
    let max = ''
    for (const [table, col] of [['evaluations', 'rated_at'], ['applications', 'submitted_at'], ['task_progress', 'report_date']] as Array<[TableName, string]>) {
      const t = ds.tables[table]
      const i = t.columns.indexOf(col)
      for (const r of t.rows) {
        const v = r[i]
        if (v && v > max)
          max = v
      }
    }
    return max ? max.slice(0, 10) : null
  })
}
