// The parser's public types: see README.md for what each kind and precision means.

export type DeadlineKind = 'date' | 'date_then_ongoing' | 'ongoing' | 'recurring' | 'external' | 'unparsed'
export type DeadlinePrecision = 'day' | 'xun' | 'month' | 'quarter' | 'half_year' | 'year' | 'none'

export interface DeadlineOptions {
  planYear: number
  earlyXunEndDay?: number
  midXunEndDay?: number
}

export interface ParsedDeadline {
  text: string
  kind: DeadlineKind
  dueDate: string | null
  precision: DeadlinePrecision
  interpretation: { zh: string, en: string }
  milestones?: Array<{ date: string, text: string }>
}
