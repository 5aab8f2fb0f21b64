import type { FontAssets } from '../font/embed'
import type { ReportLang } from '../types'
import type { CaseStep, NoticeCase, NoticeLevel, NoticeSet, NoticeTask, UnitNotice } from './model'
import { maskText } from '../../domain/text/mask'
import { pageText } from '../build'
import { embedFont } from '../font/embed'
import { dateText, monthText } from '../format'
import { html } from '../html'
import { table } from '../parts'
import { reportCss } from '../style'
import { WATERMARK_CSS, watermarkLayer } from '../watermark'
import { LEVEL_WORDS, NOTICE_KIND } from './model'

export interface NoticeOptions {
  lang: ReportLang
  issuer: string
  /** ISO timestamp of issue; its China date is printed. */
  generatedAt: string
  watermark?: string | null
}

const t = (lang: ReportLang, zh: string, en: string) => (lang === 'zh' ? zh : en)

/** "逾期5个工作日", "剩余2个工作日", "今日到期" — from working days past (+) or left (−). */
export function wdPhrase(lang: ReportLang, overdue: number | null): string {
  if (overdue === null)
    return '—'
  if (overdue > 0)
    return t(lang, `已逾期${overdue}个工作日`, `${overdue} WD overdue`)
  if (overdue === 0)
    return t(lang, '今日到期', 'due today')
  return t(lang, `剩余${-overdue}个工作日`, `${-overdue} WD left`)
}

const STEP: Record<CaseStep, { zh: string, en: string }> = {
  contact: { zh: '联系核实', en: 'contact the reviewer' },
  rectify: { zh: '整改反馈', en: 'rectify and reply' },
  complex: { zh: '复杂问题办结', en: 'close the complex case' },
}

/** The rule behind a case's limit, in words: "差评次日起1个工作日内联系核实". */
export function caseRule(lang: ReportLang, c: NoticeCase): string {
  const days = c.day_kind === 'calendar' ? t(lang, '自然日', 'calendar days') : t(lang, '工作日', 'working days')
  return t(lang, `评价次日起${c.limit_days}个${days}内${STEP[c.step].zh}`, `${STEP[c.step].en} within ${c.limit_days} ${days} after the review`)
}

export function levelWord(lang: ReportLang, l: NoticeLevel): string {
  return LEVEL_WORDS[l][lang]
}

export function noticeTitle(lang: ReportLang, n: UnitNotice): string {
  return `${NOTICE_KIND[n.level][lang]}${t(lang, '：', ': ')}${n.unit}`
}

function interp(lang: ReportLang, x: NoticeTask): string {
  return lang === 'zh' ? x.interpretation_zh : x.interpretation_en
}

/** The opening sentence: what is due from the unit, counted by colour. */
export function summaryLine(lang: ReportLang, set: NoticeSet, n: UnitNotice): string {
  const red = n.tasks.filter(x => x.level === 'red').length
  const yellow = n.tasks.filter(x => x.level === 'yellow').length
  const blue = n.tasks.filter(x => x.level === 'blue').length
  const caseRed = n.cases.filter(x => x.level === 'red').length
  const caseBlue = n.cases.filter(x => x.level === 'blue').length
  if (lang === 'zh') {
    const parts = [
      red && `逾期未完成任务${red}项`,
      yellow && `本月未报送进展的长期任务${yellow}项`,
      blue && `临期任务${blue}项`,
      caseRed && `超过“1、5、15”时限未办结的差评${caseRed}件`,
      caseBlue && `临近时限的差评${caseBlue}件`,
    ].filter(Boolean)
    return `截至${dateText(set.as_of, 'zh')}（评估日），贵单位牵头的事项中有${parts.join('、')}。现予${n.level === 'blue' ? '提醒' : n.level === 'yellow' ? '催办' : '督办'}，请逐项落实，并于办结后报送进展。`
  }
  const parts = [
    red && `${red} overdue task${red > 1 ? 's' : ''}`,
    yellow && `${yellow} ongoing task${yellow > 1 ? 's' : ''} not reported this month`,
    blue && `${blue} task${blue > 1 ? 's' : ''} due soon`,
    caseRed && `${caseRed} bad review${caseRed > 1 ? 's' : ''} open past a 1-5-15 limit`,
    caseBlue && `${caseBlue} bad review${caseBlue > 1 ? 's' : ''} near a limit`,
  ].filter(Boolean)
  return `As of ${set.as_of} (review date), the items your unit leads include ${parts.join(', ')}. Please act on each and report progress when done.`
}

function badge(lang: ReportLang, l: NoticeLevel) {
  return html`<span class="lvl lvl-${l}">${levelWord(lang, l)}</span>`
}

