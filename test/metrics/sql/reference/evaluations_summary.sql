-- 好差评 volume and good rate, overall (first row) and per department.
-- Parameters are compared in place so that DuckDB filters the scan itself.
-- Params: $as_of, $month_start, $month_end, $dept, $bundle
SELECT
  CASE WHEN grouping(dept) = 1 THEN NULL ELSE dept END AS dept,
  grouping(dept) = 1 AS is_total,
  CAST(count(*) AS INTEGER) AS total,
  CAST(count(*) FILTER (WHERE level >= 3) AS INTEGER) AS good,
  CAST(count(*) FILTER (WHERE level <= 2) AS INTEGER) AS bad
FROM evaluations e
WHERE CAST(e.rated_at AS DATE) <= CAST($as_of AS DATE)
  AND (CAST($month_start AS DATE) IS NULL OR CAST(e.rated_at AS DATE) BETWEEN CAST($month_start AS DATE) AND CAST($month_end AS DATE))
  AND (CAST($dept AS VARCHAR) IS NULL OR e.dept = CAST($dept AS VARCHAR))
  AND (CAST($bundle AS VARCHAR) IS NULL OR e.bundle_name = CAST($bundle AS VARCHAR))
GROUP BY GROUPING SETS ((), (dept))
ORDER BY is_total DESC, dept
