import type { BreakdownRow } from '../../evaluations/types'
import { CELL_RATE, countText, rateText } from '../../../domain/format/rate'
import { STATUS_STYLE } from '../../../domain/format/status'
import { badSegments } from './badSegments'
import { axisTooltip, rowTip } from './tooltip'

export interface BadByLabels {
  total: string
  bad: string
  goodRate: string
  openOverdue: string
  otherBad: string
  carried: string
  /** After the count of bad reviews in a bar's label ("条"). */
  unit: string
  /** The name of the bar of reviews with the dimension not filled in. */
  missing: string
  /** "其中超期 n 条", with n already written as a count. */
  overdueOf: (n: string) => string
  /** "往月遗留 n 条", likewise. */
  carriedOf: (n: string) => string
}

const BAR = { type: 'bar', stack: 'bad', barMaxWidth: 26 } as const

/**
 * Bad reviews by one dimension, open overdue ones in red at the base of each bar: the rows
 * come in urgency order (most open overdue, then most bad), the order a review reads.
 */
export function buildBadByOption(input: { rows: BreakdownRow[] }, labels: BadByLabels) {
  const { rows } = input
  const name = (r: BreakdownRow) => r.key ?? labels.missing
  // The label sits at the end of the stack and gives the month's bad reviews, with the open
  // overdue count in words: a red sliver of a few cases among hundreds is too thin to label.
  const endLabel = (p: { dataIndex: number }) => {
    const r = rows[p.dataIndex]
    if (!r)
      return ''
    const bad = `{b|${`${countText(r.bad)} ${labels.unit}`.trim()}}`
    const own = badSegments(r).overdue
    const overdue = own > 0 ? ` {o|${labels.overdueOf(countText(own))}}` : ''
    const carried = r.carried_over > 0 ? ` {o|${labels.carriedOf(countText(r.carried_over))}}` : ''
    return `${bad}${overdue}${carried}`
  }
  return {
    animation: false,
    tooltip: axisTooltip(rowTip(rows, r => ({
      title: name(r),
      lines: [
        [labels.total, countText(r.total)],
        [labels.bad, countText(r.bad)],
        [labels.goodRate, rateText(r.good, r.total, CELL_RATE)],
        [labels.openOverdue, countText(r.open_overdue)],
        ...(r.carried_over > 0 ? [[labels.carried, countText(r.carried_over)] as const] : []),
      ],
    }))),
    legend: { top: 0, textStyle: { fontSize: 13 } },
    grid: { left: 8, right: 110, top: 32, bottom: 4, containLabel: true },
    xAxis: { type: 'value', minInterval: 1, axisLabel: { fontSize: 12 } },
    yAxis: { type: 'category', inverse: true, data: rows.map(name), axisLabel: { fontSize: 13, width: 140, overflow: 'truncate' } },
    series: [
      { ...BAR, name: labels.openOverdue, itemStyle: { color: STATUS_STYLE.overdue.color }, data: rows.map(r => badSegments(r).overdue) },
      { ...BAR, name: labels.otherBad, itemStyle: { color: STATUS_STYLE.done_late.color }, data: rows.map(r => badSegments(r).other) },
      {
        // Open past a limit but rated before the month: the month's stock, drawn after its
        // own bad reviews so the bar's length up to here is still the month's count (§8a).
        ...BAR,
        name: labels.carried,
        itemStyle: { color: STATUS_STYLE.overdue.color, decal: { symbol: 'rect', dashArrayX: [1, 0], dashArrayY: [2, 4], rotation: -Math.PI / 4, color: 'rgba(255,255,255,0.6)' } },
        label: {
          show: true,
          position: 'right',
          fontSize: 14,
          formatter: endLabel,
          rich: { b: { fontSize: 14, fontWeight: 'bold' }, o: { fontSize: 13, fontWeight: 'bold', color: STATUS_STYLE.overdue.text } },
        },
        data: rows.map(r => badSegments(r).carried),
      },
    ],
  }
}
