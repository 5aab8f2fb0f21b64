import { CELL_RATE, countText, percentText, rateText } from '../../../domain/format/rate'
import { STATUS_STYLE } from '../../../domain/format/status'
import { axisTooltip, rowTip } from './tooltip'

/** One step of "1、5、15": its name, its limit as the rule settings give it, and its counts. */
export interface RuleStep {
  name: string
  limit: string
  due: number
  onTime: number
}

export interface RuleLabels {
  due: string
  onTime: string
  late: string
  /** Under a step with nothing due, instead of a rate. */
  noneDue: string
}

/** Bars of "due" and "late" next to "on time": the colours of an unknown, a met and a missed limit. */
export const RULE_COLORS = { due: '#5b7fa6', onTime: STATUS_STYLE.done_on_time.color, late: STATUS_STYLE.overdue.color } as const

/** The three steps side by side: how many were due, how many on time and how many late. */
export function buildRuleOption(input: { steps: RuleStep[] }, labels: RuleLabels) {
  const { steps } = input
  const bars = (key: keyof typeof RULE_COLORS, value: (s: RuleStep) => number) => ({
    name: labels[key],
    type: 'bar',
    barMaxWidth: 34,
    itemStyle: { color: RULE_COLORS[key] },
    label: { show: true, position: 'top', fontSize: 14 },
    data: steps.map(value),
  })
  return {
    animation: false,
    tooltip: axisTooltip(rowTip(steps, s => ({ title: `${s.name}（${s.limit}）`, lines: [[labels.due, countText(s.due)], [labels.onTime, rateText(s.onTime, s.due, CELL_RATE)]] }))),
    legend: { top: 0, textStyle: { fontSize: 13 } },
    grid: { left: 8, right: 8, top: 34, bottom: 4, containLabel: true },
    xAxis: {
      type: 'category',
      data: steps.map(s => s.name),
      // The rate is written under each step, so the chart reads without hovering.
      axisLabel: {
        interval: 0,
        fontSize: 13,
        lineHeight: 18,
        formatter: (_: string, i: number) => {
          const s = steps[i]
          return s ? `${s.name}\n{limit|${s.limit}}\n{rate|${s.due > 0 ? percentText(s.onTime, s.due) : labels.noneDue}}` : ''
        },
        rich: { limit: { fontSize: 12, lineHeight: 16, color: '#6b7785' }, rate: { fontSize: 17, fontWeight: 'bold', lineHeight: 24 } },
      },
    },
    yAxis: { type: 'value', minInterval: 1, axisLabel: { fontSize: 12 } },
    series: [bars('due', s => s.due), bars('onTime', s => s.onTime), bars('late', s => s.due - s.onTime)],
  }
}
