-- Task status at the review date (domain §3). One row per schedule item and review point (pt:
-- the review, and its month before when asked; review_points.sql).
-- Reads schedule_units (one row per lead or co-operating unit of a task), schedule_unit_lists
-- and calendar_bounds (materialised at load: agg_schedule_units.sql, agg_calendar_bounds.sql).
-- Params: as review_points.sql, and $dept, $bundle, $warning_wd
WITH p AS (
  SELECT pt, as_of, m0, m1,
         CAST($dept AS VARCHAR) AS dept,
         CAST($warning_wd AS INTEGER) AS warning_wd
  FROM (
    {{review_points}}
  ) points
),
bounds AS (
  -- The calendar's last day, and the longest distance between two consecutive working days
  -- in it. When the warning window runs past the last day, the k-th working day after it is
  -- at least k and (taking the longest gap the covered years show, a bound a test checks on
  -- every covered day) at most k * max_gap calendar days later (domain section 4a).
  -- Materialised with the calendar (agg_calendar_bounds.sql).
  SELECT cal_to, max_gap, last_wd FROM calendar_bounds
),
reports AS (
  SELECT p.pt, r.* FROM task_progress r, p WHERE r.report_date <= p.as_of
),
done AS (
  -- The first report saying 已完成 decides; a later 推进中 does not undo it.
  SELECT pt, task_id,
         arg_min(coalesce(done_date, report_date), report_date) AS done_d
  FROM reports WHERE status = '已完成' GROUP BY pt, task_id
),
last_report AS (
  SELECT pt, task_id, max(report_date) AS last_d FROM reports GROUP BY pt, task_id
),
month_report AS (
  -- Reported within the review month (the month of the review date unless one is chosen).
  SELECT DISTINCT r.pt, r.task_id FROM reports r JOIN p ON p.pt = r.pt
  WHERE r.report_date >= coalesce(p.m0, date_trunc('month', p.as_of))
    AND r.report_date <= least(coalesce(p.m1, last_day(p.as_of)), p.as_of)
),
items AS (
  SELECT p.pt, s.*, d.done_d, l.last_d, (mr.task_id IS NOT NULL) AS reported_in_month
  FROM schedule s
  CROSS JOIN p
  LEFT JOIN done d ON d.pt = p.pt AND d.task_id = s.task_id
  LEFT JOIN last_report l ON l.pt = p.pt AND l.task_id = s.task_id
  LEFT JOIN month_report mr ON mr.pt = p.pt AND mr.task_id = s.task_id
  -- A department sees every task it leads or co-operates on, one unit of a split cell (domain §2a).
  WHERE (p.dept IS NULL OR EXISTS (SELECT 1 FROM schedule_units su WHERE su.task_id = s.task_id AND su.unit = p.dept))
    AND (CAST($bundle AS VARCHAR) IS NULL OR s.bundle_name = CAST($bundle AS VARCHAR))
),
judged AS (
  SELECT i.*,
         ca.wd_num AS asof_wd,
         cd.wd_num AS due_wd,
         cdn.wd_num AS done_wd,
         CASE
           WHEN i.deadline_kind IN ('ongoing', 'recurring') THEN CASE WHEN i.reported_in_month THEN 'ongoing_reported' ELSE 'ongoing_unreported' END
           WHEN i.due_date IS NULL AND i.deadline_kind = 'external' THEN 'awaiting_schedule'
           WHEN i.due_date IS NULL THEN 'unparsed'
           WHEN i.done_d IS NOT NULL AND i.done_d <= i.due_date THEN 'done_on_time'
           WHEN i.done_d IS NOT NULL THEN 'done_late'
           WHEN p.as_of > i.due_date THEN 'overdue'
           -- Due from D up to the N-th working day after D (calendar days in between count).
           WHEN i.due_date <= cw.d THEN 'due_soon'
           -- The window ends beyond the calendar: decided only where the unknown year cannot
           -- change the answer; otherwise pending (待定), in no count of due tasks.
           WHEN cw.d IS NULL AND i.due_date <= b.cal_to + CAST(p.warning_wd - (b.last_wd - ca.wd_num) AS INTEGER) THEN 'due_soon'
           WHEN cw.d IS NULL AND i.due_date <= b.cal_to + CAST((p.warning_wd - (b.last_wd - ca.wd_num)) * b.max_gap AS INTEGER) THEN 'pending_calendar'
           ELSE 'on_track'
         END AS status
  FROM items i
  JOIN p ON p.pt = i.pt
  CROSS JOIN bounds b
  LEFT JOIN calendar ca ON ca.d = p.as_of
  LEFT JOIN calendar cw ON cw.workday AND cw.wd_num = ca.wd_num + p.warning_wd
  LEFT JOIN calendar cd ON cd.d = i.due_date
  LEFT JOIN calendar cdn ON cdn.d = i.done_d
)
SELECT
  pt, task_id, section, goal, task, deadline_text, lead_dept, resp_depts, origin, bundle_name,
  strftime(due_date, '%Y-%m-%d') AS due_date,
  deadline_kind, precision, interpretation_zh, interpretation_en,
  status,
  strftime(done_d, '%Y-%m-%d') AS done_date,
  strftime(last_d, '%Y-%m-%d') AS last_report_date,
  reported_in_month,
  -- Working days past the due date (positive) or still remaining (negative), at D, for open dated tasks.
  CAST(CASE WHEN status IN ('overdue', 'due_soon', 'on_track') THEN asof_wd - due_wd END AS INTEGER) AS wd_overdue,
  CAST(CASE WHEN status = 'done_late' THEN done_wd - due_wd END AS INTEGER) AS wd_late,
  -- The single lead and co-operating units, joined by the unit separator (agg_schedule_units.sql).
  ul.lead_units,
  ul.coop_units
FROM judged
LEFT JOIN schedule_unit_lists ul USING (task_id)
ORDER BY pt, sort_key, task_id
