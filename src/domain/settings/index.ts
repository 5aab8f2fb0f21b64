/**
 * Rule settings: every threshold a supervision office may set differently. The defaults are
 * the spec's (domain.md §2–§7); the UI edits and keeps them, the command line takes them as-is.
 */
export type DayKind = 'working' | 'calendar'

export interface RuleSettings {
  /** A task not done is "due soon" when due within this many working days after the review date. */
  warningWd: number
  /** 上旬 and 中旬 end on these days of the month. */
  earlyXunEndDay: number
  midXunEndDay: number
  /** The "1、5、15" limits and the kind of day they count. */
  contactDays: number
  rectifyDays: number
  complexDays: number
  dayKind: DayKind
  /** Applications: acceptance within this many working days. */
  acceptWd: number
  /** Reduction targets as fractions. */
  targets: { materials: number, time: number, steps: number, autoFill: number, trips: number }
  /** The ledger flags a lead unit red (overdue task or open overdue bad review) in this many consecutive reviews. */
  repeatRedReviews: number
}

export const DEFAULT_SETTINGS: RuleSettings = {
  warningWd: 5,
  earlyXunEndDay: 10,
  midXunEndDay: 20,
  contactDays: 1,
  rectifyDays: 5,
  complexDays: 15,
  dayKind: 'working',
  acceptWd: 1,
  // "Fewer trips" has no percentage in the seeds: any cut (> 0) meets it, expressed as a tiny positive target.
  targets: { materials: 0.6, time: 0.7, steps: 0.8, autoFill: 0.5, trips: 0.000001 },
  repeatRedReviews: 2,
}

export function withDefaults(partial: Partial<RuleSettings> = {}): RuleSettings {
  return { ...DEFAULT_SETTINGS, ...partial, targets: { ...DEFAULT_SETTINGS.targets, ...partial.targets } }
}
