-- Application timeliness (domain section 6), overall (first row) and per department.
-- Accepted within N working days of submission; completed within the promised working days
-- counted from acceptance (else submission). Cases refused or withdrawn have no completion
-- due. The judging is application_cases.sql, shared with every application breakdown.
-- With a month, every figure is the month's cohort except overdue, which adds the stock carried
-- from earlier months: applications still open past their limit at D (carried_over, from the
-- months in carried_months; domain §8a).
-- Params: as application_cases.sql
WITH cases AS (
  {{application_cases}}
)
SELECT
  CASE WHEN grouping(dept) = 1 THEN NULL ELSE dept END AS dept,
  grouping(dept) = 1 AS is_total,
  CAST(count(*) FILTER (WHERE in_month) AS INTEGER) AS total,
  CAST(count(*) FILTER (WHERE in_month AND is_online) AS INTEGER) AS online,
  CAST(count(*) FILTER (WHERE in_month AND accept_due) AS INTEGER) AS accept_due,
  CAST(count(*) FILTER (WHERE in_month AND accept_due AND accepted_in_time) AS INTEGER) AS accepted_1wd,
  CAST(count(*) FILTER (WHERE in_month AND done_due) AS INTEGER) AS completion_due,
  CAST(count(*) FILTER (WHERE in_month AND done_due AND done_in_time) AS INTEGER) AS on_time,
  CAST(count(*) FILTER (WHERE (in_month AND overdue) OR (NOT in_month AND open_overdue)) AS INTEGER) AS overdue,
  CAST(count(*) FILTER (WHERE NOT in_month AND open_overdue) AS INTEGER) AS carried_over,
  array_to_string(list_sort(list_distinct(list(strftime(sub_d, '%Y-%m')) FILTER (WHERE NOT in_month AND open_overdue))), ',') AS carried_months,
  CAST(count(*) FILTER (WHERE in_month AND promised_wd = 0) AS INTEGER) AS instant,
  avg(trips) FILTER (WHERE in_month) AS avg_trips,
  -- Cases of the month whose limits the calendar cannot tell (start day outside it), and their years.
  CAST(count(*) FILTER (WHERE in_month AND accept_pending) AS INTEGER) AS accept_pending,
  CAST(count(*) FILTER (WHERE in_month AND done_pending) AS INTEGER) AS completion_pending,
  string_agg(DISTINCT CAST(year(CASE WHEN sub_unknown THEN sub_d ELSE acc_d END) AS VARCHAR), ',') FILTER (WHERE in_month AND (accept_pending OR done_pending)) AS pending_years
FROM cases
GROUP BY GROUPING SETS ((), (dept))
-- A department with nothing in the month and no stock carried has no row.
HAVING grouping(dept) = 1 OR count(*) FILTER (WHERE in_month OR open_overdue) > 0
ORDER BY is_total DESC, dept
