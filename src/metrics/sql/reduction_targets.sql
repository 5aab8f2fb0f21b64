-- Each bundle's declared reduction against the targets (domain section 5): the cuts from its
-- baseline and whether each meets its target. Needs no application, so the pooled figures
-- (reduction_overall.sql) do not wait for the per-bundle actual durations.
-- Params: $dept, $bundle, $t_materials, $t_time, $t_steps, $t_auto, $t_trips
WITH p AS (
  SELECT CAST($dept AS VARCHAR) AS dept, CAST($bundle AS VARCHAR) AS bundle
),
lead AS (
  SELECT bundle_name, min(lead_dept) AS lead_dept FROM bundles GROUP BY bundle_name
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
  -- Any lead unit of the bundle, one unit of a split 牵头部门 cell (domain §2a).
  WHERE (p.dept IS NULL OR EXISTS (SELECT 1 FROM bundle_units bu WHERE bu.bundle_name = r.bundle_name AND bu.unit = p.dept))
    AND (p.bundle IS NULL OR r.bundle_name = p.bundle)
)
SELECT b.*,
       materials_cut >= CAST($t_materials AS DOUBLE) AS meets_materials,
       time_cut >= CAST($t_time AS DOUBLE) AS meets_time,
       steps_cut >= CAST($t_steps AS DOUBLE) AS meets_steps,
       trips_cut >= CAST($t_trips AS DOUBLE) AS meets_trips,
       auto_fill >= CAST($t_auto AS DOUBLE) AS meets_auto_fill
FROM b
