-- The review dates a query answers for: the review (pt 0) and, when $prev_as_of is given, the
-- same review one month earlier (pt 1, domain §8a). A page's figures and their month-on-month
-- changes then come from one statement: DuckDB plans a statement with parameters again at
-- every run, and on these small tables a statement costs its plan and operators, not its rows.
-- Params: $as_of, $month_start, $month_end, $prev_as_of, $prev_month_start, $prev_month_end
SELECT 0 AS pt, CAST($as_of AS DATE) AS as_of, CAST($month_start AS DATE) AS m0, CAST($month_end AS DATE) AS m1
UNION ALL
SELECT 1, CAST($prev_as_of AS DATE), CAST($prev_month_start AS DATE), CAST($prev_month_end AS DATE)
WHERE CAST($prev_as_of AS DATE) IS NOT NULL
