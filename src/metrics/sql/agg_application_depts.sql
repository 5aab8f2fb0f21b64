-- application_agg (agg_applications.sql) summed over bundle and region: the changes by
-- department, channel, month of submission, day and pending year. Materialised as the table
-- application_dept_agg right after application_agg (src/metrics/prepare.ts). The review
-- filters by department, month and channel only (bundle and region are seldom chosen), and
-- this table has a few rows per department and day, where application_agg has about as many
-- rows as there are applications: agg_application_counts.sql reads this one whenever it can.
SELECT d.dept, d.channel, d.is_online, g.sub_m, g.day, g.pend_year,
       CAST(sum(g.total) AS INTEGER) AS total,
       CAST(sum(g.online) AS INTEGER) AS online,
       CAST(sum(g.instant) AS INTEGER) AS instant,
       CAST(sum(g.trips_sum) AS BIGINT) AS trips_sum,
       CAST(sum(g.trips_n) AS INTEGER) AS trips_n,
       CAST(sum(g.accept_pending) AS INTEGER) AS accept_pending,
       CAST(sum(g.accept_due) AS INTEGER) AS accept_due,
       CAST(sum(g.accepted_1wd) AS INTEGER) AS accepted_1wd,
       CAST(sum(g.completion_due) AS INTEGER) AS completion_due,
       CAST(sum(g.on_time) AS INTEGER) AS on_time,
       CAST(sum(g.overdue) AS INTEGER) AS overdue,
       CAST(sum(g.open_overdue) AS INTEGER) AS open_overdue,
       CAST(sum(g.completion_pending) AS INTEGER) AS completion_pending
FROM application_agg g
JOIN application_dims d USING (dims_id)
GROUP BY d.dept, d.channel, d.is_online, g.sub_m, g.day, g.pend_year
ORDER BY g.sub_m, g.day
