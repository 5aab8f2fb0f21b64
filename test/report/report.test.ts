import type { Analysis } from '../../src/metrics/analysis'
import type { BuiltReport } from '../../src/report/build'
import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { hasUnmaskedNumber } from '../../src/domain/text/mask'
import { nodeFontAssets } from '../../src/report/node/font'
import { visibleText } from '../../src/report/build'
import { hostileDataset, XSS_PAYLOADS } from '../hardening/xss-corpus'
import { analysisOf, datasetFromTexts } from '../helpers/db'
import { build, golden, normalise, reportInput, SAMPLE, sampleAnalysis } from './helpers'

const SECTIONS = ['一、总体情况', '二、配档表任务推进情况', '三、“一件事”减材料、减时限、减环节情况', '四、办件时效情况', '五、好差评及差评“1、5、15”处置情况', '六、部门综合排名', '七、与上月对比', '八、督办台账（销号情况）']

const visible = visibleText

describe('the bulletin for the hand-computed sample (October 2024, as of 16 October)', () => {
  let analysis: Analysis
  let report: BuiltReport
  beforeAll(async () => {
    ({ analysis } = await sampleAnalysis())
    report = await build(analysis)
  })
  afterAll(() => analysis.db.close())

  it('matches the golden file (hashes normalised, fixed generation time)', () => {
    golden('sample-2024-10.zh.html', normalise(report.html))
  })

  it('carries no script: no <script>, no event handler, no javascript: URL, and a CSP that forbids them', () => {
    expect(report.html).not.toMatch(/<script/i)
    expect(report.html).not.toMatch(/\son[a-z]+\s*=/i)
    expect(report.html).not.toMatch(/javascript:/i)
    expect(report.html).toContain('http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;')
  })

  it('draws its charts as inline SVG with their text as text', () => {
    const svgs = report.html.match(/<svg\b[\s\S]*?<\/svg>/g) ?? []
    expect(svgs.length).toBeGreaterThanOrEqual(4)
    expect(svgs[0]).toContain('role="img"')
    expect(svgs[0]).toContain('>区市场监管局</text>')
    // Nothing interactive or per-run is left in the SVG.
    expect(report.html).not.toMatch(/ecmeta_|zr\d+-cls|<style[^>]*><!\[CDATA/)
  })

  it('has the numbered sections of a 通报, a title, the issuer, the date and the provenance', () => {
    const text = visible(report.html)
    for (const s of SECTIONS)
      expect(text).toContain(s)
    expect(text).toContain('关于2024年10月政务服务改革工作推进情况的通报')
    expect(text).toContain('示例区政务服务管理办公室')
    expect(text).toContain('2024年10月16日')
    expect(text).toContain('附：数据来源与口径')
    expect(text).toContain('好差评.csv')
    expect(report.html).toContain(analysis.dataset.files.find(f => f.name === '好差评.csv')!.sha256)
  })

  it('shows the hand-computed figures of the month', () => {
    const text = visible(report.html)
    expect(text).toContain('逾期未完成1项，临期预警2项')
    expect(text).toContain('好评率62.5%（10/16）')
    expect(text).toContain('按时联系率25.0%（1/4）')
    expect(text).toContain('按时办结率50.0%（1/2）')
    // The red list names the overdue task with its working days.
    expect(text).toMatch(/设置综合窗口[\s\S]*超期5个工作日/)
  })

  it('masks every phone number and name from the input, and shows the masked forms', () => {
    const input = readFileSync(`${SAMPLE}/好差评.csv`)
    const raw = new TextDecoder('gb18030').decode(input)
    const phones = [...raw.matchAll(/1[3-9]\d{9}/g)].map(m => m[0])
    expect(phones).toContain('13912345678')
    for (const p of phones)
      expect(report.html).not.toContain(p)
    for (const name of ['张三', '李四', '王五', '赵六'])
      expect(report.html).not.toContain(name)
    expect(report.html).toContain('139****5678')
    expect(report.html).toContain('张*')
    expect(report.html).toContain('136****3333')
    expect(report.html).toContain('赵*')
    // Hashes are machine text and may hold digit runs that look like numbers: they are set aside.
    expect(hasUnmaskedNumber(visible(normalise(report.html)))).toBe(false)
  })

  it('escapes HTML inside data text', () => {
    expect(report.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
  })

  it('lists the ledger of bad reviews: the month\'s, and earlier ones still open when it began', () => {
    const ids = [...report.html.matchAll(/<tr><td>(B\d+)<\/td>/g)].map(m => m[1])
    // B1 (rated 27 Sep, rectified 10 Oct) is in; B10 (malicious, contacted 30 Sep) and B9 (after the review date) are not.
    expect(ids).toEqual(expect.arrayContaining(['B1', 'B2', 'B3', 'B4', 'B5', 'B6', 'B7', 'B8', 'B11']))
    expect(ids).not.toContain('B10')
    expect(ids).not.toContain('B9')
    expect(ids[0]).toBe('B5')
  })

  it('lists only the cases that need action when the ledger is long', async () => {
    const input = await reportInput(analysis)
    const many = Array.from({ length: 150 }, (_, i) => ({ ...input.cases[i % input.cases.length]!, eval_id: `X${i}` }))
    const { buildReport } = await import('../../src/report/build')
    const r = await buildReport({ ...input, cases: many })
    const listed = [...r.html.matchAll(/<tr><td>(X\d+)<\/td>/g)].length
    const needAction = many.filter(c => ['open_overdue', 'open', 'done_late'].includes(c.state)).length
    expect(listed).toBe(Math.min(needAction, 120))
    expect(visible(r.html)).toContain(`另有${150 - listed}条差评`)
  })

  it('speaks English when asked', async () => {
    const en = await build(analysis, { lang: 'en', issuer: 'Sample District Office' })
    const text = visible(en.html)
    expect(en.html).toContain('<html lang="en">')
    expect(text).toContain('1. Overall situation')
    expect(text).toContain('7. Changes against the previous month')
    expect(text).toContain('Contacted within 1 WD')
    expect(en.html).not.toMatch(/<script/i)
  })

  it('narrows to one department', async () => {
    const r = await build(analysis, { dept: '区人社局' })
    const text = visible(r.html)
    expect(text).toContain('关于区人社局2024年10月政务服务改革工作推进情况的通报')
    expect(text).not.toContain('设置综合窗口')
  })

  it('embeds Noto Sans SC cut to the page\'s characters, regular and bold', async () => {
    const withFont = await build(analysis, {}, nodeFontAssets())
    const faces = withFont.html.match(/@font-face\{[^}]*\}/g) ?? []
    expect(faces.some(f => f.includes('font-weight:400'))).toBe(true)
    expect(faces.some(f => f.includes('font-weight:700'))).toBe(true)
    expect(withFont.missingChars).toBe('')
    // A subset, not the whole 1.5 MB face.
    expect(withFont.fontBytes).toBeGreaterThan(20_000)
    expect(withFont.fontBytes).toBeLessThan(250_000)
    // Every character of the page is in some face's unicode-range.
    const ranges = faces.filter(f => f.includes('font-weight:400')).flatMap(f => (/unicode-range:([^;}]*)/.exec(f)?.[1] ?? '').split(','))
    const covered = (cp: number) => ranges.some((r) => {
      const [a, b] = r.replace('U+', '').split('-').map(h => Number.parseInt(h, 16))
      return cp >= a! && cp <= (b ?? a)!
    })
    const chars = [...new Set(visible(withFont.html))].filter(c => c.codePointAt(0)! > 0x20)
    expect(chars.filter(c => !covered(c.codePointAt(0)!))).toEqual([])
    // Same page otherwise.
    expect(normalise(withFont.html).replace(/\/\* Noto Sans SC[\s\S]*?\n(?=:root)/, '\n')).toBe(normalise(report.html))
  })
})

