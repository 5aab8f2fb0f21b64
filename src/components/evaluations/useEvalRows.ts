import type { MaybeRefOrGetter } from 'vue'
import type { MetricsQuery } from '../../metrics/review'
import type { SqlRow } from '../../metrics/rows'
import type { SqlName } from '../../metrics/sql'
import type { UseReviewQueryReturn } from '../../composables/useMetrics'
import { computed, toValue } from 'vue'
import { useUrlState } from '../../app/url-state'
import type { UseSqlRowsOptions } from '../../composables/useSqlRows'
import { useSqlRows } from '../../composables/useSqlRows'

/** A drill-down of the evaluations page: one matter, one evaluation channel, or neither. */
export interface EvalDrill {
  matter: string | null
  channel: string | null
}

export const DRILL_KEYS = { matter: 'matter', channel: 'evalChannel' } as const

/**
 * The drill-down lives in the URL beside the global filters (`matter`, `evalChannel`), so a
 * copied link reopens it. It is the page's own: the evaluation channel (评价器, 12345热线…)
 * is not the application channel of the global `channel` filter.
 */
export function useEvalDrill() {
  const url = useUrlState()
  return computed<EvalDrill>(() => ({ matter: url.get(DRILL_KEYS.matter), channel: url.get(DRILL_KEYS.channel) }))
}

/** Rows of an evaluation SQL file for the review and the drill-down ($matter, $eval_channel). */
export function useEvalRows<N extends SqlName>(name: N, query: MaybeRefOrGetter<MetricsQuery | null>, drill: MaybeRefOrGetter<EvalDrill>, more: Pick<UseSqlRowsOptions<N>, 'monthBefore' | 'allMonths'> = {}): UseReviewQueryReturn<SqlRow<N>[]> {
  return useSqlRows({
    name,
    query,
    ...more,
    extra: () => {
      const d = toValue(drill)
      return { matter: d.matter, eval_channel: d.channel }
    },
  })
}
