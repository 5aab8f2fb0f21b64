-- Bad reviews found not real, mistaken or malicious (不属实、误评、恶意差评): reported apart
-- and counted in no rectification figure, but still owed a contact (domain §7). Latest first.
-- No personal columns: the reviewer, phone and comment are never selected.
-- Params: as bad_review_cases.sql, plus $matter and $eval_channel (NULL for all).
-- Parameters are read before the include (see evaluations_breakdown.sql).
WITH q AS (
  SELECT CAST($matter AS VARCHAR) AS only_matter, CAST($eval_channel AS VARCHAR) AS only_channel
),
cases AS (
  {{bad_review_cases}}
)
SELECT eval_id, dept, matter_name, bundle_name, "window", channel, verdict,
       strftime(rated_d, '%Y-%m-%d') AS rated_date,
       strftime(contact_limit, '%Y-%m-%d') AS contact_limit,
       strftime(contacted_d, '%Y-%m-%d') AS contacted_date,
       contact_due, contact_on_time
FROM cases, q
WHERE excluded AND in_month
  AND (q.only_matter IS NULL OR matter_name = q.only_matter)
  AND (q.only_channel IS NULL OR channel = q.only_channel)
ORDER BY rated_d DESC, eval_id
