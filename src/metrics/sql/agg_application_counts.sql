-- The application counts at the review date D under the filters, by department, month of
-- submission and pending year: the changes of application_agg (agg_applications.sql) on or
-- before D summed. Each count equals that of application_cases.sql over the same rows at D, so
-- the files including this one give the figures of the unaggregated SQL (held to it by
-- test/metrics/sql/aggregates.test.ts). With a month, months before it are kept for the stock
-- (open_overdue) and in_month marks the cohort, as in application_cases.sql.
-- Params: $as_of, $month_start, $month_end, $dept, $bundle, $region, $channel
SELECT d.dept, d.channel, d.is_online, g.sub_m, g.pend_year,
       CAST($month_start AS DATE) IS NULL OR g.sub_m >= CAST($month_start AS DATE) AS in_month,
       sum(g.total) AS total, sum(g.online) AS online, sum(g.instant) AS instant,
       sum(g.trips_sum) AS trips_sum, sum(g.trips_n) AS trips_n, sum(g.accept_pending) AS accept_pending,
       sum(g.accept_due) AS accept_due, sum(g.accepted_1wd) AS accepted_1wd,
       sum(g.completion_due) AS completion_due, sum(g.on_time) AS on_time,
       sum(g.overdue) AS overdue, sum(g.open_overdue) AS open_overdue,
       sum(g.completion_pending) AS completion_pending
FROM application_agg g
JOIN application_dims d USING (dims_id)
WHERE g.day <= CAST($as_of AS DATE)
  AND (CAST($month_end AS DATE) IS NULL OR g.sub_m <= CAST($month_end AS DATE))
  AND (CAST($dept AS VARCHAR) IS NULL OR d.dept = CAST($dept AS VARCHAR))
  AND (CAST($bundle AS VARCHAR) IS NULL OR d.bundle_name = CAST($bundle AS VARCHAR))
  AND (CAST($region AS VARCHAR) IS NULL OR d.region = CAST($region AS VARCHAR))
  AND (CAST($channel AS VARCHAR) IS NULL OR d.channel = CAST($channel AS VARCHAR))
GROUP BY d.dept, d.channel, d.is_online, g.sub_m, g.pend_year
