-- The completed applications of each bundle by day of completion and elapsed working days
-- (acceptance to completion): how many took each number of days. Materialised as the table
-- application_elapsed_agg right after application_facts (src/metrics/prepare.ts), with a few
-- rows per bundle and day where the facts have one per application: reduction_bundles.sql
-- reads the median and 90th percentile at any review date off these counts.
SELECT bundle_name, done_day, elapsed_wd, CAST(count(*) AS INTEGER) AS n
FROM application_facts
WHERE bundle_name IS NOT NULL AND elapsed_wd IS NOT NULL
GROUP BY bundle_name, done_day, elapsed_wd
