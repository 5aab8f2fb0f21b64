-- 好差评 volume and good rate, overall (first row) and per department: sums of the per-day
-- aggregate evaluation_agg (agg_evaluations.sql) over the days of the review.
-- Parameters are compared in place so that DuckDB filters the scan itself.
-- Params: $as_of, $month_start, $month_end, $dept, $bundle
SELECT
  CASE WHEN grouping(d.dept) = 1 THEN NULL ELSE d.dept END AS dept,
  grouping(d.dept) = 1 AS is_total,
  CAST(coalesce(sum(g.total), 0) AS INTEGER) AS total,
  CAST(coalesce(sum(g.good), 0) AS INTEGER) AS good,
  CAST(coalesce(sum(g.bad), 0) AS INTEGER) AS bad
FROM evaluation_agg g
JOIN evaluation_dims d USING (dims_id)
WHERE g.rated_d <= CAST($as_of AS DATE)
  AND (CAST($month_start AS DATE) IS NULL OR g.rated_d BETWEEN CAST($month_start AS DATE) AND CAST($month_end AS DATE))
  AND (CAST($dept AS VARCHAR) IS NULL OR d.dept = CAST($dept AS VARCHAR))
  AND (CAST($bundle AS VARCHAR) IS NULL OR d.bundle_name = CAST($bundle AS VARCHAR))
GROUP BY GROUPING SETS ((), (d.dept))
ORDER BY is_total DESC, dept
