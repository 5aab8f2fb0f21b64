-- One row per bad review rated on or before the review date, with its "1、5、15" limits and
-- the state of each step at D (domain §7, "Counting rules"). Included by the 1、5、15 queries.
-- Params: $as_of, $month_start, $month_end, $dept, $bundle, $contact_days, $rectify_days, $complex_days, $day_kind
WITH p AS (
  SELECT CAST($as_of AS DATE) AS as_of,
         CAST($month_start AS DATE) AS m0,
         CAST($month_end AS DATE) AS m1,
         CAST($dept AS VARCHAR) AS dept,
         CAST($contact_days AS INTEGER) AS n1,
         CAST($rectify_days AS INTEGER) AS n5,
         CAST($complex_days AS INTEGER) AS n15,
         CAST($day_kind AS VARCHAR) = 'calendar' AS calendar_days
),
bad AS (
  SELECT e.eval_id, e.dept, e.matter_name, e.bundle_name, e."window", e.channel, e.named,
         CAST(e.rated_at AS DATE) AS rated_d,
         CASE WHEN CAST(r.contacted_at AS DATE) <= p.as_of THEN CAST(r.contacted_at AS DATE) END AS contacted_d,
         CASE WHEN CAST(r.rectified_at AS DATE) <= p.as_of THEN CAST(r.rectified_at AS DATE) END AS rectified_d,
         CASE WHEN CAST(coalesce(r.closed_at, r.rectified_at) AS DATE) <= p.as_of
              THEN CAST(coalesce(r.closed_at, r.rectified_at) AS DATE) END AS closed_d,
         coalesce(r.verdict IN ('不属实', '误评', '恶意差评'), false) AS excluded,
         coalesce(r.complex, false) AND NOT coalesce(r.verdict IN ('不属实', '误评', '恶意差评'), false) AS is_complex,
         r.verdict
  FROM evaluations e
  LEFT JOIN rectifications r USING (eval_id), p
  WHERE e.level <= 2
    AND CAST(e.rated_at AS DATE) <= p.as_of
    AND (p.m0 IS NULL OR CAST(e.rated_at AS DATE) BETWEEN p.m0 AND p.m1)
    AND (p.dept IS NULL OR e.dept = p.dept)
    AND (CAST($bundle AS VARCHAR) IS NULL OR e.bundle_name = CAST($bundle AS VARCHAR))
),
lim AS (
  SELECT b.*, p.as_of,
         CASE WHEN p.calendar_days THEN b.rated_d + p.n1 ELSE c1.d END AS contact_limit,
         CASE WHEN p.calendar_days THEN b.rated_d + p.n5 ELSE c5.d END AS rectify_limit,
         CASE WHEN p.calendar_days THEN b.rated_d + p.n15 ELSE c15.d END AS complex_limit,
         ca.wd_num AS asof_wd
  FROM bad b CROSS JOIN p
  LEFT JOIN calendar c0 ON c0.d = b.rated_d
  -- A limit beyond the calendar's end stays NULL: it lies after every covered review date.
  LEFT JOIN calendar c1 ON c1.workday AND c1.wd_num = c0.wd_num + p.n1
  LEFT JOIN calendar c5 ON c5.workday AND c5.wd_num = c0.wd_num + p.n5
  LEFT JOIN calendar c15 ON c15.workday AND c15.wd_num = c0.wd_num + p.n15
  LEFT JOIN calendar ca ON ca.d = p.as_of
),
steps AS (
  SELECT l.*,
         -- The step that decides a real case: 15 days for confirmed complex cases, else 5.
         CASE WHEN is_complex THEN complex_limit ELSE rectify_limit END AS case_limit,
         CASE WHEN is_complex THEN closed_d ELSE rectified_d END AS case_done,
         contacted_d IS NOT NULL OR contact_limit < as_of AS contact_due,
         contacted_d IS NOT NULL AND contacted_d <= contact_limit AS contact_on_time
  FROM lim l
)
SELECT s.*,
       NOT excluded AND NOT is_complex AND (rectified_d IS NOT NULL OR rectify_limit < as_of) AS rectify_due,
       NOT excluded AND NOT is_complex AND rectified_d IS NOT NULL AND rectified_d <= rectify_limit AS rectify_on_time,
       is_complex AND (closed_d IS NOT NULL OR complex_limit < as_of) AS complex_due,
       is_complex AND closed_d IS NOT NULL AND closed_d <= complex_limit AS complex_on_time,
       (contacted_d IS NULL AND contact_limit < as_of)
         OR (NOT excluded AND case_done IS NULL AND case_limit < as_of) AS open_overdue,
       NOT excluded AND case_done IS NULL AS is_open
FROM steps s
