import type { EChartsCoreOption } from 'echarts/core'
import { BarChart } from 'echarts/charts'
import { GridComponent, LegendComponent, MarkLineComponent } from 'echarts/components'
import * as echarts from 'echarts/core'
import { SVGRenderer } from 'echarts/renderers'
import { escapeHtml } from '../domain/text/escape'
import { REPORT_FONT_FAMILY } from './font/embed'

// Only what the report draws: bars, a grid, a legend, target lines, the SVG renderer.
echarts.use([BarChart, GridComponent, LegendComponent, MarkLineComponent, SVGRenderer])

export const CHART_WIDTH = 640
export const CHART_FONT = `'${REPORT_FONT_FAMILY}', 'Noto Sans SC', 'Noto Sans CJK SC', 'Source Han Sans SC', 'Microsoft YaHei', sans-serif`

/**
 * Renders a chart to an SVG string with ECharts' server-side mode (no DOM, no animation).
 * What only matters for interaction — hover styles, hydration metadata, per-instance class
 * names — is stripped, so the output is static and identical from run to run.
 */
export function renderSvg(option: EChartsCoreOption, height: number, label: string): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: CHART_WIDTH, height })
  try {
    chart.setOption({ animation: false, textStyle: { fontFamily: CHART_FONT, fontSize: 12 }, ...option })
    const svg = chart.renderToSVGString()
    return svg
      .replace(/<style\b[\s\S]*?<\/style>/g, '')
      .replace(/ (?:ecmeta_\w+|class|pointer-events)="[^"]*"/g, '')
      // Labels get a halo (a stroke under the fill); PDF printers draw stroked text as Type 3
      // outlines, so the halo goes and labels stay real, searchable text.
      .replace(/<text\b[^>]*>/g, tag => tag.replace(/ (?:stroke|stroke-width|stroke-miterlimit|paint-order)="[^"]*"/g, ''))
      .replace(/\n{2,}/g, '\n')
      .replace(/^<svg /, `<svg role="img" aria-label="${escapeHtml(label)}" `)
  }
  finally {
    chart.dispose()
  }
}

export interface RateSeries {
  name: string
  color: string
  /** Fractions 0..1, null where the denominator is empty (no bar, no label). */
  values: Array<number | null>
}

/**
 * Rates by department as horizontal grouped bars: department names stay readable however
 * many there are (the chart grows in height instead of dropping axis labels).
 */
export function rateBarsByDept(depts: string[], series: RateSeries[], label: string): string {
  const perDept = series.length * 11 + 12
  return renderSvg({
    grid: { left: 8, right: 44, top: 36, bottom: 8, outerBoundsMode: 'same', outerBoundsContain: 'all' },
    legend: { top: 0, left: 0, itemWidth: 12, itemHeight: 12, textStyle: { fontFamily: CHART_FONT } },
    yAxis: { type: 'category', data: depts, inverse: true, axisTick: { show: false } },
    xAxis: { type: 'value', max: 100, name: '%', nameGap: 6, splitNumber: 5 },
    series: series.map(s => ({
      type: 'bar',
      name: s.name,
      barMaxWidth: 10,
      barGap: '10%',
      itemStyle: { color: s.color },
      label: { show: true, position: 'right', fontSize: 9, formatter: (p: { value: number | null }) => (p.value === null ? '' : `${p.value.toFixed(1).replace(/\.0$/, '')}%`) },
      data: s.values.map(v => (v === null ? null : Math.round(v * 1000) / 10)),
    })),
  }, 64 + depts.length * perDept, label)
}
