import { describe, expect, it } from 'vitest'
import { buildBadByOption } from '../../../src/components/charts/options/badBy'
import { buildChannelMixOption, CHANNEL_COLORS, channelShareText } from '../../../src/components/charts/options/channelMix'
import { buildReductionBarOption, reductionBars, TARGET_COLORS } from '../../../src/components/charts/options/reductionBar'
import { buildRuleOption, RULE_COLORS } from '../../../src/components/charts/options/rule'
import { STATUS_STYLE } from '../../../src/domain/format/status'
import { appChannel, breakdown, XSS, XSS_ESCAPED } from './fixtures'

const badLabels = {
  total: '评价',
  bad: '差评',
  goodRate: '好评率',
  openOverdue: '超期未办',
  otherBad: '其他差评',
  carried: '往月遗留',
  unit: '条',
  missing: '（未填写）',
  overdueOf: (n: string) => `✖超期${n}`,
  carriedOf: (n: string) => `另往月遗留${n}`,
}

describe('bad reviews by one dimension', () => {
  const rows = [breakdown('甲局', { total: 2000, good: 1980, bad: 20, open_overdue: 20, carried_over: 15 }), breakdown(null, { total: 5, good: 5 })]
  const o = buildBadByOption({ rows }, badLabels)
  const end = o.series[2]!
  const endLabel = 'label' in end ? end.label.formatter : () => 'no label on the last series'

  it('stacks the month\'s overdue, its other bad reviews and the carried ones, red, orange and hatched red', () => {
    expect(o.series.map(s => s.data)).toEqual([[5, 0], [15, 0], [15, 0]])
    expect(o.series.map(s => s.itemStyle.color)).toEqual([STATUS_STYLE.overdue.color, STATUS_STYLE.done_late.color, STATUS_STYLE.overdue.color])
    expect(o.yAxis.data).toEqual(['甲局', '（未填写）'])
  })
  it('labels the bar end with the month\'s bad reviews and the overdue ones in words', () => {
    expect(endLabel({ dataIndex: 0 })).toBe('{b|20 条} {o|✖超期5} {o|另往月遗留15}')
    expect(endLabel({ dataIndex: 1 })).toBe('{b|0 条}')
  })
  it('gives the good rate with its basis and the carried count only where there is one', () => {
    expect(o.tooltip.formatter([{ dataIndex: 0 }])).toBe('<b>甲局</b><br/>评价：2,000<br/>差评：20<br/>好评率：99.0%（1,980/2,000）<br/>超期未办：20<br/>往月遗留：15')
    expect(o.tooltip.formatter([{ dataIndex: 1 }])).not.toContain('往月遗留')
  })
  it('escapes a unit or matter name from the data', () => {
    const html = buildBadByOption({ rows: [breakdown(XSS, { total: 1, bad: 1 })] }, badLabels).tooltip.formatter([{ dataIndex: 0 }])
    expect(html).toContain(`<b>${XSS_ESCAPED}</b>`)
    expect(html).not.toContain('<img')
  })
})

describe('applications by channel', () => {
  const labels = { volume: '办件量', accepted: '受理率', onTime: '按时率', online: '线上', offline: '线下', unit: '件', missing: '（未填写）' }
  const rows = [appChannel('网上', true, { total: 300, accept_due: 10, accepted_1wd: 9 }), appChannel(null, false, { total: 100 })]
  const o = buildChannelMixOption({ rows }, labels)

  it('puts each channel in the online or the offline series, in its colour', () => {
    expect(o.series.map(s => [s.name, s.itemStyle.color, s.data])).toEqual([['线上', CHANNEL_COLORS.online, [300, 0]], ['线下', CHANNEL_COLORS.offline, [0, 100]]])
    expect(o.series[0]!.label.formatter({ value: 300 })).toBe('300 件（75.0%）')
    expect(channelShareText(1, 0)).toBe('—')
  })
  it('shows volume with its share and the rates with their basis; "—" where nothing is due', () => {
    expect(o.tooltip.formatter([{ dataIndex: 0 }])).toBe('<b>网上</b><br/>办件量：300（75.0%）<br/>受理率：90.0%（9/10）<br/>按时率：—')
    expect(o.tooltip.formatter([{ dataIndex: 1 }])).toContain('<b>（未填写）</b>')
  })
  it('escapes a channel name from the data', () => {
    const html = buildChannelMixOption({ rows: [appChannel(XSS, true, { total: 1 })] }, labels).tooltip.formatter([{ dataIndex: 0 }])
    expect(html).toContain(`<b>${XSS_ESCAPED}</b>`)
    expect(html).not.toContain('<img')
  })
})

