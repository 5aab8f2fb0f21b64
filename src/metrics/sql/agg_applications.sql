-- Application counts by filter dimensions (application_dims), month of submission and day, as changes: the sum of
-- a measure over the rows whose day is on or before the review date D is its count at D.
-- Materialised as the table application_agg when the facts are built (src/metrics/prepare.ts),
-- so a filter change sums a small table instead of judging every application again.
-- Why changes and not states: every figure of application_cases.sql depends on D only through
-- comparisons with a few dates of the row (submission, acceptance, completion, and the day after
-- each limit), so between two of those days each figure of a row is constant. The figures are
-- judged at each of those days exactly as application_cases.sql judges them at D, and a row adds
-- the value at the start of each stretch and takes it back at the start of the next. Before its
-- submission day a row counts nothing, as application_cases.sql leaves it out.
-- pend_year is the year application_cases.sql reports for a case whose limits the calendar
-- cannot tell (it does not depend on D); NULL for a case that can never be pending.
WITH f AS (
  SELECT f.*, f.rowid AS rid, d.dims_id,
         list_sort(list_distinct(list_filter(
           [f.sub_d, f.acc_day, f.done_day, f.accept_limit + 1, f.done_limit_sub + 1, f.done_limit_acc + 1],
           x -> x IS NOT NULL AND x >= f.sub_d))) AS days
  FROM application_facts f
  JOIN application_dims d ON d.dept IS NOT DISTINCT FROM f.dept AND d.bundle_name IS NOT DISTINCT FROM f.bundle_name
   AND d.region IS NOT DISTINCT FROM f.region AND d.channel IS NOT DISTINCT FROM f.channel
  WHERE f.sub_d IS NOT NULL
),
stretch AS (
  -- One row per application and stretch: as_of is its first day, until the next change.
  SELECT f.rid, f.dims_id, f.sub_d, f.trips, f.promised_wd, f.dropped, f.is_online,
         f.accept_limit, f.sub_unknown, f.acc_unknown, f.acc_day, f.done_day,
         f.done_limit_acc, f.done_limit_sub,
         unnest(f.days) AS as_of,
  FROM f
),
a AS (
  SELECT s.*,
         CASE WHEN s.acc_day <= s.as_of THEN s.acc_day END AS acc_d,
         CASE WHEN s.done_day <= s.as_of THEN s.done_day END AS done_d,
         CASE WHEN s.acc_day <= s.as_of THEN s.done_limit_acc ELSE s.done_limit_sub END AS done_limit,
         CASE WHEN s.acc_day <= s.as_of THEN s.acc_unknown ELSE s.sub_unknown END AS done_unknown
  FROM stretch s
),
judged AS (
  -- The lines of application_cases.sql, at as_of.
  SELECT a.*,
         NOT dropped AND NOT sub_unknown AND (acc_d IS NOT NULL OR accept_limit < as_of) AS accept_due,
         acc_d IS NOT NULL AND NOT sub_unknown AND (accept_limit IS NULL OR acc_d <= accept_limit) AS accepted_in_time,
         NOT dropped AND sub_unknown AS accept_pending,
         NOT dropped AND promised_wd IS NOT NULL AND NOT done_unknown AND (done_d IS NOT NULL OR done_limit < as_of) AS done_due,
         done_d IS NOT NULL AND NOT done_unknown AND (done_limit IS NULL OR done_d <= done_limit) AS done_in_time,
         NOT dropped AND promised_wd IS NOT NULL AND done_unknown AS done_pending,
         NOT dropped AND done_limit IS NOT NULL AND ((done_d IS NULL AND done_limit < as_of) OR done_d > done_limit) AS overdue,
         NOT dropped AND done_limit IS NOT NULL AND done_d IS NULL AND done_limit < as_of AS open_overdue
  FROM a
),
counted AS (
  SELECT rid, dims_id, sub_d, as_of,
         CASE WHEN NOT dropped AND (sub_unknown OR (promised_wd IS NOT NULL AND acc_unknown))
              THEN year(CASE WHEN sub_unknown THEN sub_d ELSE acc_day END) END AS pend_year,
         1 AS total,
         CAST(coalesce(is_online, false) AS INTEGER) AS online,
         CAST(coalesce(accept_due, false) AS INTEGER) AS accept_due,
         CAST(coalesce(accept_due AND accepted_in_time, false) AS INTEGER) AS accepted_1wd,
         CAST(coalesce(done_due, false) AS INTEGER) AS completion_due,
         CAST(coalesce(done_due AND done_in_time, false) AS INTEGER) AS on_time,
         CAST(coalesce(overdue, false) AS INTEGER) AS overdue,
         CAST(coalesce(open_overdue, false) AS INTEGER) AS open_overdue,
         CAST(coalesce(promised_wd = 0, false) AS INTEGER) AS instant,
         coalesce(trips, 0) AS trips_sum,
         CAST(trips IS NOT NULL AS INTEGER) AS trips_n,
         CAST(coalesce(accept_pending, false) AS INTEGER) AS accept_pending,
         CAST(coalesce(done_pending, false) AS INTEGER) AS completion_pending,
         CAST(coalesce(accept_pending OR done_pending, false) AS INTEGER) AS any_pending
  FROM judged
),
changes AS (
  -- What changes on the first day of each stretch: its value less that of the stretch before.
  SELECT dims_id, sub_d, pend_year, as_of AS day,
         total - coalesce(lag(total) OVER w, 0) AS total,
         online - coalesce(lag(online) OVER w, 0) AS online,
         accept_due - coalesce(lag(accept_due) OVER w, 0) AS accept_due,
         accepted_1wd - coalesce(lag(accepted_1wd) OVER w, 0) AS accepted_1wd,
         completion_due - coalesce(lag(completion_due) OVER w, 0) AS completion_due,
         on_time - coalesce(lag(on_time) OVER w, 0) AS on_time,
         overdue - coalesce(lag(overdue) OVER w, 0) AS overdue,
         open_overdue - coalesce(lag(open_overdue) OVER w, 0) AS open_overdue,
         instant - coalesce(lag(instant) OVER w, 0) AS instant,
         trips_sum - coalesce(lag(trips_sum) OVER w, 0) AS trips_sum,
         trips_n - coalesce(lag(trips_n) OVER w, 0) AS trips_n,
         accept_pending - coalesce(lag(accept_pending) OVER w, 0) AS accept_pending,
         completion_pending - coalesce(lag(completion_pending) OVER w, 0) AS completion_pending,
         any_pending - coalesce(lag(any_pending) OVER w, 0) AS any_pending
  FROM counted
  WINDOW w AS (PARTITION BY rid ORDER BY as_of)
)
SELECT dims_id,
       CAST(date_trunc('month', sub_d) AS DATE) AS sub_m, day, pend_year,
       CAST(sum(total) AS INTEGER) AS total,
       CAST(sum(online) AS INTEGER) AS online,
       CAST(sum(accept_due) AS INTEGER) AS accept_due,
       CAST(sum(accepted_1wd) AS INTEGER) AS accepted_1wd,
       CAST(sum(completion_due) AS INTEGER) AS completion_due,
       CAST(sum(on_time) AS INTEGER) AS on_time,
       CAST(sum(overdue) AS INTEGER) AS overdue,
       CAST(sum(open_overdue) AS INTEGER) AS open_overdue,
       CAST(sum(instant) AS INTEGER) AS instant,
       CAST(sum(trips_sum) AS BIGINT) AS trips_sum,
       CAST(sum(trips_n) AS INTEGER) AS trips_n,
       CAST(sum(accept_pending) AS INTEGER) AS accept_pending,
       CAST(sum(completion_pending) AS INTEGER) AS completion_pending,
       CAST(sum(any_pending) AS INTEGER) AS any_pending
FROM changes
WHERE total <> 0 OR accept_due <> 0 OR accepted_1wd <> 0 OR completion_due <> 0 OR on_time <> 0
   OR overdue <> 0 OR open_overdue <> 0 OR completion_pending <> 0 OR any_pending <> 0
GROUP BY ALL
ORDER BY sub_m, day, dims_id
