// The rows of the evaluation SQL files, as metrics/rows.ts declares them (checked against
// DuckDB by test/metrics/rows.test.ts). `carried` (open_cases): rated before the chosen month
// and still open (往月遗留); `carried_over` (breakdown): of open_overdue, those rows.
export type { BreakdownRow, ExcludedCaseRow, OpenCaseRow } from '../../metrics/rows'
