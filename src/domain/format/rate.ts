// A rate never travels without its basis (domain: every rate shows its denominator), and an
// empty denominator is "—", never 0% or NaN. The screen, the command line and the bulletin
// all write rates through here, so "81.3%（13/16）" means the same thing everywhere.

export type RateLang = 'zh' | 'en'

/** What an empty figure shows. */
export const EMPTY = '—'

/** The reason written after "—" when nothing is due, unless the caller names another. */
const NONE_DUE: Record<RateLang, string> = { zh: '无到期', en: 'none due' }

/** Counts as supervisors read them: thousands separators, whatever the locale. */
export function countText(n: number): string {
  return n.toLocaleString('en-US')
}

/** A share in per cent, or null over an empty denominator (charts draw no point there). */
export function share(num: number, den: number): number | null {
  return den > 0 ? num / den * 100 : null
}

/** A fraction 0..1 as "81.3%", or "—" when there is none. */
export function fractionText(v: number | null | undefined): string {
  return v === null || v === undefined ? EMPTY : `${(v * 100).toFixed(1)}%`
}

/** "81.3%", or "—" over an empty denominator. */
export function percentText(num: number, den: number): string {
  return den > 0 ? fractionText(num / den) : EMPTY
}

/** "13/16": the basis a rate is read against. */
export function basisText(num: number, den: number): string {
  return `${countText(num)}/${countText(den)}`
}

/** Text in brackets as each language writes them: "（…）" in Chinese, " (…)" in English. */
export function bracketed(text: string, lang: RateLang): string {
  return lang === 'zh' ? `（${text}）` : ` (${text})`
}

export interface RateStyle {
  lang: RateLang
  /**
   * After "—" when the denominator is 0: a reason in brackets ("—（无到期）" by default), or
   * nothing at all with null (a table cell, where the column says what is counted).
   */
  reason?: string | null | undefined
  /** Brackets around the basis when they differ from the reason's (the CLI writes " (13/16)" in both languages). */
  basisLang?: RateLang
}

/** "81.3%（13/16）" or "81.3% (13/16)"; "—（无到期）", "— (none due)" or "—" when nothing is due. */
export function rateText(num: number, den: number, style: RateStyle): string {
  if (den === 0) {
    const reason = style.reason === undefined ? NONE_DUE[style.lang] : style.reason
    return reason === null ? EMPTY : `${EMPTY}${bracketed(reason, style.lang)}`
  }
  return `${percentText(num, den)}${bracketed(basisText(num, den), style.basisLang ?? style.lang)}`
}

/** The screen's table cells and tooltips: "62.5%（5/8）", or a bare "—" (the column says what is counted). */
export const CELL_RATE: RateStyle = { lang: 'zh', reason: null }
