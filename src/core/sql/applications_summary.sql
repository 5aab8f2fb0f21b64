-- Application timeliness (domain section 6), overall (first row) and per department.
-- Accepted within N working days of submission; completed within the promised working days
-- counted from acceptance (else submission). Cases refused or withdrawn have no completion
-- due. The judging is application_cases.sql, shared with every application breakdown.
-- Params: as application_cases.sql
WITH cases AS (
  {{application_cases}}
)
SELECT
  CASE WHEN grouping(dept) = 1 THEN NULL ELSE dept END AS dept,
  grouping(dept) = 1 AS is_total,
  CAST(count(*) AS INTEGER) AS total,
  CAST(count(*) FILTER (WHERE is_online) AS INTEGER) AS online,
  CAST(count(*) FILTER (WHERE accept_due) AS INTEGER) AS accept_due,
  CAST(count(*) FILTER (WHERE accept_due AND accepted_in_time) AS INTEGER) AS accepted_1wd,
  CAST(count(*) FILTER (WHERE done_due) AS INTEGER) AS completion_due,
  CAST(count(*) FILTER (WHERE done_due AND done_in_time) AS INTEGER) AS on_time,
  CAST(count(*) FILTER (WHERE overdue) AS INTEGER) AS overdue,
  CAST(count(*) FILTER (WHERE promised_wd = 0) AS INTEGER) AS instant,
  avg(trips) AS avg_trips,
  -- Cases whose limits the calendar cannot tell (start day outside it), and their years.
  CAST(count(*) FILTER (WHERE accept_pending) AS INTEGER) AS accept_pending,
  CAST(count(*) FILTER (WHERE done_pending) AS INTEGER) AS completion_pending,
  string_agg(DISTINCT CAST(year(CASE WHEN sub_unknown THEN sub_d ELSE acc_d END) AS VARCHAR), ',') FILTER (WHERE accept_pending OR done_pending) AS pending_years
FROM cases
GROUP BY GROUPING SETS ((), (dept))
ORDER BY is_total DESC, dept
