-- Reduction per bundle against the targets (domain section 5), with the actual elapsed
-- working days of its applications (acceptance to completion, completed by the review date)
-- to check the declared time cut. The elapsed days are read from their counts per bundle and
-- day (agg_application_elapsed.sql), not from every application at each review.
-- Params: $as_of, then as reduction_targets.sql
WITH targets AS (
  {{reduction_targets}}
),
completed AS (
  -- The applications completed by D, by the working days they took (agg_application_elapsed.sql).
  SELECT bundle_name, elapsed_wd, sum(n) AS n
  FROM application_elapsed_agg
  WHERE done_day <= CAST($as_of AS DATE)
  GROUP BY bundle_name, elapsed_wd
),
ranked AS (
  SELECT bundle_name, elapsed_wd,
         sum(n) OVER (PARTITION BY bundle_name ORDER BY elapsed_wd) AS upto,
         sum(n) OVER (PARTITION BY bundle_name) AS total
  FROM completed
),
actual AS (
  -- quantile_disc(elapsed_wd, q) over the applications themselves, read off the counts: the
  -- value at rank max(1, n - floor(n * (1 - q))) in ascending order, DuckDB's rank for a
  -- decimal q (a test holds the two to the same answer).
  SELECT bundle_name,
         CAST(max(total) AS INTEGER) AS apps_completed,
         min(elapsed_wd) FILTER (WHERE upto >= greatest(1, total - total // 2)) AS actual_median_wd,
         min(elapsed_wd) FILTER (WHERE upto >= greatest(1, total - total // 10)) AS actual_p90_wd
  FROM ranked
  GROUP BY bundle_name
)
SELECT t.*,
       a.apps_completed,
       CAST(a.actual_median_wd AS INTEGER) AS actual_median_wd,
       CAST(a.actual_p90_wd AS INTEGER) AS actual_p90_wd
FROM targets t LEFT JOIN actual a USING (bundle_name)
ORDER BY bundle_name