describe('a hostile data set', () => {
  let analysis: Analysis
  beforeAll(async () => {
    const ds = await datasetFromTexts({
      '配档表.csv': '序号,具体任务,完成时限,牵头部门,年度\n1,"</style><script>alert(1)</script>",9月底前,"<img src=x onerror=alert(2)>",2024\n',
      '好差评.csv': [
        '评价编号,被评价部门,评价时间,评价等级,评价内容,联系电话,评价人,身份证号',
        'E1,"区<b>局</b>",2024-10-08 10:00,不满意,"王小明 电话 139-1234-5678，身份证 110101199003071234，\'""&amp;",13987654321,王小明,11010119900307123X',
        'E2,区局,2024-10-09 10:00,非常不满意,"回电 0531-88886666",,李,',
      ].join('\n'),
    })
    analysis = await analysisOf(ds)
  })
  afterAll(() => analysis.db.close())

  it('escapes markup in every field and in the issuer and title', async () => {
    const r = await build(analysis, { issuer: '<b>办</b>', title: '</style><script>x</script>"' })
    expect(r.html).not.toMatch(/<script/i)
    expect(r.html).not.toMatch(/<img/i)
    expect(r.html).not.toMatch(/<b>/)
    expect(r.html.match(/<\/style>/g)).toHaveLength(1)
    expect(r.html).toContain('&lt;img src=x onerror=alert(2)&gt;')
    expect(r.html).toContain('&lt;b&gt;办&lt;/b&gt;')
    // The running header's CSS string cannot close the style sheet either.
    expect(r.html).toMatch(/@top-center\{content:"\\3c \/style\\3e \\3c script\\3e x\\3c \/script\\3e \\22 "/)
  })

  it('masks names, phones and ID numbers in their columns and inside comments', async () => {
    const r = await build(analysis)
    for (const s of ['王小明', '13987654321', '139-1234-5678', '110101199003071234', '11010119900307123X', '0531-88886666'])
      expect(r.html).not.toContain(s)
    expect(r.html).toContain('王**')
    expect(r.html).toContain('139****4321 / 110101********123X')
    expect(r.html).toContain('139-****-5678')
    expect(r.html).toContain('110101********1234')
    expect(r.html).toContain('053*-****6666')
    expect(hasUnmaskedNumber(visible(normalise(r.html)))).toBe(false)
  })

  it('still renders when a month has no data at all', async () => {
    const r = await build(analysis, { month: '2024-03', asOf: '2024-03-31' })
    expect(r.html).toContain('本期无差评。')
    expect(r.html).toContain('无逾期未完成任务。')
  })
})

describe('the hardening corpus (53 injection payloads in every text column)', () => {
  it('comes out as text: only the report\'s own tags, no event handlers, no script URLs', async () => {
    const analysis = await analysisOf(await datasetFromTexts(hostileDataset()))
    try {
      const r = await build(analysis, { issuer: XSS_PAYLOADS[1]!, title: XSS_PAYLOADS[14]! })
      const tags = new Set([...r.html.matchAll(/<([a-z][a-z0-9]*)\b/gi)].map(m => m[1]!.toLowerCase()))
      const own = ['html', 'head', 'meta', 'title', 'style', 'body', 'main', 'article', 'header', 'footer', 'section', 'div', 'span', 'p', 'hr', 'br', 'h1', 'h2', 'h3', 'small', 'code', 'table', 'caption', 'thead', 'tbody', 'tr', 'th', 'td', 'dl', 'dt', 'dd', 'figure', 'figcaption', 'svg', 'g', 'rect', 'path', 'text', 'defs', 'clippath', 'tspan']
      expect([...tags].filter(t => !own.includes(t))).toEqual([])
      const attrs = [...r.html.matchAll(/<[a-z][^>]*>/gi)].map(m => m[0])
      expect(attrs.filter(a => /\son[a-z]+\s*=|javascript:|xlink:href|srcdoc/i.test(a))).toEqual([])
      expect(visible(r.html)).toContain(XSS_PAYLOADS[0])
    }
    finally {
      await analysis.db.close()
    }
  })
})

describe('the previous month outside the calendar', () => {
  it('renders without a comparison', async () => {
    const { analysis } = await sampleAnalysis()
    try {
      const input = await reportInput(analysis, { month: '2004-01', asOf: '2004-01-31' })
      expect(input.previous).toBeNull()
      const { buildReport } = await import('../../src/report/build')
      const r = await buildReport(input)
      expect(visible(r.html)).toContain('本期不作对比')
    }
    finally {
      await analysis.db.close()
    }
  })
})
