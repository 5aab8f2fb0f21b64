import type { TableName } from '../domain/contract/tables'
import { computed } from 'vue'
import { unitNames } from '../domain/units/split'
import { useDatasetStore } from '../stores/dataset'

/**
 * Distinct values of some columns. `split` columns hold 牵头/配合 cells: each of their single
 * units is an option, never the joined cell ("区人社局,区医保局" offers 区人社局 and 区医保局).
 */
function distinct(store: ReturnType<typeof useDatasetStore>, pairs: Array<[TableName, string]>, split: Array<[TableName, string]> = []): string[] {
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
  for (const [table, col] of split) {
    const t = ds.tables[table]
    const i = t.columns.indexOf(col)
    for (const r of t.rows) {
      for (const n of unitNames(r[i]))
        names.add(n)
    }
  }
  return [...names].sort((a, b) => a.localeCompare(b, 'zh'))
}

/** The values each filter can take in the loaded data. */
export function useFilterOptions() {
  const store = useDatasetStore()
  return {
    depts: computed(() => distinct(store, [['evaluations', 'dept'], ['applications', 'dept']], [['tasks', 'lead_dept'], ['tasks', 'resp_depts'], ['bundles', 'lead_dept']])),
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
