-- 好差评 volume, good and bad, and the "1、5、15" counts by one dimension at a time: the whole
-- review (dim = all), department, matter, evaluation channel and month of rating (domain §7).
-- The 1、5、15 columns come from bad_review_cases.sql, so they equal those of rule_1_5_15.sql.
-- A NULL key is a value missing in the data (a review with no matter), not a total.
-- With a month, volumes and the 1、5、15 rates are the month's cohort; open_overdue is the stock
-- at D and also counts reviews rated in earlier months (carried_over of them; domain §8a).
-- Params: as bad_review_cases.sql, plus $matter and $eval_channel (NULL for all: the
-- drill-down of the evaluations page on a matter or an evaluation channel).
WITH cases AS (
  {{bad_review_cases}}
),
e AS (
  SELECT e.eval_id, e.dept, e.matter_name, e.channel, e.level,
         strftime(CAST(e.rated_at AS DATE), '%Y-%m') AS month,
         CAST($month_start AS DATE) IS NOT NULL AND CAST(e.rated_at AS DATE) < CAST($month_start AS DATE) AS carried
  FROM evaluations e
  WHERE CAST(e.rated_at AS DATE) <= CAST($as_of AS DATE)
    AND (CAST($month_end AS DATE) IS NULL OR CAST(e.rated_at AS DATE) <= CAST($month_end AS DATE))
    AND (CAST($dept AS VARCHAR) IS NULL OR e.dept = CAST($dept AS VARCHAR))
    AND (CAST($bundle AS VARCHAR) IS NULL OR e.bundle_name = CAST($bundle AS VARCHAR))
    AND (CAST($matter AS VARCHAR) IS NULL OR e.matter_name = CAST($matter AS VARCHAR))
    AND (CAST($eval_channel AS VARCHAR) IS NULL OR e.channel = CAST($eval_channel AS VARCHAR))
),
g AS (
  SELECT
    CASE WHEN grouping(e.dept) = 0 THEN 'dept'
         WHEN grouping(e.matter_name) = 0 THEN 'matter'
         WHEN grouping(e.channel) = 0 THEN 'channel'
         WHEN grouping(e.month) = 0 THEN 'month'
         ELSE 'all' END AS dim,
    CASE WHEN grouping(e.dept) = 0 THEN e.dept
         WHEN grouping(e.matter_name) = 0 THEN e.matter_name
         WHEN grouping(e.channel) = 0 THEN e.channel
         WHEN grouping(e.month) = 0 THEN e.month END AS key,
    CAST(count(*) FILTER (WHERE NOT e.carried) AS INTEGER) AS total,
    CAST(count(*) FILTER (WHERE NOT e.carried AND e.level >= 3) AS INTEGER) AS good,
    CAST(count(*) FILTER (WHERE NOT e.carried AND e.level <= 2) AS INTEGER) AS bad,
    CAST(count(*) FILTER (WHERE NOT e.carried AND c.contact_due) AS INTEGER) AS contact_due,
    CAST(count(*) FILTER (WHERE NOT e.carried AND c.contact_on_time) AS INTEGER) AS contact_on_time,
    CAST(count(*) FILTER (WHERE NOT e.carried AND c.rectify_due) AS INTEGER) AS rectify_due,
    CAST(count(*) FILTER (WHERE NOT e.carried AND c.rectify_on_time) AS INTEGER) AS rectify_on_time,
    CAST(count(*) FILTER (WHERE NOT e.carried AND c.complex_due) AS INTEGER) AS complex_due,
    CAST(count(*) FILTER (WHERE NOT e.carried AND c.complex_on_time) AS INTEGER) AS complex_on_time,
    CAST(count(*) FILTER (WHERE c.open_overdue) AS INTEGER) AS open_overdue,
    CAST(count(*) FILTER (WHERE NOT e.carried AND c.excluded) AS INTEGER) AS excluded,
    CAST(count(*) FILTER (WHERE e.carried AND c.open_overdue) AS INTEGER) AS carried_over,
    CAST(count(*) FILTER (WHERE NOT e.carried AND c.contact_pending) AS INTEGER) AS contact_pending,
    CAST(count(*) FILTER (WHERE NOT e.carried AND c.rectify_pending) AS INTEGER) AS rectify_pending,
    CAST(count(*) FILTER (WHERE NOT e.carried AND c.complex_pending) AS INTEGER) AS complex_pending,
    string_agg(DISTINCT CAST(year(c.rated_d) AS VARCHAR), ',') FILTER (WHERE NOT e.carried AND c.contact_pending) AS pending_years
  FROM e
  LEFT JOIN cases c ON c.eval_id = e.eval_id
  -- Earlier months bring only their stock: bad reviews still open past a limit at D.
  WHERE NOT e.carried OR c.open_overdue
  GROUP BY GROUPING SETS ((), (e.dept), (e.matter_name), (e.channel), (e.month))
)
SELECT * FROM g
-- Totals first; months in order; elsewhere the most open overdue, then the most bad reviews.
ORDER BY list_position(['all', 'dept', 'matter', 'channel', 'month'], dim),
         CASE WHEN dim = 'month' THEN key END,
         open_overdue DESC, bad DESC, key NULLS LAST
