import type { AppChannelRow } from '../../applications/types'
import { CELL_RATE, countText, EMPTY, rateText } from '../../../domain/format/rate'
import { axisTooltip, rowTip } from './tooltip'

export interface ChannelMixLabels {
  volume: string
  accepted: string
  onTime: string
  online: string
  offline: string
  /** After a count in a bar's label ("件"). */
  unit: string
  /** The name of the bar of applications with no channel. */
  missing: string
}

/** Online channels (the 网办率 basis) in one colour, offline ones in another. */
export const CHANNEL_COLORS = { online: '#2f6fb0', offline: '#8a96a3' } as const

/** A channel's share of all applications, "12.5%", or "—" when there are none. */
export function channelShareText(n: number, total: number): string {
  return total > 0 ? `${(n / total * 100).toFixed(1)}%` : EMPTY
}

/** Applications by channel, each bar labelled with its count and share so nothing needs a hover. */
export function buildChannelMixOption(input: { rows: AppChannelRow[] }, labels: ChannelMixLabels) {
  const { rows } = input
  const total = rows.reduce((s, r) => s + r.total, 0)
  const name = (r: AppChannelRow) => r.channel ?? labels.missing
  return {
    animation: false,
    tooltip: axisTooltip(rowTip(rows, r => ({
      title: name(r),
      lines: [
        [labels.volume, `${countText(r.total)}（${channelShareText(r.total, total)}）`],
        [labels.accepted, rateText(r.accepted_1wd, r.accept_due, CELL_RATE)],
        [labels.onTime, rateText(r.on_time, r.completion_due, CELL_RATE)],
      ],
    }))),
    legend: { top: 0, textStyle: { fontSize: 13 } },
    grid: { left: 8, right: 96, top: 32, bottom: 4, containLabel: true },
    xAxis: { type: 'value', minInterval: 1, axisLabel: { fontSize: 12 } },
    yAxis: { type: 'category', inverse: true, data: rows.map(name), axisLabel: { fontSize: 14 } },
    series: (['online', 'offline'] as const).map(kind => ({
      name: labels[kind],
      type: 'bar',
      stack: 'channel',
      barMaxWidth: 28,
      itemStyle: { color: CHANNEL_COLORS[kind] },
      label: {
        show: true,
        position: 'right',
        fontSize: 14,
        formatter: (p: { value: number }) => (p.value > 0 ? `${countText(p.value)} ${labels.unit}（${channelShareText(p.value, total)}）` : ''),
      },
      data: rows.map(r => ((kind === 'online') === r.is_online ? r.total : 0)),
    })),
  }
}
