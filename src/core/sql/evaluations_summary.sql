-- 好差评 volume and good rate, overall (first row) and per department.
-- Params: $as_of, $month_start, $month_end, $dept, $bundle
WITH p AS (
  SELECT CAST($as_of AS DATE) AS as_of, CAST($month_start AS DATE) AS m0,
         CAST($month_end AS DATE) AS m1, CAST($dept AS VARCHAR) AS dept
),
e AS (
  SELECT e.* FROM evaluations e, p
  WHERE CAST(e.rated_at AS DATE) <= p.as_of
    AND (p.m0 IS NULL OR CAST(e.rated_at AS DATE) BETWEEN p.m0 AND p.m1)
    AND (p.dept IS NULL OR e.dept = p.dept)
    AND (CAST($bundle AS VARCHAR) IS NULL OR e.bundle_name = CAST($bundle AS VARCHAR))
)
SELECT
  CASE WHEN grouping(dept) = 1 THEN NULL ELSE dept END AS dept,
  grouping(dept) = 1 AS is_total,
  CAST(count(*) AS INTEGER) AS total,
  CAST(count(*) FILTER (WHERE level >= 3) AS INTEGER) AS good,
  CAST(count(*) FILTER (WHERE level <= 2) AS INTEGER) AS bad
FROM e
GROUP BY GROUPING SETS ((), (dept))
ORDER BY is_total DESC, dept
