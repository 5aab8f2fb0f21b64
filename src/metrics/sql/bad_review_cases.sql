-- One row per bad review rated on or before the review date, with its "1、5、15" limits and
-- the state of each step at D (domain section 7, "Counting rules"); once for each review point
-- (pt: the review, and its month before when asked; review_points.sql). The limits come from
-- bad_review_facts (facts_bad_reviews.sql); here only the review date and the filters apply.
-- Included by the 1、5、15 queries, which count the cohort figures `WHERE in_month` and the
-- stock (open overdue) over every row. The filters are compared in place so that DuckDB
-- filters the scan itself; the review dates join (a few thousand bad reviews at most).
-- Params: as review_points.sql, and $dept, $bundle
WITH lim AS (
  SELECT p.pt, f.eval_id, f.dept, f.matter_name, f.bundle_name, f."window", f.channel, f.named,
         f.rated_d,
         CASE WHEN f.contacted_day <= p.as_of THEN f.contacted_day END AS contacted_d,
         CASE WHEN f.rectified_day <= p.as_of THEN f.rectified_day END AS rectified_d,
         CASE WHEN f.closed_day <= p.as_of THEN f.closed_day END AS closed_d,
         f.excluded, f.is_complex, f.verdict,
         p.as_of, f.contact_limit, f.rectify_limit, f.complex_limit, f.limit_unknown,
         c.wd_num AS asof_wd,
         -- Cohort (rated in the month) or carried over from an earlier month (domain §8a).
         p.m0 IS NULL OR f.rated_d >= p.m0 AS in_month
  FROM bad_review_facts f
  -- Earlier months stay in: their open cases are the month's stock.
  JOIN (
    {{review_points}}
  ) p ON f.rated_d <= p.as_of AND (p.m1 IS NULL OR f.rated_d <= p.m1)
  LEFT JOIN calendar c ON c.d = p.as_of
  -- The days of either point, implied by the join: DuckDB plans again with the values at every
  -- run, so this bound filters the scan itself.
  WHERE f.rated_d <= greatest(CAST($as_of AS DATE), CAST($prev_as_of AS DATE))
    AND (CAST($month_end AS DATE) IS NULL OR f.rated_d <= CAST($month_end AS DATE)
      OR (CAST($prev_as_of AS DATE) IS NOT NULL AND (CAST($prev_month_end AS DATE) IS NULL OR f.rated_d <= CAST($prev_month_end AS DATE))))
    AND (CAST($dept AS VARCHAR) IS NULL OR f.dept = CAST($dept AS VARCHAR))
    AND (CAST($bundle AS VARCHAR) IS NULL OR f.bundle_name = CAST($bundle AS VARCHAR))
),
steps AS (
  SELECT l.*,
         -- The step that decides a real case: 15 days for confirmed complex cases, else 5.
         CASE WHEN is_complex THEN complex_limit ELSE rectify_limit END AS case_limit,
         CASE WHEN is_complex THEN closed_d ELSE rectified_d END AS case_done,
         -- A NULL limit with a known rating day lies beyond the calendar, after every
         -- covered day: done by D is on time, not done is not yet due (domain section 4a).
         NOT limit_unknown AND (contacted_d IS NOT NULL OR contact_limit < as_of) AS contact_due,
         NOT limit_unknown AND contacted_d IS NOT NULL AND (contact_limit IS NULL OR contacted_d <= contact_limit) AS contact_on_time,
         limit_unknown AS contact_pending
  FROM lim l
)
SELECT s.*,
       NOT excluded AND NOT is_complex AND NOT limit_unknown AND (rectified_d IS NOT NULL OR rectify_limit < as_of) AS rectify_due,
       NOT excluded AND NOT is_complex AND NOT limit_unknown AND rectified_d IS NOT NULL AND (rectify_limit IS NULL OR rectified_d <= rectify_limit) AS rectify_on_time,
       NOT excluded AND NOT is_complex AND limit_unknown AS rectify_pending,
       is_complex AND NOT limit_unknown AND (closed_d IS NOT NULL OR complex_limit < as_of) AS complex_due,
       is_complex AND NOT limit_unknown AND closed_d IS NOT NULL AND (complex_limit IS NULL OR closed_d <= complex_limit) AS complex_on_time,
       is_complex AND limit_unknown AS complex_pending,
       -- coalesce: a limit beyond the calendar (NULL) has not passed.
       coalesce((contacted_d IS NULL AND contact_limit < as_of)
         OR (NOT excluded AND case_done IS NULL AND case_limit < as_of), false) AS open_overdue,
       NOT excluded AND case_done IS NULL AS is_open
FROM steps s
