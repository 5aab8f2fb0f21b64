import type { AppTrendRow } from '../../applications/types'
import { CELL_RATE, countText, rateText, share } from '../../../domain/format/rate'
import { STATUS_STYLE } from '../../../domain/format/status'
import { rowTip } from './tooltip'
import { twoBandTrendOption } from './trend'

export interface AppTrendLabels {
  volume: string
  onTime: string
  online: string
  overdue: string
}

/** The bars' colour: volume is neither good nor bad. */
export const VOLUME_COLOR = '#6f9bd0'

/**
 * Volume per month (bars, below) and the on-time completion rate (line, above, in its own
 * band so its labels never sit on a bar; the online share is in the tooltip and the table).
 */
export function buildAppTrendOption(input: { rows: AppTrendRow[], selected: string | null, zh: boolean }, labels: AppTrendLabels) {
  const { rows } = input
  return twoBandTrendOption({
    months: rows.map(r => r.month),
    bars: { name: labels.volume, values: rows.map(r => r.total), color: VOLUME_COLOR },
    line: { name: labels.onTime, values: rows.map(r => share(r.on_time, r.completion_due)), color: STATUS_STYLE.done_on_time.color },
    selected: input.selected,
    zh: input.zh,
    tooltip: rowTip(rows, r => ({
      title: r.month,
      lines: [
        [labels.volume, countText(r.total)],
        [labels.onTime, rateText(r.on_time, r.completion_due, CELL_RATE)],
        [labels.online, rateText(r.online, r.total, CELL_RATE)],
        [labels.overdue, countText(r.overdue)],
      ],
    })),
  })
}
