-- 好差评 volume, good and bad per combination of dimensions (evaluation_dims) and day of rating.
-- Materialised as the table evaluation_agg when the facts are built (src/metrics/prepare.ts):
-- the volumes of a review are sums over the days of its month up to D, whatever the filters,
-- so a filter change reads this table instead of every evaluation. A review without a rating
-- day is in no review (it is never on or before D) and has no row.
SELECT d.dims_id, CAST(e.rated_at AS DATE) AS rated_d,
       CAST(count(*) AS INTEGER) AS total,
       CAST(count(*) FILTER (WHERE e.level >= 3) AS INTEGER) AS good,
       CAST(count(*) FILTER (WHERE e.level <= 2) AS INTEGER) AS bad
FROM evaluations e
JOIN evaluation_dims d ON d.dept IS NOT DISTINCT FROM e.dept AND d.bundle_name IS NOT DISTINCT FROM e.bundle_name
 AND d.matter_name IS NOT DISTINCT FROM e.matter_name AND d.channel IS NOT DISTINCT FROM e.channel
WHERE e.rated_at IS NOT NULL
GROUP BY d.dims_id, rated_d
ORDER BY rated_d, d.dims_id
