-- Channel mix of applications (网办率 basis: 网上 and 掌上 count as online), with each
-- timeliness per channel. Largest channel first.
-- Params: as application_cases.sql
WITH cases AS (
  {{application_cases}}
)
SELECT
  channel,
  bool_or(is_online) AS is_online,
  CAST(count(*) AS INTEGER) AS total,
  CAST(count(*) FILTER (WHERE accept_due) AS INTEGER) AS accept_due,
  CAST(count(*) FILTER (WHERE accept_due AND accepted_in_time) AS INTEGER) AS accepted_1wd,
  CAST(count(*) FILTER (WHERE done_due) AS INTEGER) AS completion_due,
  CAST(count(*) FILTER (WHERE done_due AND done_in_time) AS INTEGER) AS on_time,
  CAST(count(*) FILTER (WHERE overdue) AS INTEGER) AS overdue
FROM cases
WHERE in_month
GROUP BY channel
ORDER BY total DESC, channel NULLS LAST