function filtersLine(lang: ReportLang, set: NoticeSet): string {
  return t(
    lang,
    `评估日期：${dateText(set.as_of, 'zh')}${set.month ? `\u3000统计月份：${monthText(set.month, 'zh')}` : ''}`,
    `Review date ${set.as_of}${set.month ? ` · month ${monthText(set.month, 'en')}` : ''}`,
  )
}

const NOTICE_CSS = `
.notice .masthead{font-size:22pt}
.notice h1 .lvl{font-size:12pt;vertical-align:middle;margin-left:.5em}
.lvl{display:inline-block;border:1.5px solid currentColor;border-radius:3px;padding:0 .35em;font-weight:700;white-space:nowrap;line-height:1.4}
${(Object.entries(LEVEL_WORDS) as Array<[NoticeLevel, (typeof LEVEL_WORDS)['red']]>).map(([l, w]) => `.lvl-${l}{color:${w.color};background:${w.tint}}.notice.kind-${l} .redline{border-top-color:${w.color}}.notice.kind-${l} .masthead{color:${w.color}}`).join('\n')}
.notice .to{text-indent:0;font-weight:700;margin-top:4mm}
.notice table.items td:first-child{white-space:nowrap}
.notice .reply{margin-top:6mm}
`

function taskTable(lang: ReportLang, tasks: NoticeTask[]) {
  return table([
    { label: t(lang, '颜色', 'Colour') },
    { label: t(lang, '序号', 'No.') },
    { label: t(lang, '具体任务', 'Task') },
    { label: t(lang, '完成时限（原文／解读）', 'Deadline (as written / read as)') },
    { label: t(lang, '截止日期', 'Due') },
    { label: t(lang, '逾期／剩余', 'Overdue / left') },
  ], tasks.map(x => [
    badge(lang, x.level),
    x.task_id,
    html`${x.task}${x.bundle_name ? html`<br><small>${x.bundle_name}</small>` : ''}${x.other_leads.length ? html`<br><small>${t(lang, '共同牵头：', 'also led by: ')}${x.other_leads.join('、')}</small>` : ''}${x.coop_units.length ? html`<br><small>${t(lang, '配合：', 'with: ')}${x.coop_units.join('、')}</small>` : ''}`,
    html`${x.deadline_text}${interp(lang, x) && interp(lang, x) !== x.deadline_text ? html`<br><small>${interp(lang, x)}</small>` : ''}`,
    dateText(x.due_date, lang),
    x.level === 'yellow' ? t(lang, `本月未报送进展${x.last_report_date ? `（最近报送${x.last_report_date}）` : ''}`, `not reported this month${x.last_report_date ? ` (last ${x.last_report_date})` : ''}`) : wdPhrase(lang, x.wd_overdue),
  ]), { cls: 'data items', empty: t(lang, '无。', 'None.') })
}

function caseTable(lang: ReportLang, cases: NoticeCase[]) {
  return table([
    { label: t(lang, '颜色', 'Colour') },
    { label: t(lang, '编号', 'ID') },
    { label: t(lang, '事项／渠道', 'Matter / channel') },
    { label: t(lang, '评价日期', 'Rated') },
    { label: t(lang, '待办环节及时限', 'Pending step and limit') },
    { label: t(lang, '时限日期', 'Limit date') },
    { label: t(lang, '超期／剩余', 'Overdue / left') },
  ], cases.map(c => [
    badge(lang, c.level),
    c.eval_id,
    html`${c.matter_name ?? '—'}${c.channel ? html`<br><small>${c.channel}</small>` : ''}`,
    dateText(c.rated_date, lang),
    caseRule(lang, c),
    dateText(c.limit_date, lang),
    wdPhrase(lang, c.wd_remaining === null ? null : -c.wd_remaining),
  ]), { cls: 'data items', empty: t(lang, '无。', 'None.') })
}

