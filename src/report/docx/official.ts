import type { FileChild, ISectionOptions } from 'docx'
import type { ReportLang } from '../types'
import { AlignmentType, Document, DocumentGridType, Footer, Header, LineRuleType, Packer, PageNumber, Paragraph, TextRun } from 'docx'
import { htmlToContent } from 'docx/html'
import JSZip from 'jszip'
import { TextWatermark } from 'docx/watermarks'
import { cleanWatermark } from '../watermark'

/**
 * The layout of a Chinese official document (GB/T 9704-2012 《党政机关公文格式》), in twips
 * (1/20 pt): A4, a type area of 156 × 225 mm — margins top 37, bottom 35, left 28, right
 * 26 mm — body in 仿宋 三号 (16 pt), 28 characters a line at a line pitch of 28.95 pt (which
 * fills 225 mm with 22 lines, the standard's count), page numbers "— 1 —" in 四号 below the
 * type area, on the outside: right on odd pages, left on even ones.
 */
const mm = (v: number) => Math.round(v / 25.4 * 1440)

export const GBT9704 = {
  page: { width: 11906, height: 16838 },
  margin: { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26) },
  /** From the page's bottom edge to the page number's baseline region: 7 mm under the type area, less the 四号 line. */
  footer: mm(22),
  header: mm(15),
  linePitch: 579,
  /** Run spacing in 1/20 pt so 28 characters of 16 pt fill 156 mm: (442.2/28 − 16) pt ≈ −0.2 pt. */
  charSpacing: -4,
  bodySize: 32,
  pageNumberSize: 28,
  fonts: {
    title: '方正小标宋简体',
    titleFallback: '宋体',
    body: '仿宋_GB2312',
    bodyLatin: 'FangSong',
    heading1: '黑体',
    heading2: '楷体_GB2312',
  },
} as const

/** Said in every exported document, since Word substitutes a missing font silently. */
export function fontNote(lang: ReportLang): string {
  const f = GBT9704.fonts
  return lang === 'zh'
    ? `字体说明：标题用${f.title}（未安装时以${f.titleFallback}代替显示），正文用${f.body}（仿宋 FangSong）三号，一级标题${f.heading1}，二级标题${f.heading2}。`
    : `Fonts: title in ${f.title} (shown in ${f.titleFallback} where it is not installed), body in ${f.body} (FangSong) 16 pt, headings in ${f.heading1} and ${f.heading2}.`
}

const body = { ascii: GBT9704.fonts.bodyLatin, hAnsi: GBT9704.fonts.bodyLatin, eastAsia: GBT9704.fonts.body }

/** The styles the converted HTML is mapped onto (see `STYLE_MAP`). */
function styles() {
  const exact = { line: GBT9704.linePitch, lineRule: LineRuleType.EXACT, before: 0, after: 0 }
  return {
    default: {
      document: { run: { font: body, size: GBT9704.bodySize, characterSpacing: GBT9704.charSpacing }, paragraph: { spacing: exact } },
      title: { run: { font: { ascii: GBT9704.fonts.titleFallback, hAnsi: GBT9704.fonts.titleFallback, eastAsia: GBT9704.fonts.title }, size: 44, bold: false, color: '000000' }, paragraph: { alignment: AlignmentType.CENTER, spacing: { line: 700, lineRule: LineRuleType.AT_LEAST, before: 0, after: GBT9704.linePitch } } },
      heading1: { run: { font: { ascii: GBT9704.fonts.heading1, hAnsi: GBT9704.fonts.heading1, eastAsia: GBT9704.fonts.heading1 }, size: GBT9704.bodySize, bold: false, color: '000000' }, paragraph: { spacing: exact, indent: { firstLine: 640 }, keepNext: true } },
      heading2: { run: { font: { ascii: GBT9704.fonts.heading2, hAnsi: GBT9704.fonts.heading2, eastAsia: GBT9704.fonts.heading2 }, size: GBT9704.bodySize, bold: false, color: '000000' }, paragraph: { spacing: exact, indent: { firstLine: 640 }, keepNext: true } },
    },
    // Cells and notes keep their own line height: on the body's grid a ranking would be one row a page.
    paragraphStyles: [
      { id: 'TableText', name: 'Table Text', basedOn: 'Normal', run: { size: 21, characterSpacing: 0 }, paragraph: { snapToGrid: false, spacing: { line: 280, lineRule: LineRuleType.EXACT, before: 0, after: 0 }, indent: { firstLine: 0 } } },
      { id: 'SmallNote', name: 'Small Note', basedOn: 'Normal', run: { size: 24 }, paragraph: { snapToGrid: false, spacing: { line: 360, lineRule: LineRuleType.EXACT, before: 60, after: 60 }, indent: { firstLine: 0 } } },
    ],
  }
}

/** HTML elements → the document's styles: h1 the title, h2 the 一、 headings, h3 the （一） ones. */
export const STYLE_MAP = { 'h1': 'Title', 'h2': 'Heading1', 'h3': 'Heading2', 'td': 'TableText', 'th': 'TableText', 'p.note': 'SmallNote', 'figcaption': 'SmallNote', 'dl': 'SmallNote', 'dt': 'SmallNote', 'dd': 'SmallNote', '.kpi div': 'SmallNote' }

/**
 * CSS for the conversion only: body paragraphs indented two characters; tables, captions and
 * notes smaller and at their own line height, so a ranking is not one row a grid line.
 */
