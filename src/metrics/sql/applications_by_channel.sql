-- Channel mix of applications (网办率 basis: 网上 and 掌上 count as online), with each
-- timeliness per channel. Largest channel first. Counts of application_cases.sql, read from
-- the per-day aggregate (agg_application_counts.sql).
-- Params: as application_cases.sql
WITH c AS (
  {{agg_application_counts}}
)
SELECT
  channel,
  bool_or(is_online) AS is_online,
  CAST(sum(total) AS INTEGER) AS total,
  CAST(sum(accept_due) AS INTEGER) AS accept_due,
  CAST(sum(accepted_1wd) AS INTEGER) AS accepted_1wd,
  CAST(sum(completion_due) AS INTEGER) AS completion_due,
  CAST(sum(on_time) AS INTEGER) AS on_time,
  CAST(sum(overdue) AS INTEGER) AS overdue
FROM c
WHERE in_month
GROUP BY channel
HAVING sum(total) > 0
ORDER BY total DESC, channel NULLS LAST
