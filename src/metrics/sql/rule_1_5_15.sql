-- "1、5、15" counts overall (dept IS NULL in the first row) and per department, for each review
-- point (pt: the review, and its month before when asked; review_points.sql).
-- Cohort figures count the reviews rated in the month (in_month); open_overdue is the stock at
-- the review date, earlier months included, and carried_over / carried_months say how much of
-- it, and from which months of rating, came from before the month (domain §8a).
-- Params: as bad_review_cases.sql
WITH cases AS (
  {{bad_review_cases}}
),
points AS (
  {{review_points}}
),
counted AS (
  -- Each review point has its whole-review row, with bad reviews or none: a point with none
  -- brings one empty row, which no count takes.
  SELECT p.pt AS point, c.* EXCLUDE (pt) FROM points p LEFT JOIN cases c ON c.pt = p.pt
)
SELECT
  point AS pt,
  CASE WHEN grouping(dept) = 1 THEN NULL ELSE dept END AS dept,
  grouping(dept) = 1 AS is_total,
  CAST(count(*) FILTER (WHERE in_month) AS INTEGER) AS bad,
  CAST(count(*) FILTER (WHERE in_month AND contact_due) AS INTEGER) AS contact_due,
  CAST(count(*) FILTER (WHERE in_month AND contact_on_time) AS INTEGER) AS contact_on_time,
  CAST(count(*) FILTER (WHERE in_month AND rectify_due) AS INTEGER) AS rectify_due,
  CAST(count(*) FILTER (WHERE in_month AND rectify_on_time) AS INTEGER) AS rectify_on_time,
  CAST(count(*) FILTER (WHERE in_month AND complex_due) AS INTEGER) AS complex_due,
  CAST(count(*) FILTER (WHERE in_month AND complex_on_time) AS INTEGER) AS complex_on_time,
  CAST(count(*) FILTER (WHERE open_overdue) AS INTEGER) AS open_overdue,
  CAST(count(*) FILTER (WHERE in_month AND excluded) AS INTEGER) AS excluded,
  CAST(count(*) FILTER (WHERE open_overdue AND NOT in_month) AS INTEGER) AS carried_over,
  array_to_string(list_sort(list_distinct(list(strftime(rated_d, '%Y-%m')) FILTER (WHERE open_overdue AND NOT in_month))), ',') AS carried_months,
  -- Cases of the month whose limits the calendar cannot tell (rating day outside it), and their years.
  CAST(count(*) FILTER (WHERE in_month AND contact_pending) AS INTEGER) AS contact_pending,
  CAST(count(*) FILTER (WHERE in_month AND rectify_pending) AS INTEGER) AS rectify_pending,
  CAST(count(*) FILTER (WHERE in_month AND complex_pending) AS INTEGER) AS complex_pending,
  string_agg(DISTINCT CAST(year(rated_d) AS VARCHAR), ',') FILTER (WHERE in_month AND contact_pending) AS pending_years
FROM counted
GROUP BY GROUPING SETS ((point), (point, dept))
-- A department with nothing in the month and no stock carried has no row.
HAVING grouping(dept) = 1 OR count(*) FILTER (WHERE in_month OR open_overdue) > 0
ORDER BY point, is_total DESC, dept