describe('rule 1-5-15', () => {
  const labels = { due: '应办', onTime: '按时', late: '超时', noneDue: '—（无到期）' }
  const steps = [
    { name: '联系', limit: '1个工作日内', due: 8, onTime: 5 },
    { name: '整改', limit: '5个工作日内', due: 0, onTime: 0 },
  ]
  const o = buildRuleOption({ steps }, labels)

  it('draws due, on time and late per step, late in red', () => {
    expect(o.series.map(s => s.data)).toEqual([[8, 0], [5, 0], [3, 0]])
    expect(o.series.map(s => s.itemStyle.color)).toEqual([RULE_COLORS.due, STATUS_STYLE.done_on_time.color, STATUS_STYLE.overdue.color])
  })
  it('writes the rate under each step, or that nothing was due', () => {
    expect(o.xAxis.axisLabel.formatter('', 0)).toBe('联系\n{limit|1个工作日内}\n{rate|62.5%}')
    expect(o.xAxis.axisLabel.formatter('', 1)).toBe('整改\n{limit|5个工作日内}\n{rate|—（无到期）}')
  })
  it('gives the on-time rate with its basis, and escapes what it is given', () => {
    expect(o.tooltip.formatter([{ dataIndex: 0 }])).toBe('<b>联系（1个工作日内）</b><br/>应办：8<br/>按时：62.5%（5/8）')
    const html = buildRuleOption({ steps: [{ ...steps[0]!, name: XSS }] }, labels).tooltip.formatter([{ dataIndex: 0 }])
    expect(html).toContain(XSS_ESCAPED)
    expect(html).not.toContain('<img')
  })
})

describe('reduction by bundle', () => {
  const bundle = (name: string, cut: number | null) => ({ bundle_name: name, materials_cut: cut, auto_fill: 0.9 }) as Parameters<typeof reductionBars>[0][number]
  const bars = reductionBars([bundle('乙', 0.7), bundle('甲', 0.5), bundle('丙', null)], 'materials')
  const o = buildReductionBarOption({ bars, target: 0.6 }, { met: '达标', missed: '未达标', target: '目标 60%' })

  it('keeps the bundles with the metric, lowest first, red below the target and green at or above it', () => {
    expect(bars).toEqual([{ name: '甲', value: 0.5 }, { name: '乙', value: 0.7 }])
    expect(reductionBars([bundle('甲', null)], 'auto_fill')).toEqual([{ name: '甲', value: 0.9 }])
    expect(o.series[0]!.data.map(d => d.itemStyle.color)).toEqual([TARGET_COLORS.missed, TARGET_COLORS.met])
    expect(o.series[0]!.label.formatter({ value: 0.5 })).toBe('50.0% ✖')
    expect(o.series[0]!.markLine.data).toEqual([{ xAxis: 0.6 }])
  })
  it('says in the tooltip whether the bundle meets the target, its name escaped', () => {
    expect(o.tooltip.formatter({ dataIndex: 1, seriesIndex: 0, seriesName: '' })).toBe('<b>乙</b><br/>70.0%（达标，目标 60%）')
    const x = buildReductionBarOption({ bars: [{ name: XSS, value: 0.1 }], target: 0.6 }, { met: '达标', missed: '未达标', target: '目标 60%' })
    expect(x.tooltip.formatter({ dataIndex: 0, seriesIndex: 0, seriesName: '' })).toBe(`<b>${XSS_ESCAPED}</b><br/>10.0%（未达标，目标 60%）`)
  })
})
