import type { Analysis } from '../../metrics/analysis'
import type { DataSpan } from '../../ingest/dataset/span'
import { capSpan } from '../../ingest/dataset/span'
import { previousReviewQuery, reviewOf } from '../../metrics/review'

/**
 * What the overview (the first page) reads with no filter set, as OverviewPage.vue asks it:
 * the review, its schedule part alone, the month before's headline parts and the open cases.
 * The review is the one the store and useReview derive from the data's span on `today`.
 * A browser test draws the whole overview from the build's answers with the engine blocked,
 * so a read added to the page and not here fails it.
 */
export async function readFirstPage(a: Analysis, span: DataSpan | null, asOf: string | null, today: string): Promise<void> {
  const capped = capSpan(span, today)
  const dataEnd = capped?.last ?? asOf
  const review = reviewOf({ month: null, asOf: null, dataEnd, dept: null, bundle: null, region: null, channel: null })
  if (!review)
    return
  const q = review.query
  const before = previousReviewQuery(q, capped?.last ?? null)
  await Promise.all([
    a.metrics(q, undefined, before),
    a.metrics(q, ['schedule'], before),
    a.metrics(before, ['schedule', 'evaluations', 'applications']),
    a.reviewRows('open_cases', q, {}),
  ])
}
