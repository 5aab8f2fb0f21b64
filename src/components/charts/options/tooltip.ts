import { escapeHtml } from '../../../domain/text/escape'

// ECharts writes a tooltip formatter's string as HTML. Every chart's tooltip is made here,
// from plain text, so a unit, matter or task name read from a data file is always escaped
// and no chart builds tooltip HTML by hand.

/** A tooltip line: `[label, value]`, written "label：value", or a whole line of text. */
export type TipLine = readonly [label: string, value: string | number] | string

export interface Tip {
  /** The thing hovered (a month, a unit, a task), in bold. */
  title: string
  lines: TipLine[]
}

function lineHtml(line: TipLine): string {
  return typeof line === 'string' ? escapeHtml(line) : `${escapeHtml(line[0])}：${escapeHtml(line[1])}`
}

/** The tooltip's HTML, every string in it escaped; empty where nothing is hovered. */
export function tooltipHtml(tip: Tip | null | undefined): string {
  return tip ? [`<b>${escapeHtml(tip.title)}</b>`, ...tip.lines.map(lineHtml)].join('<br/>') : ''
}

/** What to say about the row drawn at the hovered index: nothing past the last row. */
export function rowTip<R>(rows: readonly R[], tip: (row: R) => Tip): (index: number) => Tip | null {
  return (i) => {
    const row = rows[i]
    return row === undefined ? null : tip(row)
  }
}

/** A tooltip for everything at one category (a month, a unit): `tip` gets its index. */
export function axisTooltip(tip: (index: number) => Tip | null, pointer: 'shadow' | 'line' = 'shadow') {
  return {
    trigger: 'axis' as const,
    axisPointer: { type: pointer },
    formatter: (items: Array<{ dataIndex: number }>) => tooltipHtml(tip(items[0]?.dataIndex ?? -1)),
  }
}

/** The point or bar hovered, as ECharts hands it to a formatter. */
export interface TipItem { dataIndex: number, seriesIndex: number, seriesName: string }

/** A tooltip for the one point or bar hovered. */
export function itemTooltip(tip: (item: TipItem) => Tip | null) {
  return {
    trigger: 'item' as const,
    formatter: (item: TipItem) => tooltipHtml(tip(item)),
  }
}
