-- 好差评 volume, good and bad, and the "1、5、15" counts by one dimension at a time: the whole
-- review (dim = all), department, matter, evaluation channel and month of rating (domain §7);
-- for each review point (pt: the review, and its month before when asked; review_points.sql).
-- The 1、5、15 columns come from bad_review_cases.sql, so they equal those of rule_1_5_15.sql;
-- the volumes from the per-day aggregate evaluation_agg (agg_evaluations.sql).
-- A NULL key is a value missing in the data (a review with no matter), not a total.
-- With a month, volumes and the 1、5、15 rates are the month's cohort; open_overdue is the stock
-- at D and also counts reviews rated in earlier months (carried_over of them; domain §8a).
-- contact_pending, rectify_pending, complex_pending and pending_years are those of rule_1_5_15.sql
-- (cases of the month whose limits the calendar cannot tell), so the page needs no second query.
-- Params: as bad_review_cases.sql, plus $matter and $eval_channel (NULL for all: the
-- drill-down of the evaluations page on a matter or an evaluation channel).
WITH cases AS (
  {{bad_review_cases}}
),
points AS (
  {{review_points}}
),
volumes AS (
  -- The month's reviews (earlier months bring no volume). The later review date and the
  -- filters are compared in place so that DuckDB filters the scan itself.
  SELECT p.pt, d.dept, d.matter_name, d.channel, strftime(g.rated_d, '%Y-%m') AS month,
         sum(g.total) AS total, sum(g.good) AS good, sum(g.bad) AS bad
  FROM evaluation_agg g
  JOIN evaluation_dims d USING (dims_id)
  JOIN points p ON g.rated_d <= p.as_of AND (p.m0 IS NULL OR g.rated_d BETWEEN p.m0 AND p.m1)
  WHERE g.rated_d <= greatest(CAST($as_of AS DATE), CAST($prev_as_of AS DATE))
    AND (CAST($dept AS VARCHAR) IS NULL OR d.dept = CAST($dept AS VARCHAR))
    AND (CAST($bundle AS VARCHAR) IS NULL OR d.bundle_name = CAST($bundle AS VARCHAR))
    AND (CAST($matter AS VARCHAR) IS NULL OR d.matter_name = CAST($matter AS VARCHAR))
    AND (CAST($eval_channel AS VARCHAR) IS NULL OR d.channel = CAST($eval_channel AS VARCHAR))
  GROUP BY ALL
),
steps AS (
  -- The bad reviews: the month's cohort, and from earlier months only their stock (bad reviews
  -- still open past a limit at D).
  SELECT pt, dept, matter_name, channel, strftime(rated_d, '%Y-%m') AS month,
         0 AS total, 0 AS good, 0 AS bad,
         CAST(in_month AND contact_due AS INTEGER) AS contact_due,
         CAST(in_month AND contact_on_time AS INTEGER) AS contact_on_time,
         CAST(in_month AND rectify_due AS INTEGER) AS rectify_due,
         CAST(in_month AND rectify_on_time AS INTEGER) AS rectify_on_time,
         CAST(in_month AND complex_due AS INTEGER) AS complex_due,
         CAST(in_month AND complex_on_time AS INTEGER) AS complex_on_time,
         CAST(open_overdue AS INTEGER) AS open_overdue,
         CAST(in_month AND excluded AS INTEGER) AS excluded,
         CAST(NOT in_month AND open_overdue AS INTEGER) AS carried_over,
         CAST(in_month AND contact_pending AS INTEGER) AS contact_pending,
         CAST(in_month AND rectify_pending AS INTEGER) AS rectify_pending,
         CAST(in_month AND complex_pending AS INTEGER) AS complex_pending,
         CASE WHEN in_month AND contact_pending THEN year(rated_d) END AS pending_year
  FROM cases
  WHERE (in_month OR open_overdue)
    AND (CAST($matter AS VARCHAR) IS NULL OR matter_name = CAST($matter AS VARCHAR))
    AND (CAST($eval_channel AS VARCHAR) IS NULL OR channel = CAST($eval_channel AS VARCHAR))
),
u AS (
  SELECT pt, dept, matter_name, channel, month, total, good, bad,
         0 AS contact_due, 0 AS contact_on_time, 0 AS rectify_due, 0 AS rectify_on_time,
         0 AS complex_due, 0 AS complex_on_time, 0 AS open_overdue, 0 AS excluded, 0 AS carried_over,
         0 AS contact_pending, 0 AS rectify_pending, 0 AS complex_pending, CAST(NULL AS BIGINT) AS pending_year
  FROM volumes
  UNION ALL
  SELECT * FROM steps
  UNION ALL
  -- Each point's whole-review row, with evaluations or none: a row that no count takes.
  SELECT pt, NULL, NULL, NULL, NULL, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, NULL
  FROM points
),
g AS (
  SELECT
    pt,
    CASE WHEN grouping(dept) = 0 THEN 'dept'
         WHEN grouping(matter_name) = 0 THEN 'matter'
         WHEN grouping(channel) = 0 THEN 'channel'
         WHEN grouping(month) = 0 THEN 'month'
         ELSE 'all' END AS dim,
    CASE WHEN grouping(dept) = 0 THEN dept
         WHEN grouping(matter_name) = 0 THEN matter_name
         WHEN grouping(channel) = 0 THEN channel
         WHEN grouping(month) = 0 THEN month END AS key,
    CAST(coalesce(sum(total), 0) AS INTEGER) AS total,
    CAST(coalesce(sum(good), 0) AS INTEGER) AS good,
    CAST(coalesce(sum(bad), 0) AS INTEGER) AS bad,
    CAST(coalesce(sum(contact_due), 0) AS INTEGER) AS contact_due,
    CAST(coalesce(sum(contact_on_time), 0) AS INTEGER) AS contact_on_time,
    CAST(coalesce(sum(rectify_due), 0) AS INTEGER) AS rectify_due,
    CAST(coalesce(sum(rectify_on_time), 0) AS INTEGER) AS rectify_on_time,
    CAST(coalesce(sum(complex_due), 0) AS INTEGER) AS complex_due,
    CAST(coalesce(sum(complex_on_time), 0) AS INTEGER) AS complex_on_time,
    CAST(coalesce(sum(open_overdue), 0) AS INTEGER) AS open_overdue,
    CAST(coalesce(sum(excluded), 0) AS INTEGER) AS excluded,
    CAST(coalesce(sum(carried_over), 0) AS INTEGER) AS carried_over,
    CAST(coalesce(sum(contact_pending), 0) AS INTEGER) AS contact_pending,
    CAST(coalesce(sum(rectify_pending), 0) AS INTEGER) AS rectify_pending,
    CAST(coalesce(sum(complex_pending), 0) AS INTEGER) AS complex_pending,
    -- A list of the few pending cases' years made distinct afterwards: a DISTINCT aggregate
    -- under these grouping sets cost more than all the rest of the query.
    nullif(array_to_string(list_distinct(list(pending_year) FILTER (WHERE pending_year IS NOT NULL)), ','), '') AS pending_years
  FROM u
  GROUP BY GROUPING SETS ((pt), (pt, dept), (pt, matter_name), (pt, channel), (pt, month))
  -- A key row only where the data has one: the points' empty rows have no month, every other one has.
  HAVING grouping(dept, matter_name, channel, month) = 15 OR count(month) > 0
)
SELECT * FROM g
-- Totals first; months in order; elsewhere the most open overdue, then the most bad reviews.
ORDER BY pt, list_position(['all', 'dept', 'matter', 'channel', 'month'], dim),
         CASE WHEN dim = 'month' THEN key END,
         open_overdue DESC, bad DESC, key NULLS LAST
