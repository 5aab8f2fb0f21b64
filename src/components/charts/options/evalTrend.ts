import type { BreakdownRow } from '../../evaluations/types'
import { CELL_RATE, countText, rateText, share } from '../../../domain/format/rate'
import { STATUS_STYLE } from '../../../domain/format/status'
import { rowTip } from './tooltip'
import { twoBandTrendOption } from './trend'

export interface EvalTrendLabels {
  total: string
  bad: string
  goodRate: string
}

/** Bad reviews per month (bars, below) and the good rate (line, above, in its own band). */
export function buildEvalTrendOption(input: { rows: BreakdownRow[], selected: string | null, zh: boolean }, labels: EvalTrendLabels) {
  const { rows } = input
  return twoBandTrendOption({
    months: rows.map(r => r.key ?? ''),
    bars: { name: labels.bad, values: rows.map(r => r.bad), color: STATUS_STYLE.done_late.color },
    line: { name: labels.goodRate, values: rows.map(r => share(r.good, r.total)), color: STATUS_STYLE.done_on_time.color },
    selected: input.selected,
    zh: input.zh,
    tooltip: rowTip(rows, r => ({ title: r.key ?? '', lines: [[labels.total, countText(r.total)], [labels.bad, countText(r.bad)], [labels.goodRate, rateText(r.good, r.total, CELL_RATE)]] })),
  })
}
