import type { Tip } from './tooltip'
import { countText } from '../../../domain/format/rate'
import { monthTick, rateAxisMin } from './axis'
import { axisTooltip } from './tooltip'

export interface TwoBandTrend {
  months: string[]
  bars: { name: string, values: number[], color: string }
  /** Per cent, null where the month has nothing to rate. */
  line: { name: string, values: Array<number | null>, color: string }
  selected: string | null
  zh: boolean
  /** What the tooltip says about the month at an index (plain text: it is escaped). */
  tooltip: (index: number) => Tip | null
}

/**
 * A month trend in two bands sharing the months: a rate line above, counts as bars below, so
 * no label ever sits on another. With many months only the latest and the chosen month keep
 * their rate label, and counts get a smaller font: the table view holds every number.
 */
export function twoBandTrendOption(o: TwoBandTrend) {
  const many = o.months.length > 6
  const last = o.months.length - 1
  const showRate = (i: number) => !many || i === last || o.months[i] === o.selected
  // Three ticks, the floor, half way and 100%, so the band never shows an odd scale.
  const floor = rateAxisMin(o.line.values)
  return {
    animation: false,
    tooltip: axisTooltip(o.tooltip, 'line'),
    legend: { top: 0, textStyle: { fontSize: 13 } },
    grid: [
      { left: 56, right: 24, top: 48, height: '20%' },
      { left: 56, right: 24, top: '50%', bottom: many ? 44 : 28 },
    ],
    xAxis: [
      { type: 'category', gridIndex: 0, data: o.months, axisLabel: { show: false }, axisTick: { show: false } },
      { type: 'category', gridIndex: 1, data: o.months, axisLabel: { fontSize: 13, interval: 0, formatter: (v: string, i: number) => monthTick(v, i, o.zh) } },
    ],
    yAxis: [
      { type: 'value', gridIndex: 0, min: floor, max: 100, interval: (100 - floor) / 2, axisLabel: { fontSize: 11, formatter: '{value}%' } },
      { type: 'value', gridIndex: 1, minInterval: 1, splitNumber: 3, axisLabel: { fontSize: 12 } },
    ],
    series: [
      {
        name: o.bars.name,
        type: 'bar',
        xAxisIndex: 1,
        yAxisIndex: 1,
        barMaxWidth: 36,
        itemStyle: { color: o.bars.color },
        label: { show: true, position: 'top', fontSize: many ? 11 : 14, fontWeight: many ? 'normal' : 'bold', formatter: (p: { value: number }) => countText(p.value) },
        data: o.bars.values.map((v, i) => ({
          value: v,
          itemStyle: { color: o.bars.color, ...(o.months[i] === o.selected ? { borderColor: '#222', borderWidth: 2 } : {}) },
        })),
      },
      {
        name: o.line.name,
        type: 'line',
        xAxisIndex: 0,
        yAxisIndex: 0,
        symbol: 'circle',
        symbolSize: 8,
        itemStyle: { color: o.line.color },
        label: {
          show: true,
          position: 'top',
          fontSize: 13,
          fontWeight: 'bold',
          formatter: (p: { value: number | null, dataIndex: number }) => (p.value === null || !showRate(p.dataIndex) ? '' : `${p.value.toFixed(1)}%`),
        },
        data: o.line.values,
      },
    ],
  }
}
