import { computed } from 'vue'
import { useDatasetStore } from '../stores/dataset'

/** The values each filter can take in the loaded data (stores/dataset-summary.ts). */
export function useFilterOptions() {
  const store = useDatasetStore()
  return {
    depts: computed(() => store.summary?.depts ?? []),
    bundles: computed(() => store.summary?.bundles ?? []),
    regions: computed(() => store.summary?.regions ?? []),
    channels: computed(() => store.summary?.channels ?? []),
  }
}

/** The latest date anywhere in the data: how fresh the figures can be. */
export function useDataFreshness() {
  const store = useDatasetStore()
  return computed(() => store.summary?.freshness ?? null)
}