export const DOCX_CSS = `
p{text-indent:2em;margin:0}
table{width:100%;border-collapse:collapse;font-size:10.5pt;line-height:14pt}
th,td{border:0.5pt solid #000;padding:1pt 3pt;font-size:10.5pt;line-height:14pt;text-indent:0}
th{font-weight:bold;background:#f2f2f2}
td p,th p{text-indent:0}
small{font-size:9pt}
.note,figcaption,.facts,p.note{font-size:12pt;line-height:18pt;text-indent:0}
figcaption{text-align:center}
figure{text-align:center;margin:0}
.subtitle,.docno{text-align:center;text-indent:0}
.masthead{color:#c8161d;font-size:26pt;font-weight:bold;text-align:center;line-height:36pt;text-indent:0}
.issuer{text-align:right;text-indent:0}
.tone-bad{font-weight:bold}
.kpis{margin:0}.kpi{margin:0}.kpi-label{font-size:12pt}.kpi-value{font-size:14pt;font-weight:bold}.kpi-change{font-size:10.5pt}
table.ranking td:nth-child(2),table.ranking th:nth-child(2){width:30%;white-space:nowrap}
table.with-total td:first-child,table.with-total th:first-child{width:28%;white-space:nowrap}
table.items td:nth-child(3){width:30%}
table.ledger td:nth-child(1),table.ledger th:nth-child(1){width:15%}
table.ledger td:nth-child(3){white-space:nowrap}
table.files td:last-child{font-size:6pt}
.lvl-red{color:#c8161d;font-weight:bold}.lvl-yellow{color:#a86b00;font-weight:bold}.lvl-blue{color:#1f5fa8;font-weight:bold}
`

/** Our own page's HTML (already masked and escaped) → paragraphs and tables in the official styles. */
export function contentOf(html: string, images?: Record<string, Uint8Array>): FileChild[] {
  // The issuer and the date sit apart by flex layout on the page; in Word they need a space.
  const spaced = html.replace(/<div class="docno">[\s\S]*?<\/div>/g, m => m.replace(/<\/span>\s*<span>/g, '</span>\u3000\u3000<span>'))
  return [...htmlToContent(spaced, {
    stylesheet: DOCX_CSS,
    styleMap: STYLE_MAP,
    images,
    maxImageWidth: 590,
  })] as FileChild[]
}

function pageNumber(align: 'left' | 'right') {
  return new Footer({
    children: [new Paragraph({
      alignment: align === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
      indent: align === 'right' ? { right: 280 } : { left: 280 },
      spacing: { line: 240, lineRule: LineRuleType.AUTO, before: 0, after: 0 },
      children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], size: GBT9704.pageNumberSize, font: { ascii: 'SimSun', hAnsi: 'SimSun', eastAsia: '宋体' } })],
    })],
  })
}

function header(watermark: string | null) {
  return new Header({
    children: [new Paragraph({
      spacing: { line: 240, lineRule: LineRuleType.AUTO, before: 0, after: 0 },
      children: watermark ? [new TextWatermark({ text: watermark, font: GBT9704.fonts.heading1, color: 'C0C0C0', opacity: 0.35 })] : [],
    })],
  })
}

/** One section of an official document: the page, the grid, page numbers outside, the watermark. */
export function officialSection(children: FileChild[], watermark?: string | null): ISectionOptions {
  const wm = cleanWatermark(watermark)
  return {
    properties: {
      page: {
        size: GBT9704.page,
        margin: { ...GBT9704.margin, header: GBT9704.header, footer: GBT9704.footer },
        pageNumbers: { start: 1 },
      },
      // Lines only: LibreOffice spreads Latin digits over whole character cells in a
      // lines-and-chars grid; 28 characters a line come from the run spacing instead.
      grid: { type: DocumentGridType.LINES, linePitch: GBT9704.linePitch },
    },
    headers: { default: header(wm), even: header(wm) },
    footers: { default: pageNumber('right'), even: pageNumber('left') },
    children,
  }
}

/**
 * docx writes no snapToGrid in a paragraph style, so the two small-print styles get it here:
 * one attribute in styles.xml, found by the styles' own ids.
 */
async function offGrid(bytes: Uint8Array): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes)
  const file = zip.file('word/styles.xml')
  if (!file)
    return bytes
  const xml = (await file.async('string')).replace(/(<w:style w:type="paragraph" w:styleId="(?:TableText|SmallNote)">[\s\S]*?<w:pPr>)/g, '$1<w:snapToGrid w:val="0"/>')
  zip.file('word/styles.xml', xml)
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' })
}

/** A document in the official layout, as .docx bytes. */
export async function officialDocx(sections: ISectionOptions[], meta: { title: string, description?: string }): Promise<Uint8Array> {
  const doc = new Document({
    creator: 'duban',
    title: meta.title,
    description: meta.description,
    evenAndOddHeaderAndFooters: true,
    styles: styles(),
    sections,
  })
  return offGrid(new Uint8Array(await Packer.toArrayBuffer(doc)))
}

/** A paragraph of small print with no indent (notes added to the converted content). */
export function noteParagraph(text: string): Paragraph {
  return new Paragraph({ spacing: { line: 360, lineRule: LineRuleType.EXACT, before: 120, after: 0 }, children: [new TextRun({ text, size: 24 })] })
}
