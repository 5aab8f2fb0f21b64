import { describe, expect, it } from 'vitest'
import { axisTooltip, itemTooltip, tooltipHtml } from '../../../src/components/charts/options/tooltip'
import { XSS, XSS_ESCAPED } from './fixtures'

describe('the one tooltip helper', () => {
  it('writes the title in bold and each line as "label：value"', () => {
    expect(tooltipHtml({ title: '2024-10', lines: [['办件量', '1,234'], '一行说明'] })).toBe('<b>2024-10</b><br/>办件量：1,234<br/>一行说明')
  })
  it('escapes the title, the labels, the values and whole lines', () => {
    const html = tooltipHtml({ title: XSS, lines: [[XSS, XSS], XSS, ['n', 3]] })
    expect(html).not.toContain('<img')
    expect(html.split(XSS_ESCAPED)).toHaveLength(5)
    expect(html).toContain('n：3')
  })
  it('is empty where nothing is hovered', () => {
    expect(tooltipHtml(null)).toBe('')
    expect(axisTooltip(() => null).formatter([])).toBe('')
  })
  it('hands the axis tooltip the hovered index and the item tooltip the hovered point', () => {
    const seen: number[] = []
    axisTooltip((i) => {
      seen.push(i)
      return null
    }).formatter([{ dataIndex: 2 }, { dataIndex: 2 }])
    expect(seen).toEqual([2])
    expect(itemTooltip(p => ({ title: p.seriesName, lines: [] })).formatter({ dataIndex: 0, seriesIndex: 1, seriesName: XSS })).toBe(`<b>${XSS_ESCAPED}</b>`)
  })
})
