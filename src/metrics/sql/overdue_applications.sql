-- Open applications past their promised limit at the review date, most overdue first. Only
-- case facts: applicant, phone and ID number are never selected (the list is projected).
-- `open_overdue_total` counts them all, since the list stops at 200 rows.
-- Params: as application_cases.sql
WITH cases AS (
  {{application_cases}}
)
SELECT app_id, dept, bundle_name, matter_name, region, channel, status, promised_wd,
       strftime(sub_d, '%Y-%m-%d') AS submitted_date,
       strftime(acc_d, '%Y-%m-%d') AS accepted_date,
       strftime(done_limit, '%Y-%m-%d') AS done_limit,
       -- Working days after the limit up to D, counted like open_cases.sql (D itself included).
       CAST(asof_wd - done_limit_wd AS INTEGER) AS wd_overdue,
       CAST(count(*) OVER () AS INTEGER) AS open_overdue_total,
       -- Submitted before the chosen month: 往月遗留, with the month it came from.
       NOT in_month AS carried, strftime(sub_d, '%Y-%m') AS submitted_month
FROM cases
WHERE open_overdue
ORDER BY wd_overdue DESC, sub_d, app_id
LIMIT 200
