import type { ReductionBundle } from '../../../metrics/types'
import { fractionText } from '../../../domain/format/rate'
import { itemTooltip } from './tooltip'

export type ReductionMetric = 'materials' | 'time' | 'steps' | 'trips' | 'auto_fill'

export interface ReductionBarLabels {
  met: string
  missed: string
  /** The target line's text: "目标 60%", or "减少即达标" for trips. */
  target: string
}

/** A met target in green, a missed one in red. */
export const TARGET_COLORS = { met: '#2e9d57', missed: '#d93026' } as const

export interface ReductionBar {
  name: string
  /** The cut (or the auto-fill share) as a fraction 0..1. */
  value: number
}

/** The bundles that have the metric, lowest first: the ones furthest from the target lead. */
export function reductionBars(bundles: ReductionBundle[], metric: ReductionMetric): ReductionBar[] {
  const valueOf = (b: ReductionBundle): number | null => (metric === 'auto_fill' ? b.auto_fill : b[`${metric}_cut`])
  return bundles.flatMap((b) => {
    const value = valueOf(b)
    return value === null ? [] : [{ name: b.bundle_name, value }]
  }).sort((x, y) => x.value - y.value)
}

/** One bar per bundle, the target as a line; a bar below its target is red and says so in its label. */
export function buildReductionBarOption(input: { bars: ReductionBar[], target: number }, labels: ReductionBarLabels) {
  const { bars, target } = input
  const meets = (v: number) => v >= target
  return {
    animation: false,
    grid: { left: 8, right: 56, top: 16, bottom: 24, containLabel: true },
    tooltip: itemTooltip(({ dataIndex }) => {
      const b = bars[dataIndex]
      return b ? { title: b.name, lines: [`${fractionText(b.value)}（${meets(b.value) ? labels.met : labels.missed}，${labels.target}）`] } : null
    }),
    xAxis: { type: 'value', min: 0, max: 1, axisLabel: { formatter: (v: number) => `${Math.round(v * 100)}%` } },
    yAxis: { type: 'category', data: bars.map(b => b.name), axisLabel: { width: 180, overflow: 'truncate' } },
    series: [{
      type: 'bar',
      data: bars.map(b => ({ value: b.value, itemStyle: { color: meets(b.value) ? TARGET_COLORS.met : TARGET_COLORS.missed } })),
      label: { show: true, position: 'right', formatter: (p: { value: number }) => `${fractionText(p.value)}${meets(p.value) ? '' : ' ✖'}` },
      markLine: { symbol: 'none', lineStyle: { color: '#333', type: 'dashed', width: 2 }, label: { formatter: labels.target }, data: [{ xAxis: target }] },
    }],
  }
}
