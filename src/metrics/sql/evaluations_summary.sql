-- 好差评 volume and good rate, overall (first row) and per department, for each review point
-- (pt: the review, and its month before when asked; review_points.sql): sums of the per-day
-- aggregate evaluation_agg (agg_evaluations.sql) over the days of the review.
-- The filters and the later review date are compared in place so that DuckDB filters the scan
-- itself; each point then takes its own days.
-- Params: as review_points.sql, and $dept, $bundle
WITH p AS (
  {{review_points}}
),
g AS (
  SELECT g.rated_d, d.dept, g.total, g.good, g.bad
  FROM evaluation_agg g
  JOIN evaluation_dims d USING (dims_id)
  WHERE g.rated_d <= greatest(CAST($as_of AS DATE), CAST($prev_as_of AS DATE))
    AND (CAST($dept AS VARCHAR) IS NULL OR d.dept = CAST($dept AS VARCHAR))
    AND (CAST($bundle AS VARCHAR) IS NULL OR d.bundle_name = CAST($bundle AS VARCHAR))
)
SELECT
  p.pt,
  CASE WHEN grouping(g.dept) = 1 THEN NULL ELSE g.dept END AS dept,
  grouping(g.dept) = 1 AS is_total,
  CAST(coalesce(sum(g.total), 0) AS INTEGER) AS total,
  CAST(coalesce(sum(g.good), 0) AS INTEGER) AS good,
  CAST(coalesce(sum(g.bad), 0) AS INTEGER) AS bad
-- Each point has its whole-review row, with evaluations or none.
FROM p
LEFT JOIN g ON g.rated_d <= p.as_of AND (p.m0 IS NULL OR g.rated_d BETWEEN p.m0 AND p.m1)
GROUP BY GROUPING SETS ((p.pt), (p.pt, g.dept))
HAVING grouping(g.dept) = 1 OR count(g.rated_d) > 0
ORDER BY p.pt, is_total DESC, dept
