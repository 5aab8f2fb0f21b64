-- Application timeliness by month of submission (domain §6), as judged at the review date.
-- The page runs it with no month so the trend shows every month up to D; other filters apply.
-- Counts of application_cases.sql, read from the per-day aggregate (agg_application_counts.sql).
-- Params: as application_cases.sql
WITH c AS (
  {{agg_application_counts}}
)
SELECT
  strftime(sub_m, '%Y-%m') AS month,
  CAST(sum(total) AS INTEGER) AS total,
  CAST(sum(online) AS INTEGER) AS online,
  CAST(sum(accept_due) AS INTEGER) AS accept_due,
  CAST(sum(accepted_1wd) AS INTEGER) AS accepted_1wd,
  CAST(sum(completion_due) AS INTEGER) AS completion_due,
  CAST(sum(on_time) AS INTEGER) AS on_time,
  CAST(sum(overdue) AS INTEGER) AS overdue
FROM c
WHERE in_month
GROUP BY month
-- A month counts once an application of it was submitted by D.
HAVING sum(total) > 0
ORDER BY month
