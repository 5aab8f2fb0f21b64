import type { CliIO } from './main'
import { parseArgs } from 'node:util'
import { nodeFontAssets } from '../report/node/font'
import { writeNoticeFiles } from '../report/node/notices'
import { noticesDocx } from '../report/notices/docx'
import { gatherNotices, noticeFileNames } from '../report/notices/model'
import { noticeHtml, noticeText } from '../report/notices/render'
import { DEFAULT_ISSUER } from '../report/publish'
import { FIGURE_OPTIONS, openReview } from './figures'

export const NOTICES_USAGE = `  duban notices --data DIR --out DIR [--as-of YYYY-MM-DD] [--month YYYY-MM] [--dept NAME]
                [--issuer TEXT] [--watermark TEXT] [--lang zh|en] [--calendar FILE]…
                [--table FILE=TABLE]… [--skip-unreadable]
                                       各牵头单位督办单（HTML、Word、纯文本）/ a supervision notice per lead unit
`

/**
 * `duban notices`: one notice per lead unit with something to act on — `<out>/<unit>.html`
 * (A4, printable), `<unit>.docx`, `<unit>.txt` (for a chat message) — and `all.docx` with a
 * section per unit. Prints the files written; a unit with nothing due gets no notice.
 */
export async function noticesCommand(args: string[], io: CliIO): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      out: { type: 'string' },
      issuer: { type: 'string' },
      watermark: { type: 'string' },
      ...FIGURE_OPTIONS,
    },
  })
  const lang = values.lang === 'en' || values.lang === 'zh' ? values.lang : (io.env.DUBAN_LANG ?? '').startsWith('en') ? 'en' : 'zh'
  if (!values.data || !values.out) {
    io.stderr(`duban notices: --data and --out are required\n\n${NOTICES_USAGE}`)
    return 2
  }
  if (values.month && !/^\d{4}-(?:0[1-9]|1[0-2])$/.test(values.month)) {
    io.stderr(`--month 应为 YYYY-MM / --month must be YYYY-MM: ${values.month}\n`)
    return 2
  }
  if (values['as-of'] && !/^\d{4}-\d{2}-\d{2}$/.test(values['as-of'])) {
    io.stderr(`--as-of 应为 YYYY-MM-DD / --as-of must be YYYY-MM-DD: ${values['as-of']}\n`)
    return 2
  }
  const review = await openReview({ data: values.data, month: values.month, asOf: values['as-of'], calendar: values.calendar, table: values.table, skipUnreadable: values['skip-unreadable'] }, io, lang)
  if (typeof review === 'number')
    return review
  const { analysis, asOf } = review
  let set: Awaited<ReturnType<typeof gatherNotices>>
  try {
    set = await gatherNotices(analysis, { asOf, month: values.month ?? null, dept: values.dept ?? null })
  }
  finally {
    await review.close()
  }
  const o = { lang, issuer: values.issuer ?? DEFAULT_ISSUER[lang], generatedAt: io.now().toISOString(), watermark: values.watermark ?? null } as const
  const names = noticeFileNames(set)
  const font = nodeFontAssets()
  const files: Array<{ name: string, data: string | Uint8Array }> = []
  for (const n of set.notices) {
    const name = names.get(n.unit)!
    files.push({ name: `${name}.html`, data: await noticeHtml(set, n, o, { font }) })
    files.push({ name: `${name}.docx`, data: await noticesDocx(set, o, [n]) })
    files.push({ name: `${name}.txt`, data: noticeText(set, n, o) })
  }
  files.push({ name: 'all.docx', data: await noticesDocx(set, o) })
  for (const p of await writeNoticeFiles(values.out, files))
    io.stdout(`${p}\n`)
  io.stderr(lang === 'zh'
    ? `督办单 ${set.notices.length} 份（评估日 ${asOf}）；无需督办的单位 ${set.quiet.length} 个${set.quiet.length ? `：${set.quiet.join('、')}` : ''}\n`
    : `${set.notices.length} notices (review date ${asOf}); ${set.quiet.length} units with nothing to act on${set.quiet.length ? `: ${set.quiet.join(', ')}` : ''}\n`)
  return 0
}
