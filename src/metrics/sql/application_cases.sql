-- One row per application submitted on or before the review date, with its acceptance and
-- completion limits and their state at D (domain section 6). The limits come from
-- application_facts (facts_applications.sql); here only the review date and the filters
-- apply. With a month, the rows submitted before it are kept for the stock (open_overdue)
-- and every cohort figure reads `WHERE in_month`. Included by applications_summary.sql, the breakdowns and the lists, so every
-- application figure is judged by these lines. Parameters are compared in place (not joined
-- from a one-row CTE) so that DuckDB filters the scan itself. (No apostrophes in comments:
-- the binder skips quoted text.)
-- Params: $as_of, $month_start, $month_end, $dept, $bundle, $region, $channel
WITH a AS (
  SELECT f.app_id, f.bundle_name, f.matter_name, f.dept, f.region, f.channel, f.trips,
         f.promised_wd, f.status, f.sub_d, f.dropped, f.is_online, f.accept_limit,
         CASE WHEN f.acc_day <= CAST($as_of AS DATE) THEN f.acc_day END AS acc_d,
         CASE WHEN f.done_day <= CAST($as_of AS DATE) THEN f.done_day END AS done_d,
         -- Counted from acceptance once accepted by D, else from submission.
         CASE WHEN f.acc_day <= CAST($as_of AS DATE) THEN f.done_limit_acc ELSE f.done_limit_sub END AS done_limit,
         CASE WHEN f.acc_day <= CAST($as_of AS DATE) THEN f.done_limit_acc_wd ELSE f.done_limit_sub_wd END AS done_limit_wd,
         f.sub_unknown,
         CASE WHEN f.acc_day <= CAST($as_of AS DATE) THEN f.acc_unknown ELSE f.sub_unknown END AS done_unknown,
         CAST($as_of AS DATE) AS as_of,
         -- Cohort (submitted in the month) or carried over from an earlier month (domain §8a).
         CAST($month_start AS DATE) IS NULL OR f.sub_d >= CAST($month_start AS DATE) AS in_month
  FROM application_facts f
  WHERE f.sub_d <= CAST($as_of AS DATE)
    -- Earlier months stay in: their open applications past the limit are the month's stock.
    AND (CAST($month_end AS DATE) IS NULL OR f.sub_d <= CAST($month_end AS DATE))
    AND (CAST($dept AS VARCHAR) IS NULL OR f.dept = CAST($dept AS VARCHAR))
    AND (CAST($bundle AS VARCHAR) IS NULL OR f.bundle_name = CAST($bundle AS VARCHAR))
    AND (CAST($region AS VARCHAR) IS NULL OR f.region = CAST($region AS VARCHAR))
    AND (CAST($channel AS VARCHAR) IS NULL OR f.channel = CAST($channel AS VARCHAR))
)
SELECT *,
       (SELECT wd_num FROM calendar WHERE d = CAST($as_of AS DATE)) AS asof_wd,
       -- A NULL limit from a known start day lies beyond the calendar, after every covered
       -- day: done by D is in time, not done is not yet due (domain section 4a). A start day
       -- outside the calendar leaves the case pending, in no rate.
       NOT dropped AND NOT sub_unknown AND (acc_d IS NOT NULL OR accept_limit < as_of) AS accept_due,
       acc_d IS NOT NULL AND NOT sub_unknown AND (accept_limit IS NULL OR acc_d <= accept_limit) AS accepted_in_time,
       NOT dropped AND sub_unknown AS accept_pending,
       NOT dropped AND promised_wd IS NOT NULL AND NOT done_unknown AND (done_d IS NOT NULL OR done_limit < as_of) AS done_due,
       done_d IS NOT NULL AND NOT done_unknown AND (done_limit IS NULL OR done_d <= done_limit) AS done_in_time,
       NOT dropped AND promised_wd IS NOT NULL AND done_unknown AS done_pending,
       NOT dropped AND done_limit IS NOT NULL AND ((done_d IS NULL AND done_limit < as_of) OR done_d > done_limit) AS overdue,
       -- Still open and past its promise at D: what a department must act on now.
       NOT dropped AND done_limit IS NOT NULL AND done_d IS NULL AND done_limit < as_of AS open_overdue
FROM a
