-- Reduction per bundle against the targets (domain section 5), with the actual elapsed
-- working days of its applications (acceptance to completion, completed by the review date)
-- to check the declared time cut.
-- Params: $as_of, then as reduction_targets.sql
WITH targets AS (
  {{reduction_targets}}
),
actual AS (
  SELECT f.bundle_name,
         CAST(count(*) AS INTEGER) AS apps_completed,
         quantile_disc(f.elapsed_wd, 0.5) AS actual_median_wd,
         quantile_disc(f.elapsed_wd, 0.9) AS actual_p90_wd
  FROM application_facts f
  WHERE f.bundle_name IS NOT NULL AND f.elapsed_wd IS NOT NULL AND f.done_day <= CAST($as_of AS DATE)
  GROUP BY f.bundle_name
)
SELECT t.*,
       a.apps_completed,
       CAST(a.actual_median_wd AS INTEGER) AS actual_median_wd,
       CAST(a.actual_p90_wd AS INTEGER) AS actual_p90_wd
FROM targets t LEFT JOIN actual a USING (bundle_name)
ORDER BY bundle_name
