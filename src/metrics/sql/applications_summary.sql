-- Application timeliness (domain section 6), overall (first row) and per department, for each
-- review point (pt: the review, and its month before when asked; review_points.sql).
-- Accepted within N working days of submission; completed within the promised working days
-- counted from acceptance (else submission). Cases refused or withdrawn have no completion
-- due. The judging is application_cases.sql, shared with every application breakdown; the
-- counts here are its counts read from the per-day aggregate (agg_application_counts.sql).
-- With a month, every figure is the month's cohort except overdue, which adds the stock carried
-- from earlier months: applications still open past their limit at D (carried_over, from the
-- months in carried_months; domain §8a).
-- Params: as application_cases.sql, and those of review_points.sql
WITH c AS (
  {{agg_application_counts}}
),
points AS (
  {{review_points}}
),
counted AS (
  -- Each review point has its whole-review row, with applications or none: a point with none
  -- brings one empty row, which no count takes.
  SELECT p.pt AS point, c.* EXCLUDE (pt) FROM points p LEFT JOIN c ON c.pt = p.pt
)
SELECT
  point AS pt,
  CASE WHEN grouping(dept) = 1 THEN NULL ELSE dept END AS dept,
  grouping(dept) = 1 AS is_total,
  CAST(coalesce(sum(total) FILTER (WHERE in_month), 0) AS INTEGER) AS total,
  CAST(coalesce(sum(online) FILTER (WHERE in_month), 0) AS INTEGER) AS online,
  CAST(coalesce(sum(accept_due) FILTER (WHERE in_month), 0) AS INTEGER) AS accept_due,
  CAST(coalesce(sum(accepted_1wd) FILTER (WHERE in_month), 0) AS INTEGER) AS accepted_1wd,
  CAST(coalesce(sum(completion_due) FILTER (WHERE in_month), 0) AS INTEGER) AS completion_due,
  CAST(coalesce(sum(on_time) FILTER (WHERE in_month), 0) AS INTEGER) AS on_time,
  CAST(coalesce(sum(overdue) FILTER (WHERE in_month), 0) + coalesce(sum(open_overdue) FILTER (WHERE NOT in_month), 0) AS INTEGER) AS overdue,
  CAST(coalesce(sum(open_overdue) FILTER (WHERE NOT in_month), 0) AS INTEGER) AS carried_over,
  array_to_string(list_sort(list_distinct(list(strftime(sub_m, '%Y-%m')) FILTER (WHERE NOT in_month AND open_overdue > 0))), ',') AS carried_months,
  CAST(coalesce(sum(instant) FILTER (WHERE in_month), 0) AS INTEGER) AS instant,
  CAST(sum(trips_sum) FILTER (WHERE in_month) AS DOUBLE) / CAST(nullif(sum(trips_n) FILTER (WHERE in_month), 0) AS DOUBLE) AS avg_trips,
  -- Cases of the month whose limits the calendar cannot tell (start day outside it), and their years.
  CAST(coalesce(sum(accept_pending) FILTER (WHERE in_month), 0) AS INTEGER) AS accept_pending,
  CAST(coalesce(sum(completion_pending) FILTER (WHERE in_month), 0) AS INTEGER) AS completion_pending,
  -- A group holds a pending case when either of its pending counts is above 0.
  array_to_string(list_sort(list_distinct(list(CAST(pend_year AS VARCHAR)) FILTER (WHERE in_month AND accept_pending + completion_pending > 0))), ',') AS pending_years
FROM counted
GROUP BY GROUPING SETS ((point), (point, dept))
-- A department with nothing in the month and no stock carried has no row.
HAVING grouping(dept) = 1 OR sum(total) FILTER (WHERE in_month) > 0 OR sum(open_overdue) FILTER (WHERE NOT in_month) > 0
ORDER BY point, is_total DESC, dept
