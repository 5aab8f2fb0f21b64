-- The application counts at the review date D under the filters, by department, month of
-- submission and pending year: the changes of application_agg (agg_applications.sql) on or
-- before D summed. Each count equals that of application_cases.sql over the same rows at D, so
-- the files including this one give the figures of the unaggregated SQL (held to it by
-- test/metrics/sql/aggregates.test.ts). With a month, months before it are kept for the stock
-- (open_overdue) and in_month marks the cohort, as in application_cases.sql.
-- Without a bundle or region the changes come from application_dept_agg
-- (agg_application_depts.sql), the same sums over far fewer rows; the branch a review does
-- not take is cut off by its parameter test before any row of its table is read.
-- For each review point (pt: the review, and its month before when asked; review_points.sql):
-- the later review date and the filters are compared in place so that DuckDB filters the scans
-- itself, and each point then takes its own days and months.
-- Params: as review_points.sql, and $dept, $bundle, $region, $channel
WITH p AS (
  {{review_points}}
),
g AS (
  SELECT d.dept, d.channel, d.is_online, g.sub_m, g.day, g.pend_year,
         g.total, g.online, g.instant, g.trips_sum, g.trips_n, g.accept_pending, g.accept_due, g.accepted_1wd,
         g.completion_due, g.on_time, g.overdue, g.open_overdue, g.completion_pending
  FROM application_agg g
  JOIN application_dims d USING (dims_id)
  WHERE (CAST($bundle AS VARCHAR) IS NOT NULL OR CAST($region AS VARCHAR) IS NOT NULL)
    AND (CAST($bundle AS VARCHAR) IS NULL OR d.bundle_name = CAST($bundle AS VARCHAR))
    AND (CAST($region AS VARCHAR) IS NULL OR d.region = CAST($region AS VARCHAR))
  UNION ALL
  SELECT dept, channel, is_online, sub_m, day, pend_year,
         total, online, instant, trips_sum, trips_n, accept_pending, accept_due, accepted_1wd,
         completion_due, on_time, overdue, open_overdue, completion_pending
  FROM application_dept_agg
  WHERE CAST($bundle AS VARCHAR) IS NULL AND CAST($region AS VARCHAR) IS NULL
)
SELECT p.pt, dept, channel, is_online, sub_m, pend_year,
       p.m0 IS NULL OR sub_m >= p.m0 AS in_month,
       sum(total) AS total, sum(online) AS online, sum(instant) AS instant,
       sum(trips_sum) AS trips_sum, sum(trips_n) AS trips_n, sum(accept_pending) AS accept_pending,
       sum(accept_due) AS accept_due, sum(accepted_1wd) AS accepted_1wd,
       sum(completion_due) AS completion_due, sum(on_time) AS on_time,
       sum(overdue) AS overdue, sum(open_overdue) AS open_overdue,
       sum(completion_pending) AS completion_pending
FROM g
JOIN p ON day <= p.as_of AND (p.m1 IS NULL OR sub_m <= p.m1)
WHERE day <= greatest(CAST($as_of AS DATE), CAST($prev_as_of AS DATE))
  AND (CAST($dept AS VARCHAR) IS NULL OR dept = CAST($dept AS VARCHAR))
  AND (CAST($channel AS VARCHAR) IS NULL OR channel = CAST($channel AS VARCHAR))
GROUP BY p.pt, p.m0, dept, channel, is_online, sub_m, pend_year
