-- Each task's single lead units and co-operating units, each joined by the unit separator
-- (U+001F, never in a name) in the order of the cell: task_status.sql's lead_units and
-- coop_units. They depend on the schedule alone, so they are materialised as the table
-- schedule_unit_lists (src/metrics/prepare.ts) with schedule_units, instead of two correlated
-- aggregates per task in each read. A task with no unit of a role gets NULL, as an aggregate
-- over no rows does.
SELECT task_id,
       string_agg(unit, chr(31) ORDER BY ord) FILTER (WHERE role = 'lead') AS lead_units,
       string_agg(unit, chr(31) ORDER BY ord) FILTER (WHERE role = 'coop') AS coop_units
FROM schedule_units
GROUP BY task_id
