import type { LedgerComparison } from '../metrics/ledger'
import type { MetricsResult } from '../metrics/types'

export type ReportLang = 'zh' | 'en'

/** One data file the figures came from, as the provenance block lists it. */
export interface ReportFile {
  name: string
  table: string | null
  rows: number
  bytes: number
  sha256: string
}

export interface Provenance {
  files: ReportFile[]
  /** What made the report, e.g. `duban 0.1.0 (command line)`. */
  generator: string
}

/** The state of one bad review in the bulletin's ledger at the review date. */
export type CaseState = 'open_overdue' | 'open' | 'done_on_time' | 'done_late' | 'excluded' | 'pending_calendar'

/**
 * A bad review in the ledger (本期差评台账): rated in the month, or rated earlier and not yet
 * closed when the month began. Personal fields arrive already masked.
 */
export interface ReportCase {
  eval_id: string
  dept: string
  matter_name: string | null
  channel: string | null
  rated_date: string
  person: string | null
  phone: string | null
  comment: string | null
  verdict: string | null
  is_complex: boolean
  state: CaseState
  contacted_date: string | null
  done_date: string | null
  /** Working days to the next limit (negative: that many past it); null when nothing is pending. */
  wd_remaining: number | null
}

export interface ReportInput {
  current: MetricsResult
  /** The previous month at its last day, or null when it cannot be computed (outside the calendar). */
  previous: MetricsResult | null
  cases: ReportCase[]
  /** The ledger since the end of the previous month (sections/ledger.ts); absent: no such section, null: not computable. */
  ledger?: LedgerComparison | null
  provenance: Provenance
  issuer: string
  /** Defaults to the bulletin's standard title for the month. */
  title?: string | null
  /** ISO timestamp; shown in China time. */
  generatedAt: string
  lang: ReportLang
  /** A visible text repeated across every page (e.g. 内部资料 注意保密); none when empty. */
  watermark?: string | null
}
