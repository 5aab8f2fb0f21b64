-- The calendar's last day, and the longest distance between two consecutive working days in
-- it, and the last day's working-day number: what task_status.sql needs to judge a warning
-- window that runs past the calendar (domain section 4a). They depend on the calendar alone,
-- so they are materialised once, as the table calendar_bounds (src/metrics/prepare.ts), when
-- the calendar goes in, instead of a window over every calendar day in each task_status read.
SELECT max(d) AS cal_to,
       (SELECT max(gap) FROM (SELECT d - lag(d) OVER (ORDER BY d) AS gap FROM calendar WHERE workday)) AS max_gap,
       (SELECT wd_num FROM calendar ORDER BY d DESC LIMIT 1) AS last_wd
FROM calendar
