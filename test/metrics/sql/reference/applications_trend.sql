-- Application timeliness by month of submission (domain §6), as judged at the review date.
-- The page runs it with no month so the trend shows every month up to D; other filters apply.
-- Params: as application_cases.sql
WITH cases AS (
  {{application_cases}}
)
SELECT
  strftime(sub_d, '%Y-%m') AS month,
  CAST(count(*) AS INTEGER) AS total,
  CAST(count(*) FILTER (WHERE is_online) AS INTEGER) AS online,
  CAST(count(*) FILTER (WHERE accept_due) AS INTEGER) AS accept_due,
  CAST(count(*) FILTER (WHERE accept_due AND accepted_in_time) AS INTEGER) AS accepted_1wd,
  CAST(count(*) FILTER (WHERE done_due) AS INTEGER) AS completion_due,
  CAST(count(*) FILTER (WHERE done_due AND done_in_time) AS INTEGER) AS on_time,
  CAST(count(*) FILTER (WHERE overdue) AS INTEGER) AS overdue
FROM cases
WHERE in_month
GROUP BY month
ORDER BY month
