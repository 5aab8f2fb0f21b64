-- "1、5、15" counts overall (dept IS NULL in the first row) and per department.
-- Params: as bad_review_cases.sql
WITH cases AS (
  {{bad_review_cases}}
)
SELECT
  CASE WHEN grouping(dept) = 1 THEN NULL ELSE dept END AS dept,
  grouping(dept) = 1 AS is_total,
  CAST(count(*) AS INTEGER) AS bad,
  CAST(count(*) FILTER (WHERE contact_due) AS INTEGER) AS contact_due,
  CAST(count(*) FILTER (WHERE contact_on_time) AS INTEGER) AS contact_on_time,
  CAST(count(*) FILTER (WHERE rectify_due) AS INTEGER) AS rectify_due,
  CAST(count(*) FILTER (WHERE rectify_on_time) AS INTEGER) AS rectify_on_time,
  CAST(count(*) FILTER (WHERE complex_due) AS INTEGER) AS complex_due,
  CAST(count(*) FILTER (WHERE complex_on_time) AS INTEGER) AS complex_on_time,
  CAST(count(*) FILTER (WHERE open_overdue) AS INTEGER) AS open_overdue,
  CAST(count(*) FILTER (WHERE excluded) AS INTEGER) AS excluded,
  -- Cases whose limits the calendar cannot tell (rating day outside it), and their years.
  CAST(count(*) FILTER (WHERE contact_pending) AS INTEGER) AS contact_pending,
  CAST(count(*) FILTER (WHERE rectify_pending) AS INTEGER) AS rectify_pending,
  CAST(count(*) FILTER (WHERE complex_pending) AS INTEGER) AS complex_pending,
  string_agg(DISTINCT CAST(year(rated_d) AS VARCHAR), ',') FILTER (WHERE contact_pending) AS pending_years
FROM cases
GROUP BY GROUPING SETS ((), (dept))
ORDER BY is_total DESC, dept
