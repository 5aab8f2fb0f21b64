/**
 * The metric SQL files by name. Their text reaches this module through a loader: Vite
 * inlines them for the browser (`files-vite.ts`), Node reads them from disk (`files-node.ts`).
 */
export const SQL_NAMES = [
  'task_status',
  'review_points',
  'bad_review_cases',
  'rule_1_5_15',
  'open_cases',
  'evaluations_summary',
  'reduction_bundles',
  'reduction_overall',
  'applications_summary',
  'evaluations_breakdown',
  'excluded_cases',
  'application_cases',
  'applications_trend',
  'applications_by_channel',
  'overdue_applications',
  'reduction_targets',
  'facts_applications',
  'facts_bad_reviews',
  'agg_application_dims',
  'agg_applications',
  'agg_application_depts',
  'agg_application_elapsed',
  'agg_application_counts',
  'agg_evaluation_dims',
  'agg_evaluations',
  'agg_calendar_bounds',
  'agg_schedule_units',
] as const

export type SqlName = typeof SQL_NAMES[number]
export type SqlFiles = Record<SqlName, string>

/** Expands `{{name}}` includes so a query can build on another file's rows. */
export function composeSql(files: SqlFiles, name: SqlName, depth = 0): string {
  if (depth > 5)
    throw new Error(`SQL include cycle at ${name}`)
  return files[name].replace(/\{\{(\w+)\}\}/g, (_, inner: string) => {
    if (!(SQL_NAMES as readonly string[]).includes(inner))
      throw new Error(`Unknown SQL include {{${inner}}} in ${name}.sql`)
    return composeSql(files, inner as SqlName, depth + 1).replace(/;\s*$/, '')
  })
}
