import type { Analysis } from '../metrics/analysis'
import type { Row } from '../metrics/db/types'
import type { LedgerComparison } from '../metrics/ledger'
import type { Dataset } from '../ingest/dataset/dataset'
import type { MetricsQuery } from '../metrics/run'
import type { MetricsResult } from '../metrics/types'
import type { CaseState, Provenance, ReportCase } from './types'
import { CalendarCoverageError } from '../domain/calendar'
import { previousReview } from '../domain/dates'
import { reviewParams } from '../metrics/review'
import { composeSql } from '../metrics/sql'
import { maskIdNumber, maskName, maskPhone, textMasker } from '../domain/text/mask'
import { gatherLedger } from './sections/ledger'
import { timed } from '../domain/timing'

/** The review a bulletin reports: the view's month, review date and filters. */
export interface ReportQuery extends Omit<MetricsQuery, 'month'> {
  month: string
  /** The data's last day, which reviews the previous month when it is the data's last (see reviewDate). */
  dataEnd?: string | null
}

// The ledger lists bad reviews, it computes no figure: the 1、5、15 state of each case comes
// from bad_review_cases.sql (run over all months), formatted and narrowed to the bulletin's
// period — rated in the month, or rated before and still not closed when the month began.
const LEDGER_SQL = (cases: string) => `
WITH cases AS (
${cases}
)
SELECT c.eval_id, c.dept, c.matter_name, c.channel, c.verdict, c.is_complex, c.excluded,
       c.open_overdue, c.is_open, c.contact_on_time, c.contact_pending,
       c.rectify_due, c.rectify_on_time, c.complex_due, c.complex_on_time,
       strftime(c.rated_d, '%Y-%m-%d') AS rated_date,
       strftime(c.contacted_d, '%Y-%m-%d') AS contacted_date,
       strftime(c.case_done, '%Y-%m-%d') AS done_date,
       CAST(cl.wd_num - c.asof_wd AS INTEGER) AS wd_remaining
FROM cases c
LEFT JOIN calendar cl ON cl.d = CASE WHEN c.contacted_d IS NULL THEN c.contact_limit ELSE c.case_limit END
WHERE c.rated_d >= CAST($ledger_from AS DATE)
   OR (c.excluded AND (c.contacted_d IS NULL OR c.contacted_d >= CAST($ledger_from AS DATE)))
   OR (NOT c.excluded AND (c.case_done IS NULL OR c.case_done >= CAST($ledger_from AS DATE)))
ORDER BY c.open_overdue DESC, c.is_open DESC, c.rated_d, c.eval_id`

function caseState(r: Row): CaseState {
  if (r.excluded)
    return 'excluded'
  if (r.contact_pending)
    return 'pending_calendar'
  if (r.open_overdue)
    return 'open_overdue'
  if (r.is_open)
    return 'open'
  const late = (r.rectify_due && !r.rectify_on_time) || (r.complex_due && !r.complex_on_time) || !r.contact_on_time
  return late ? 'done_late' : 'done_on_time'
}

/**
 * Personal columns of the ledger's evaluations, masked here so nothing unmasked leaves this
 * module. Names of every reviewer and staff member in the data are masked inside comments.
 */
function personalByEval(ds: Dataset, ids: Set<string>): Map<string, { person: string | null, phone: string | null, comment: string | null }> {
  const t = ds.tables.evaluations
  const [id, person, staff, phone, idNo, comment] = ['eval_id', 'person', 'staff', 'phone', 'id_number', 'comment'].map(c => t.columns.indexOf(c)) as number[]
  const cell = (r: Array<string | null>, i: number) => (i >= 0 ? r[i] ?? null : null)
  const mask = textMasker(t.rows.flatMap(r => [cell(r, person!), cell(r, staff!)]).filter((v): v is string => !!v))
  const out = new Map<string, { person: string | null, phone: string | null, comment: string | null }>()
  for (const r of t.rows) {
    const key = cell(r, id!)
    if (!key || !ids.has(key))
      continue
    const contact = [cell(r, phone!) && maskPhone(cell(r, phone!)!), cell(r, idNo!) && maskIdNumber(cell(r, idNo!)!)].filter(Boolean).join(' / ')
    const name = cell(r, person!)
    const text = cell(r, comment!)
    out.set(key, { person: name ? maskName(name) : null, phone: contact || null, comment: text ? mask(text) : null })
  }
  return out
}

