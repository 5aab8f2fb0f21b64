import type { MetricsResult } from '../metrics/types'
import type { ReportInput, ReportLang } from './types'

/** What every section renders from: the input, the language, and running figure numbers. */
export interface Ctx {
  input: ReportInput
  lang: ReportLang
  cur: MetricsResult
  prev: MetricsResult | null
  /** Picks the text of the report's language. */
  t: (zh: string, en: string) => string
  /** The next figure's number (图1, 图2, …). */
  figure: () => number
}

export function makeCtx(input: ReportInput): Ctx {
  let fig = 0
  return {
    input,
    lang: input.lang,
    cur: input.current,
    prev: input.previous,
    t: (zh, en) => (input.lang === 'zh' ? zh : en),
    figure: () => ++fig,
  }
}
