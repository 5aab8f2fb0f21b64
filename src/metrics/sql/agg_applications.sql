-- Application counts by filter dimensions (application_dims), month of submission and day, as changes: the sum of
-- a measure over the rows whose day is on or before the review date D is its count at D.
-- Materialised as the table application_agg when the facts are built (src/metrics/prepare.ts),
-- so a filter change sums a small table instead of judging every application again.
-- Why changes and not states: every figure of application_cases.sql depends on D only through
-- comparisons with a few dates of the row (submission, acceptance, completion, and the day after
-- each limit), so a figure of a row can change only on one of those days. On each of them the
-- row adds its figures judged at that day less its figures judged at the day before, both
-- exactly as application_cases.sql judges them at D. Before its submission day a row counts
-- nothing, as application_cases.sql leaves it out, so on that day it adds its whole figures.
-- Built in one pass over the facts, with no window and no list per row: each application gives
-- at most six rows (most give two or three), one per day on which one of its figures changes,
-- and those rows are summed by dimensions and day. (No apostrophes in comments: the binder
-- skips quoted text.)
-- pend_year is the year application_cases.sql reports for a case whose limits the calendar
-- cannot tell (it does not depend on D); NULL for a case that can never be pending.
WITH f AS (
  SELECT d.dims_id, f.sub_d, CAST(date_trunc('month', f.sub_d) AS DATE) AS sub_m,
         f.trips, f.promised_wd, f.dropped, f.is_online, f.accept_limit, f.sub_unknown, f.acc_unknown,
         f.acc_day, f.done_day, f.done_limit_acc, f.done_limit_sub,
         CASE WHEN NOT f.dropped AND (f.sub_unknown OR (f.promised_wd IS NOT NULL AND f.acc_unknown))
              THEN year(CASE WHEN f.sub_unknown THEN f.sub_d ELSE f.acc_day END) END AS pend_year,
         -- The days after submission on which a figure can change, each only where its date
         -- can move one (every figure below the submission ones needs a case not refused or
         -- withdrawn), and each day once: a day another of these already gives is left out.
         -- Acceptance: accept_due, accepted_1wd, and the completion limit now counted from it.
         CASE WHEN NOT f.dropped AND f.acc_day > f.sub_d THEN f.acc_day END AS c_acc,
         -- Completion: the completion figures, which need a promised time.
         CASE WHEN NOT f.dropped AND f.promised_wd IS NOT NULL AND f.done_day > f.sub_d
               AND f.done_day IS DISTINCT FROM c_acc THEN f.done_day END AS c_done,
         -- The acceptance limit passed while not yet accepted: accept_due.
         CASE WHEN NOT f.dropped AND f.accept_limit + 1 > f.sub_d AND NOT coalesce(f.acc_day <= f.accept_limit + 1, false)
               AND f.accept_limit + 1 IS DISTINCT FROM c_done THEN f.accept_limit + 1 END AS c_acc_limit,
         -- The completion limit from submission passed while neither accepted nor completed.
         CASE WHEN NOT f.dropped AND f.done_limit_sub + 1 > f.sub_d AND NOT coalesce(f.acc_day <= f.done_limit_sub + 1, false)
               AND NOT coalesce(f.done_day <= f.done_limit_sub + 1, false)
               AND f.done_limit_sub + 1 IS DISTINCT FROM c_acc_limit THEN f.done_limit_sub + 1 END AS c_sub_limit,
         -- The completion limit from acceptance passed while not completed.
         CASE WHEN NOT f.dropped AND f.done_limit_acc + 1 > f.sub_d AND NOT coalesce(f.done_day <= f.done_limit_acc + 1, false)
               AND f.done_limit_acc + 1 IS DISTINCT FROM c_acc AND f.done_limit_acc + 1 IS DISTINCT FROM c_acc_limit
               AND f.done_limit_acc + 1 IS DISTINCT FROM c_sub_limit THEN f.done_limit_acc + 1 END AS c_acc_limit_done
  FROM application_facts f
  JOIN application_dims d ON d.dept IS NOT DISTINCT FROM f.dept AND d.bundle_name IS NOT DISTINCT FROM f.bundle_name
   AND d.region IS NOT DISTINCT FROM f.region AND d.channel IS NOT DISTINCT FROM f.channel
  WHERE f.sub_d IS NOT NULL
),
slot AS (
  -- One row per application and day of change, its submission day first.
  SELECT f.*, k.i = 0 AS first,
         CASE k.i WHEN 0 THEN f.sub_d WHEN 1 THEN f.c_acc WHEN 2 THEN f.c_done WHEN 3 THEN f.c_acc_limit
                  WHEN 4 THEN f.c_sub_limit ELSE f.c_acc_limit_done END AS day
  FROM f CROSS JOIN (VALUES (0), (1), (2), (3), (4), (5)) k(i)
),
s AS (
  -- What application_cases.sql reads from D, at the day (_d) and at the day before (_p):
  -- accepted and completed by then, and the completion limit and whether it is known.
  SELECT slot.*, slot.day - 1 AS prev,
         coalesce(acc_day <= day, false) AS acc_d, coalesce(acc_day <= day - 1, false) AS acc_p,
         coalesce(done_day <= day, false) AS done_d, coalesce(done_day <= day - 1, false) AS done_p
  FROM slot
  WHERE day IS NOT NULL
),
a AS (
  SELECT s.*,
         CASE WHEN acc_d THEN done_limit_acc ELSE done_limit_sub END AS limit_d,
         CASE WHEN acc_p THEN done_limit_acc ELSE done_limit_sub END AS limit_p,
         CASE WHEN acc_d THEN acc_unknown ELSE sub_unknown END AS unknown_d,
         CASE WHEN acc_p THEN acc_unknown ELSE sub_unknown END AS unknown_p
  FROM s
),
judged AS (
  -- The lines of application_cases.sql at the day, and at the day before unless it is the
  -- submission day (then nothing). Each is a definite true or false (never NULL), so the
  -- differences below are -1, 0 or 1.
  SELECT dims_id, sub_m, day, pend_year, first, trips, promised_wd, is_online, dropped, sub_unknown,
         NOT dropped AND NOT sub_unknown AND (acc_d OR coalesce(accept_limit < day, false)) AS accept_due_d,
         NOT first AND NOT dropped AND NOT sub_unknown AND (acc_p OR coalesce(accept_limit < prev, false)) AS accept_due_p,
         NOT dropped AND NOT sub_unknown AND acc_d AND coalesce(accept_limit IS NULL OR acc_day <= accept_limit, false) AS accepted_1wd_d,
         NOT first AND NOT dropped AND NOT sub_unknown AND acc_p AND coalesce(accept_limit IS NULL OR acc_day <= accept_limit, false) AS accepted_1wd_p,
         NOT dropped AND promised_wd IS NOT NULL AND NOT unknown_d AND (done_d OR coalesce(limit_d < day, false)) AS done_due_d,
         NOT first AND NOT dropped AND promised_wd IS NOT NULL AND NOT unknown_p AND (done_p OR coalesce(limit_p < prev, false)) AS done_due_p,
         NOT dropped AND promised_wd IS NOT NULL AND NOT unknown_d AND done_d AND coalesce(limit_d IS NULL OR done_day <= limit_d, false) AS on_time_d,
         NOT first AND NOT dropped AND promised_wd IS NOT NULL AND NOT unknown_p AND done_p AND coalesce(limit_p IS NULL OR done_day <= limit_p, false) AS on_time_p,
         NOT dropped AND limit_d IS NOT NULL AND coalesce((NOT done_d AND limit_d < day) OR (done_d AND done_day > limit_d), false) AS overdue_d,
         NOT first AND NOT dropped AND limit_p IS NOT NULL AND coalesce((NOT done_p AND limit_p < prev) OR (done_p AND done_day > limit_p), false) AS overdue_p,
         NOT dropped AND limit_d IS NOT NULL AND NOT done_d AND limit_d < day AS open_overdue_d,
         NOT first AND NOT dropped AND limit_p IS NOT NULL AND NOT done_p AND limit_p < prev AS open_overdue_p,
         NOT dropped AND promised_wd IS NOT NULL AND unknown_d AS done_pending_d,
         NOT first AND NOT dropped AND promised_wd IS NOT NULL AND unknown_p AS done_pending_p
  FROM a
)
-- Every sum is of DOUBLE: exact for these whole numbers (far below 2^53), and a good deal
-- cheaper than the HUGEINT DuckDB sums integers into (count FILTER too, measured).
SELECT dims_id, sub_m, day, pend_year,
       -- Figures that do not depend on D: added on the submission day.
       CAST(sum(CAST(first AS DOUBLE)) AS INTEGER) AS total,
       CAST(sum(CAST(first AND is_online AS DOUBLE)) AS INTEGER) AS online,
       CAST(sum(CAST(first AND coalesce(promised_wd = 0, false) AS DOUBLE)) AS INTEGER) AS instant,
       CAST(sum(CASE WHEN first THEN CAST(coalesce(trips, 0) AS DOUBLE) ELSE 0 END) AS BIGINT) AS trips_sum,
       CAST(sum(CAST(first AND trips IS NOT NULL AS DOUBLE)) AS INTEGER) AS trips_n,
       CAST(sum(CAST(first AND NOT dropped AND sub_unknown AS DOUBLE)) AS INTEGER) AS accept_pending,
       -- Figures judged at D: their changes.
       CAST(sum(CAST(accept_due_d AS DOUBLE) - CAST(accept_due_p AS DOUBLE)) AS INTEGER) AS accept_due,
       CAST(sum(CAST(accepted_1wd_d AS DOUBLE) - CAST(accepted_1wd_p AS DOUBLE)) AS INTEGER) AS accepted_1wd,
       CAST(sum(CAST(done_due_d AS DOUBLE) - CAST(done_due_p AS DOUBLE)) AS INTEGER) AS completion_due,
       CAST(sum(CAST(on_time_d AS DOUBLE) - CAST(on_time_p AS DOUBLE)) AS INTEGER) AS on_time,
       CAST(sum(CAST(overdue_d AS DOUBLE) - CAST(overdue_p AS DOUBLE)) AS INTEGER) AS overdue,
       CAST(sum(CAST(open_overdue_d AS DOUBLE) - CAST(open_overdue_p AS DOUBLE)) AS INTEGER) AS open_overdue,
       CAST(sum(CAST(done_pending_d AS DOUBLE) - CAST(done_pending_p AS DOUBLE)) AS INTEGER) AS completion_pending
FROM judged
GROUP BY dims_id, sub_m, day, pend_year
-- Sorted so that the zone maps of a large table skip the months after a chosen one.
ORDER BY sub_m, day