async function metricsOrNull(analysis: Analysis, q: MetricsQuery): Promise<MetricsResult | null> {
  try {
    return await analysis.metrics(q)
  }
  catch (e) {
    if (e instanceof CalendarCoverageError)
      return null
    throw e
  }
}

/** The bad reviews of the ledger, from bad_review_cases.sql at the review date, masked. */
async function ledgerCases(analysis: Analysis, q: ReportQuery, filters: Pick<MetricsQuery, 'dept' | 'bundle' | 'region' | 'channel'>): Promise<ReportCase[]> {
  const params = reviewParams({ asOf: q.asOf, month: null, ...filters }, await analysis.ruleSettings(), { ledger_from: `${q.month}-01` })
  const sql = LEDGER_SQL(composeSql(analysis.sql, 'bad_review_cases'))
  const used = Object.fromEntries(Object.entries(params).filter(([k]) => new RegExp(`\\$${k}\\b`).test(sql)))
  // Not a figure, so not one of Analysis's reads; it still waits for the tables to be whole.
  await analysis.ready()
  const rows = await timed('cases', () => analysis.db.query(sql, used))
  const personal = personalByEval(analysis.dataset, new Set(rows.map(r => String(r.eval_id))))
  return rows.map((r): ReportCase => {
    const p = personal.get(String(r.eval_id))
    return {
      eval_id: String(r.eval_id),
      dept: String(r.dept),
      matter_name: r.matter_name === null ? null : String(r.matter_name),
      channel: r.channel === null ? null : String(r.channel),
      rated_date: String(r.rated_date),
      person: p?.person ?? null,
      phone: p?.phone ?? null,
      comment: p?.comment ?? null,
      verdict: r.verdict === null ? null : String(r.verdict),
      is_complex: Boolean(r.is_complex),
      state: caseState(r),
      contacted_date: r.contacted_date === null ? null : String(r.contacted_date),
      done_date: r.done_date === null ? null : String(r.done_date),
      wd_remaining: r.is_open || r.contacted_date === null ? (r.wd_remaining as number | null) : null,
    }
  })
}

/**
 * Everything the bulletin shows, from one loaded data set: the month's figures (the same
 * Analysis.metrics the screen and `duban metrics` read), the previous month's at its own
 * review date for the changes, and the bad-review ledger. Asked all at once — the engine
 * answers one after another, and the masking in JavaScript runs meanwhile — and awaited in
 * that order, so a failure is the one the first of them gives, as when they ran in turn.
 */
export async function gatherReport(analysis: Analysis, q: ReportQuery): Promise<{ current: MetricsResult, previous: MetricsResult | null, cases: ReportCase[], ledger: LedgerComparison | null }> {
  const { dataEnd, ...review } = q
  const filters = { dept: q.dept ?? null, bundle: q.bundle ?? null, region: q.region ?? null, channel: q.channel ?? null }
  const current = timed('current', () => analysis.metrics({ ...review, ...filters }))
  const previous = timed('previous', () => metricsOrNull(analysis, { ...previousReview(q.month, q.asOf, dataEnd), ...filters }))
  const cases = ledgerCases(analysis, q, filters)
  const ledger = timed('ledger', () => gatherLedger(analysis, q))
  // Each is awaited below; one failing before an earlier one is awaited is not unhandled.
  for (const p of [previous, cases, ledger])
    p.catch(() => {})
  return { current: await current, previous: await previous, cases: await cases, ledger: await ledger }
}

/** The provenance block's list of files: what was loaded, with its hash. */
export function provenanceOf(ds: Dataset, generator: string): Provenance {
  return {
    files: ds.files.map(f => ({ name: f.name, table: f.table, rows: f.goodRows, bytes: f.bytes, sha256: f.sha256 })),
    generator,
  }
}
