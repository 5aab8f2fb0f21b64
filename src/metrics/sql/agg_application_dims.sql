-- Every combination of the filter dimensions of applications that occurs, with a number:
-- application_agg is grouped by that number, since grouping millions of changes by four texts
-- is most of the cost of building it. Materialised as the table application_dims
-- (src/metrics/prepare.ts) before application_agg.
SELECT CAST(row_number() OVER (ORDER BY dept, bundle_name, region, channel) AS INTEGER) AS dims_id,
       dept, bundle_name, region, channel,
       coalesce(channel IN ('网上', '掌上'), false) AS is_online
FROM (SELECT DISTINCT dept, bundle_name, region, channel FROM application_facts)
