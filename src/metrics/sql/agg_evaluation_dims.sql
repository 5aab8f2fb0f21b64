-- Every combination of the filter and breakdown dimensions of evaluations that occurs, with a
-- number: evaluation_agg is grouped by that number rather than by four texts. Materialised as
-- the table evaluation_dims (src/metrics/prepare.ts) before evaluation_agg.
SELECT CAST(row_number() OVER (ORDER BY dept, bundle_name, matter_name, channel) AS INTEGER) AS dims_id,
       dept, bundle_name, matter_name, channel
FROM (SELECT DISTINCT dept, bundle_name, matter_name, channel FROM evaluations)
