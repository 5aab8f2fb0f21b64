-- Reduction per bundle against the targets (domain §5), with actual elapsed working days
-- from applications (acceptance → completion) to check the declared time cut.
-- Params: $as_of, $dept, $bundle, $t_materials, $t_time, $t_steps, $t_auto, $t_trips
WITH p AS (
  SELECT CAST($as_of AS DATE) AS as_of, CAST($dept AS VARCHAR) AS dept
),
lead AS (
  SELECT bundle_name, min(lead_dept) AS lead_dept FROM bundles GROUP BY bundle_name
),
actual AS (
  SELECT a.bundle_name,
         CAST(count(*) AS INTEGER) AS apps_completed,
         quantile_disc(cc.wd_num - ca.wd_num, 0.5) AS actual_median_wd,
         quantile_disc(cc.wd_num - ca.wd_num, 0.9) AS actual_p90_wd
  FROM applications a CROSS JOIN p
  JOIN calendar ca ON ca.d = CAST(a.accepted_at AS DATE)
  JOIN calendar cc ON cc.d = CAST(a.completed_at AS DATE)
  WHERE a.bundle_name IS NOT NULL AND CAST(a.completed_at AS DATE) <= p.as_of
  GROUP BY a.bundle_name
),
b AS (
  SELECT r.bundle_name, l.lead_dept,
         r.materials_before, r.materials_after, r.time_before_wd, r.time_after_wd,
         r.steps_before, r.steps_after, r.trips_before, r.trips_after,
         r.fees_before, r.fees_after, r.form_fields, r.auto_fields,
         CASE WHEN r.materials_before > 0 THEN (r.materials_before - r.materials_after) / r.materials_before END AS materials_cut,
         CASE WHEN r.time_before_wd > 0 THEN (r.time_before_wd - r.time_after_wd) / r.time_before_wd END AS time_cut,
         CASE WHEN r.steps_before > 0 THEN (r.steps_before - r.steps_after) / r.steps_before END AS steps_cut,
         CASE WHEN r.trips_before > 0 THEN (r.trips_before - r.trips_after) / r.trips_before END AS trips_cut,
         CASE WHEN r.fees_before > 0 THEN (r.fees_before - r.fees_after) / r.fees_before END AS fees_cut,
         CASE WHEN r.form_fields > 0 THEN r.auto_fields / r.form_fields END AS auto_fill
  FROM reform_baselines r
  LEFT JOIN lead l USING (bundle_name), p
  WHERE (p.dept IS NULL OR l.lead_dept = p.dept)
    AND (CAST($bundle AS VARCHAR) IS NULL OR r.bundle_name = CAST($bundle AS VARCHAR))
)
SELECT b.*,
       materials_cut >= CAST($t_materials AS DOUBLE) AS meets_materials,
       time_cut >= CAST($t_time AS DOUBLE) AS meets_time,
       steps_cut >= CAST($t_steps AS DOUBLE) AS meets_steps,
       trips_cut >= CAST($t_trips AS DOUBLE) AS meets_trips,
       auto_fill >= CAST($t_auto AS DOUBLE) AS meets_auto_fill,
       a.apps_completed,
       CAST(a.actual_median_wd AS INTEGER) AS actual_median_wd,
       CAST(a.actual_p90_wd AS INTEGER) AS actual_p90_wd
FROM b LEFT JOIN actual a USING (bundle_name)
ORDER BY bundle_name
