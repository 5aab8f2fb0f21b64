-- Bad reviews still open at the review date (or overdue on contact), most urgent first; with a
-- month, those rated in it and those carried over from earlier months (domain §8a).
-- Params: as bad_review_cases.sql
WITH cases AS (
  {{bad_review_cases}}
)
SELECT eval_id, dept, matter_name, bundle_name, "window", channel, verdict, is_complex, excluded,
       strftime(rated_d, '%Y-%m-%d') AS rated_date,
       strftime(contact_limit, '%Y-%m-%d') AS contact_limit,
       strftime(case_limit, '%Y-%m-%d') AS case_limit,
       strftime(contacted_d, '%Y-%m-%d') AS contacted_date,
       open_overdue,
       -- Rated before the chosen month and still open: 往月遗留, with the month it came from.
       NOT in_month AS carried, strftime(rated_d, '%Y-%m') AS rated_month,
       -- Working days from D to the limit of the next step that is not done: negative = overdue.
       CAST(cl.wd_num - asof_wd AS INTEGER) AS wd_remaining
FROM cases
LEFT JOIN calendar cl ON cl.d = CASE WHEN contacted_d IS NULL THEN contact_limit ELSE case_limit END
WHERE is_open OR (contacted_d IS NULL AND contact_limit < as_of)
ORDER BY wd_remaining NULLS LAST, rated_d, eval_id
