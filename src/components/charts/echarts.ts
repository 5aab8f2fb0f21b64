import { BarChart, LineChart, ScatterChart } from 'echarts/charts'
import { AriaComponent, DatasetComponent, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components'
import * as echarts from 'echarts/core'
import { SVGRenderer } from 'echarts/renderers'

// Only the parts the charts use are registered, which keeps ECharts out of the way of the
// 300 KB budget; SVG stays sharp on projectors and in print.
echarts.use([BarChart, LineChart, ScatterChart, GridComponent, TooltipComponent, LegendComponent, MarkLineComponent, DatasetComponent, AriaComponent, SVGRenderer])

export { echarts }
export type { EChartsCoreOption } from 'echarts/core'