/** The body of one unit's notice (no page head): shared by the HTML page and the Word export. */
export function noticeBody(set: NoticeSet, n: UnitNotice, o: NoticeOptions) {
  const { lang } = o
  const issued = new Date(new Date(o.generatedAt).getTime() + 8 * 3600_000).toISOString().slice(0, 10)
  return html`<article class="page notice kind-${n.level}">
<header>
<div class="masthead">${t(lang, '政务服务改革督办单', 'Government-Service Reform Supervision Notice')}</div>
<div class="docno"><span>${o.issuer}</span><span>${dateText(issued, lang)}</span></div>
<hr class="redline">
<h1>${NOTICE_KIND[n.level][lang]} ${badge(lang, n.level)}</h1>
<p class="subtitle">${filtersLine(lang, set)}</p>
</header>
<p class="to">${n.unit}${t(lang, '：', ':')}</p>
<p>${summaryLine(lang, set, n)}</p>
<section id="tasks">
<h2>${t(lang, '一、配档表任务', '1. Scheduled tasks')}</h2>
${taskTable(lang, n.tasks)}
</section>
<section id="cases">
<h2>${t(lang, '二、差评“1、5、15”处置', '2. Bad reviews under the 1-5-15 rule')}</h2>
${caseTable(lang, n.cases)}
</section>
<p class="note">${t(
  lang,
  `颜色说明：红色·逾期——已过截止日期或“1、5、15”时限仍未完成；黄色·滞后——长期任务本月未报送进展；蓝色·提醒——截止日期在评估日起${set.warning_wd}个工作日内。工作日按国家法定节假日及调休安排计算，当日不计入。`,
  `Colours: red · overdue — past the due date or a 1-5-15 limit and not done; yellow · behind — an ongoing task with no progress report this month; blue · reminder — due within ${set.warning_wd} working days of the review date. Working days follow the statutory holidays and adjusted working days; the event day is not counted.`,
)}</p>
<p class="reply">${t(lang, '请于收到本单后3个工作日内反馈整改落实情况。', 'Please reply with what was done within 3 working days of receiving this notice.')}</p>
<div class="issuer">${o.issuer}<br>${dateText(issued, lang)}</div>
</article>`
}

const CSP = 'default-src \'none\'; style-src \'unsafe-inline\'; font-src data:; img-src data:'

/** One unit's notice as a printable A4 page: no script, every data string masked and escaped. */
export async function noticeHtml(set: NoticeSet, n: UnitNotice, o: NoticeOptions, deps: { font?: FontAssets | null } = {}): Promise<string> {
  const title = noticeTitle(o.lang, n)
  const body = noticeBody(set, n, o)
  const head = html`<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="generator" content="duban">
<title>${title}</title>`
  let page = `<!doctype html>
<html lang="${t(o.lang, 'zh-CN', 'en')}">
<head>
${head}
<style>/*@font-face*/${reportCss(title, o.lang)}${NOTICE_CSS}${WATERMARK_CSS}</style>
</head>
<body>
${watermarkLayer(o.watermark)}
${body}
</body>
</html>
`
  const font = deps.font ? await embedFont(deps.font, pageText(page, title)) : null
  page = page.replace('/*@font-face*/', font ? `${font.css}\n` : '')
  return page
}

/** A short plain-text version for a chat message: one line per item, personal numbers masked. */
export function noticeText(set: NoticeSet, n: UnitNotice, o: Pick<NoticeOptions, 'lang' | 'issuer' | 'watermark'>): string {
  const { lang } = o
  const lines: string[] = []
  lines.push(`【${NOTICE_KIND[n.level][lang]}】${n.unit}`)
  lines.push(filtersLine(lang, set))
  lines.push(summaryLine(lang, set, n))
  if (n.tasks.length) {
    lines.push(t(lang, '一、配档表任务', '1. Scheduled tasks'))
    n.tasks.forEach((x, i) => {
      const i2 = interp(lang, x)
      const deadline = t(lang, `完成时限“${x.deadline_text}”${i2 && i2 !== x.deadline_text ? `（${i2}）` : ''}`, `deadline "${x.deadline_text}"${i2 && i2 !== x.deadline_text ? ` (${i2})` : ''}`)
      const state = x.level === 'yellow' ? t(lang, '本月未报送进展', 'not reported this month') : `${t(lang, '截止', 'due')} ${x.due_date ?? '—'}${t(lang, '，', ', ')}${wdPhrase(lang, x.wd_overdue)}`
      lines.push(`${i + 1}. [${levelWord(lang, x.level)}] ${x.task_id} ${x.task}${t(lang, '；', '; ')}${deadline}${t(lang, '；', '; ')}${state}`)
    })
  }
  if (n.cases.length) {
    lines.push(t(lang, '二、差评“1、5、15”处置', '2. Bad reviews (1-5-15)'))
    n.cases.forEach((c, i) => {
      lines.push(`${i + 1}. [${levelWord(lang, c.level)}] ${c.eval_id} ${c.matter_name ?? ''}${c.channel ? t(lang, `（${c.channel}）`, ` (${c.channel})`) : ''}${t(lang, '；评价', '; rated ')}${c.rated_date}${t(lang, '；', '; ')}${caseRule(lang, c)}${t(lang, '，时限', ', limit ')}${c.limit_date ?? '—'}${t(lang, '，', ', ')}${wdPhrase(lang, c.wd_remaining === null ? null : -c.wd_remaining)}`)
    })
  }
  lines.push(`—— ${o.issuer}`)
  if (o.watermark)
    lines.push(`（${o.watermark}）`)
  return maskText(`${lines.join('\n')}\n`)
}
