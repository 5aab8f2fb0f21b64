-- One row per application submitted on or before the review date, with its acceptance and
-- completion limits and their state at D (domain §6). Included by the application breakdowns
-- and lists; the judging is the same as in applications_summary.sql, which a fixture test
-- checks by comparing their totals. (No apostrophes in comments: the binder skips quoted text.)
-- Params: $as_of, $month_start, $month_end, $dept, $bundle, $region, $channel, $accept_wd
WITH p AS (
  SELECT CAST($as_of AS DATE) AS as_of, CAST($month_start AS DATE) AS m0,
         CAST($month_end AS DATE) AS m1, CAST($dept AS VARCHAR) AS dept,
         CAST($accept_wd AS INTEGER) AS accept_wd
),
a AS (
  SELECT a.app_id, a.bundle_name, a.matter_name, a.dept, a.region, a.channel, a.trips,
         a.promised_wd, a.status,
         CAST(a.submitted_at AS DATE) AS sub_d,
         CASE WHEN CAST(a.accepted_at AS DATE) <= p.as_of THEN CAST(a.accepted_at AS DATE) END AS acc_d,
         CASE WHEN CAST(a.completed_at AS DATE) <= p.as_of THEN CAST(a.completed_at AS DATE) END AS done_d,
         coalesce(a.status IN ('不予受理', '撤回'), false) AS dropped,
         coalesce(a.channel IN ('网上', '掌上'), false) AS is_online,
         p.as_of, p.accept_wd
  FROM applications a, p
  WHERE CAST(a.submitted_at AS DATE) <= p.as_of
    AND (p.m0 IS NULL OR CAST(a.submitted_at AS DATE) BETWEEN p.m0 AND p.m1)
    AND (p.dept IS NULL OR a.dept = p.dept)
    AND (CAST($bundle AS VARCHAR) IS NULL OR a.bundle_name = CAST($bundle AS VARCHAR))
    AND (CAST($region AS VARCHAR) IS NULL OR a.region = CAST($region AS VARCHAR))
    AND (CAST($channel AS VARCHAR) IS NULL OR a.channel = CAST($channel AS VARCHAR))
),
lim AS (
  SELECT a.*,
         cacc.d AS accept_limit,
         CASE WHEN a.promised_wd IS NOT NULL THEN cdone.d END AS done_limit,
         CASE WHEN a.promised_wd IS NOT NULL THEN cdone.wd_num END AS done_limit_wd,
         cd.wd_num AS asof_wd
  FROM a
  LEFT JOIN calendar cs ON cs.d = a.sub_d
  LEFT JOIN calendar cacc ON cacc.workday AND cacc.wd_num = cs.wd_num + a.accept_wd
  LEFT JOIN calendar cst ON cst.d = coalesce(a.acc_d, a.sub_d)
  LEFT JOIN calendar cdone ON cdone.workday AND cdone.wd_num = cst.wd_num + a.promised_wd
  LEFT JOIN calendar cd ON cd.d = a.as_of
)
SELECT *,
       NOT dropped AND (acc_d IS NOT NULL OR accept_limit < as_of) AS accept_due,
       acc_d IS NOT NULL AND acc_d <= accept_limit AS accepted_in_time,
       NOT dropped AND done_limit IS NOT NULL AND (done_d IS NOT NULL OR done_limit < as_of) AS done_due,
       done_d IS NOT NULL AND done_d <= done_limit AS done_in_time,
       NOT dropped AND done_limit IS NOT NULL AND ((done_d IS NULL AND done_limit < as_of) OR done_d > done_limit) AS overdue,
       -- Still open and past its promise at D: what a department must act on now.
       NOT dropped AND done_limit IS NOT NULL AND done_d IS NULL AND done_limit < as_of AS open_overdue
FROM lim
