-- One row per bad review (level 1 or 2) with its rectification and the three "1、5、15"
-- limits, which do not depend on the review date: worked out once per load (and again when
-- the rule settings change) as the table bad_review_facts (src/core/metrics/prepare.ts).
-- Limits count working days from the rating day, or calendar days if the settings say so
-- (domain section 7). A limit beyond the calendar stays NULL: it lies after the last covered
-- day, so a step done on a covered day is on time and a step not done is not yet due (domain
-- section 4a). When the rating day itself is outside the calendar the limits are not known at
-- all (limit_unknown): such a case is pending, in no rate.
-- Params: $contact_days, $rectify_days, $complex_days, $day_kind
WITH p AS (
  SELECT CAST($contact_days AS INTEGER) AS n1,
         CAST($rectify_days AS INTEGER) AS n5,
         CAST($complex_days AS INTEGER) AS n15,
         CAST($day_kind AS VARCHAR) = 'calendar' AS calendar_days
),
bad AS (
  SELECT e.eval_id, e.dept, e.matter_name, e.bundle_name, e."window", e.channel, e.named,
         CAST(e.rated_at AS DATE) AS rated_d,
         CAST(r.contacted_at AS DATE) AS contacted_day,
         CAST(r.rectified_at AS DATE) AS rectified_day,
         CAST(coalesce(r.closed_at, r.rectified_at) AS DATE) AS closed_day,
         coalesce(r.verdict IN ('不属实', '误评', '恶意差评'), false) AS excluded,
         coalesce(r.complex, false) AND NOT coalesce(r.verdict IN ('不属实', '误评', '恶意差评'), false) AS is_complex,
         r.verdict
  FROM evaluations e
  LEFT JOIN rectifications r USING (eval_id)
  WHERE e.level <= 2
)
SELECT b.*,
       CASE WHEN p.calendar_days THEN b.rated_d + p.n1 ELSE c1.d END AS contact_limit,
       CASE WHEN p.calendar_days THEN b.rated_d + p.n5 ELSE c5.d END AS rectify_limit,
       CASE WHEN p.calendar_days THEN b.rated_d + p.n15 ELSE c15.d END AS complex_limit,
       NOT p.calendar_days AND c0.d IS NULL AS limit_unknown
FROM bad b CROSS JOIN p
LEFT JOIN calendar c0 ON c0.d = b.rated_d
LEFT JOIN calendar c1 ON c1.workday AND c1.wd_num = c0.wd_num + p.n1
LEFT JOIN calendar c5 ON c5.workday AND c5.wd_num = c0.wd_num + p.n5
LEFT JOIN calendar c15 ON c15.workday AND c15.wd_num = c0.wd_num + p.n15
