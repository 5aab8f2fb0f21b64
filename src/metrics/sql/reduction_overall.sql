-- Pooled cuts Σ(before − after) / Σbefore and the share of bundles meeting each target.
-- Params: as reduction_targets.sql
WITH per_bundle AS (
  {{reduction_targets}}
)
SELECT
  CAST(count(*) AS INTEGER) AS bundles,
  sum(materials_before - materials_after) FILTER (WHERE materials_cut IS NOT NULL)
    / nullif(sum(materials_before) FILTER (WHERE materials_cut IS NOT NULL), 0) AS materials_cut,
  sum(time_before_wd - time_after_wd) FILTER (WHERE time_cut IS NOT NULL)
    / nullif(sum(time_before_wd) FILTER (WHERE time_cut IS NOT NULL), 0) AS time_cut,
  sum(steps_before - steps_after) FILTER (WHERE steps_cut IS NOT NULL)
    / nullif(sum(steps_before) FILTER (WHERE steps_cut IS NOT NULL), 0) AS steps_cut,
  sum(trips_before - trips_after) FILTER (WHERE trips_cut IS NOT NULL)
    / nullif(sum(trips_before) FILTER (WHERE trips_cut IS NOT NULL), 0) AS trips_cut,
  sum(auto_fields) FILTER (WHERE auto_fill IS NOT NULL)
    / nullif(sum(form_fields) FILTER (WHERE auto_fill IS NOT NULL), 0) AS auto_fill,
  CAST(count(materials_cut) AS INTEGER) AS materials_n,
  CAST(count(*) FILTER (WHERE meets_materials) AS INTEGER) AS materials_met,
  CAST(count(time_cut) AS INTEGER) AS time_n,
  CAST(count(*) FILTER (WHERE meets_time) AS INTEGER) AS time_met,
  CAST(count(steps_cut) AS INTEGER) AS steps_n,
  CAST(count(*) FILTER (WHERE meets_steps) AS INTEGER) AS steps_met,
  CAST(count(trips_cut) AS INTEGER) AS trips_n,
  CAST(count(*) FILTER (WHERE meets_trips) AS INTEGER) AS trips_met,
  CAST(count(auto_fill) AS INTEGER) AS auto_fill_n,
  CAST(count(*) FILTER (WHERE meets_auto_fill) AS INTEGER) AS auto_fill_met
FROM per_bundle
