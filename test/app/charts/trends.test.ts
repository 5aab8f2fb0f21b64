import { describe, expect, it } from 'vitest'
import { buildAppTrendOption, VOLUME_COLOR } from '../../../src/components/charts/options/appTrend'
import { monthTick, rateAxisMin } from '../../../src/components/charts/options/axis'
import { buildEvalTrendOption } from '../../../src/components/charts/options/evalTrend'
import { STATUS_STYLE } from '../../../src/domain/format/status'
import { appMonth, breakdown, XSS, XSS_ESCAPED } from './fixtures'

const appLabels = { volume: '办件量', onTime: '按时办结率', online: '网办率', overdue: '超期' }
const evalLabels = { total: '评价', bad: '差评', goodRate: '好评率' }

/** The bars' points: each a count with its own style (the chosen month is outlined). */
function barPoints(o: { series: Array<{ data: unknown }> }) {
  return o.series[0]!.data as Array<{ value: number, itemStyle: Record<string, unknown> }>
}

describe('applications by month', () => {
  const rows = [
    appMonth('2024-09', { total: 1200, online: 900, completion_due: 8, on_time: 5, overdue: 2 }),
    appMonth('2024-10', { total: 10, online: 0, completion_due: 0, on_time: 0, overdue: 0 }),
  ]
  const o = buildAppTrendOption({ rows, selected: '2024-10', zh: true }, appLabels)

  it('draws volume as bars, the on-time rate as a line with no point where nothing was due', () => {
    const [bars, line] = o.series
    expect(barPoints(o).map(d => d.value)).toEqual([1200, 10])
    expect(bars!.itemStyle.color).toBe(VOLUME_COLOR)
    expect(line!.data).toEqual([62.5, null])
    expect(line!.itemStyle.color).toBe(STATUS_STYLE.done_on_time.color)
  })
  it('outlines the chosen month only', () => {
    expect(barPoints(o).map(d => 'borderWidth' in d.itemStyle)).toEqual([false, true])
  })
  it('gives every rate in the tooltip with its basis, "—" over nothing due', () => {
    expect(o.tooltip.formatter([{ dataIndex: 0 }])).toBe('<b>2024-09</b><br/>办件量：1,200<br/>按时办结率：62.5%（5/8）<br/>网办率：75.0%（900/1,200）<br/>超期：2')
    expect(o.tooltip.formatter([{ dataIndex: 1 }])).toContain('按时办结率：—')
  })
  it('escapes a label in the tooltip', () => {
    const x = buildAppTrendOption({ rows, selected: null, zh: true }, { ...appLabels, volume: XSS })
    expect(x.tooltip.formatter([{ dataIndex: 0 }])).toContain(`${XSS_ESCAPED}：1,200`)
  })
})

describe('evaluations by month', () => {
  const rows = [breakdown('2024-09', { total: 100, good: 97, bad: 3 }), breakdown(XSS, { total: 4, good: 4 })]
  const o = buildEvalTrendOption({ rows, selected: null, zh: false }, evalLabels)

  it('draws bad reviews as orange bars and the good rate as a green line', () => {
    expect(barPoints(o).map(d => d.value)).toEqual([3, 0])
    expect(o.series[0]!.itemStyle.color).toBe(STATUS_STYLE.done_late.color)
    expect(o.series[1]!.data).toEqual([97, 100])
    expect(o.series[1]!.itemStyle.color).toBe(STATUS_STYLE.done_on_time.color)
    expect(o.yAxis[0]!.min).toBe(90)
  })
  it('shows counts and the good rate with its basis; a month string from the data is escaped', () => {
    expect(o.tooltip.formatter([{ dataIndex: 0 }])).toBe('<b>2024-09</b><br/>评价：100<br/>差评：3<br/>好评率：97.0%（97/100）')
    expect(o.tooltip.formatter([{ dataIndex: 1 }])).toContain(`<b>${XSS_ESCAPED}</b>`)
    expect(o.tooltip.formatter([{ dataIndex: 1 }])).not.toContain('<img')
  })
})

describe('month axis', () => {
  it('writes the year under the first month and January only', () => {
    expect(monthTick('2024-12', 0, true)).toBe('12月\n2024年')
    expect(monthTick('2025-01', 1, true)).toBe('1月\n2025年')
    expect(monthTick('2025-02', 2, false)).toBe('Feb')
  })
  it('starts the rate band at the tens below the lowest rate, 0 with none', () => {
    expect(rateAxisMin([94, null, 98])).toBe(90)
    expect(rateAxisMin([90])).toBe(80)
    expect(rateAxisMin([null])).toBe(0)
  })
})
