// The rows of the application SQL files, as metrics/rows.ts declares them (checked against
// DuckDB by test/metrics/rows.test.ts). `carried` (overdue_applications): submitted before the
// chosen month and still open past its limit (往月遗留).
import type { AppChannelRow, AppTrendRow } from '../../metrics/rows'

export type { AppChannelRow, AppTrendRow, OverdueAppRow } from '../../metrics/rows'

/** Counts shared by applications_trend.sql and applications_by_channel.sql rows. */
export type AppCounts = Pick<AppTrendRow & AppChannelRow, 'total' | 'accept_due' | 'accepted_1wd' | 'completion_due' | 'on_time' | 'overdue'>
