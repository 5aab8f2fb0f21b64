-- One row per application with the dates and limits that do not depend on the review date,
-- worked out once per load (and again when the acceptance rule changes) so that a filter
-- change only compares dates: the working-day arithmetic is the costly part at 1M rows.
-- Materialised as the table application_facts (src/core/metrics/prepare.ts).
-- Limits (domain section 6): acceptance within $accept_wd working days of submission;
-- completion within promised_wd working days from acceptance, or from submission while not
-- yet accepted at the review date. Both completion limits are kept; application_cases.sql
-- picks one for the review date. A limit beyond the calendar stays NULL (after the last
-- covered day, domain section 4a); sub_unknown / acc_unknown mark a start day outside the
-- calendar, whose limits are not known at all.
-- Params: $accept_wd
WITH p AS (
  SELECT CAST($accept_wd AS INTEGER) AS accept_wd
)
SELECT a.app_id, a.bundle_name, a.matter_name, a.dept, a.region, a.channel, a.trips,
       a.promised_wd, a.status,
       CAST(a.submitted_at AS DATE) AS sub_d,
       CAST(a.accepted_at AS DATE) AS acc_day,
       CAST(a.completed_at AS DATE) AS done_day,
       coalesce(a.status IN ('不予受理', '撤回'), false) AS dropped,
       coalesce(a.channel IN ('网上', '掌上'), false) AS is_online,
       cacc.d AS accept_limit,
       CASE WHEN a.promised_wd IS NOT NULL THEN cda.d END AS done_limit_acc,
       CASE WHEN a.promised_wd IS NOT NULL THEN cda.wd_num END AS done_limit_acc_wd,
       CASE WHEN a.promised_wd IS NOT NULL THEN cds.d END AS done_limit_sub,
       CASE WHEN a.promised_wd IS NOT NULL THEN cds.wd_num END AS done_limit_sub_wd,
       -- Working days from acceptance to completion (the reduction check of time cut).
       cc.wd_num - ca.wd_num AS elapsed_wd,
       a.submitted_at IS NOT NULL AND cs.d IS NULL AS sub_unknown,
       a.accepted_at IS NOT NULL AND ca.d IS NULL AS acc_unknown
FROM applications a CROSS JOIN p
LEFT JOIN calendar cs ON cs.d = CAST(a.submitted_at AS DATE)
LEFT JOIN calendar ca ON ca.d = CAST(a.accepted_at AS DATE)
LEFT JOIN calendar cc ON cc.d = CAST(a.completed_at AS DATE)
LEFT JOIN calendar cacc ON cacc.workday AND cacc.wd_num = cs.wd_num + p.accept_wd
LEFT JOIN calendar cda ON cda.workday AND cda.wd_num = ca.wd_num + a.promised_wd
LEFT JOIN calendar cds ON cds.workday AND cds.wd_num = cs.wd_num + a.promised_wd
