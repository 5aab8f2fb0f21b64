// Phrases that are not date tokens but decide how a deadline reads: numbers that name things,
// start markers, recurrences, durations, and the vocabularies of ongoing and external texts.

export interface Span { start: number, end: number }

// Positions are UTF-16 units, as String.prototype.slice and matchAll count them.
const MASK = '\uFFFF'

function find(s: string, res: RegExp[], from = 0): Span[] {
  const spans: Span[] = []
  for (const re of res) {
    for (const m of s.slice(from).matchAll(re))
      spans.push({ start: from + m.index, end: from + m.index + m[0].length })
  }
  return spans.sort((a, b) => a.start - b.start)
}

/** The text with the spans blanked out; it keeps its length, so positions stay valid. */
export function mask(s: string, spans: Span[]): string {
  let out = ''
  let at = 0
  for (const { start, end } of [...spans].sort((a, b) => a.start - b.start)) {
    const a = Math.max(start, at)
    if (end <= a)
      continue
    out += s.slice(at, a) + MASK.repeat(end - a)
    at = end
  }
  return out + s.slice(at)
}

const YEAR = '(?:\\d{4}|[〇零一二三四五六七八九]{4})'
const COUNT = '[\\d一二三四五六七八九十百]+'

/**
 * Numbers and years that name things, not times: `2022年《政府工作报告》`, `2023年度考核`,
 * `2024年第二批`, `3000户`, `第3批`, `12345热线`, `100项`, a service limit `压缩至5个工作日`.
 * They must neither block nor become a date next to them.
 */
const THING_RES = [
  /《[^《》]*》/g,
  /〈[^〈〉]*〉/g,
  new RegExp(`${YEAR}年?(?:度|版)`, 'g'),
  new RegExp(`${YEAR}年(?=(?:全?[省市县区州])?(?:[《〈“"]|政府工作报告|工作要点|重点工作|为民实事|民生实事)|第${COUNT}(?:批|次|轮|期|届))`, 'g'),
  new RegExp(`第${COUNT}(?:批|次|轮|期|届|号|条|项|个(?!月|工作日|星期|季度)|名|位|家|类|部分|章|节)`, 'g'),
  /\d{5,}/g,
  /\d+(?:\.\d+)?[万亿千百]?(?:个(?!月|工作日|星期|小时|季度|半月)|户|项|家|件|人次|人|批|条|类|元|%|‰|所|座|名|次|套|份|张|台|辆|公里|千米|米|平方米|亩|吨|场|处|栋|间|床|位|证|部|篇|轮|分钟|小时)/g,
  /(?:压缩至|缩短至|压减至|减至|降至|控制在|不超过|限时)[\d一二三四五六七八九十百]+个?(?:工作日|自然日|日|天|小时|分钟)(?:以内|之内|内)?/g,
]

export function thingSpans(s: string): Span[] {
  return find(s, THING_RES)
}

/** `3个月内`, `30个工作日内`, `3年内`: a duration with no anchor date. */
const DURATION_RE = /(?<![\d月])(?:[\d一二三四五六七八九十两半百]+个(?:月|星期|工作日|自然日|小时|季度)|[一二三四五六七八九十两半]年|\d{1,2}年|[\d一二三四五六七八九十两半百]+(?:周|工作日|自然日|日|天|小时))(?:以内|之内|内)/

export function hasDuration(s: string): boolean {
  return DURATION_RE.test(s)
}

/** `自即日起`, `自印发之日起`: a start with no date in it. */
const START_PHRASE_RES = [/(?:自|从)?(?:即日|(?:印发|发布|公布|施行|实施|下发)之日)起/g]

export function startPhraseSpans(s: string, from: number): Span[] {
  return find(s, START_PHRASE_RES, from)
}

const N = '[\\d一二三四五六七八九十两]'
const WITHIN_PERIOD = `(?:的?(?:第?${N}{1,2}个月的?(?:${N}{1,3}(?:日|号))?|第?${N}{1,3}个?(?:工作日|日|号|周)|${N}{1,2}月(?:${N}{1,3}(?:日|号)|底|末|份|[上中下]旬)?|最后一(?:个月|周|天|日|个工作日)的?(?:${N}{1,3}(?:日|号))?|[上中下]旬|初|底|末))*(?:以前|之前|前|内)?`
/**
 * A recurring limit: `每月10日前`, `每季度`, `每年12月底前`, `每半年`, `每周`, `按月`, `逐月`,
 * `定期`, `一月一调度`, `月度调度`. The limit inside the period (`10日前`) belongs to the
 * recurrence and is never read as a one-off date.
 */
const RECUR_RES = [
  new RegExp(`(?:每|按)(?:[一两三四六半]|\\d{1,2})?个?(?:自然)?(?:月|季度|季|年度|年|周|星期|旬|工作日|日|天)度?${WITHIN_PERIOD}`, 'g'),
  new RegExp(`逐(?:月|季度|季)${WITHIN_PERIOD}`, 'g'),
  /(?<!不)定期/g,
  /一(?:月|季|周|年)一(?:调度|通报|报送|评估|督查|考核|会商|总结|次)/g,
  /(?<![\d〇零一二三四五六七八九十年])(?:月度|季度|年度)(?:调度|通报|报送|例会|会商|分析|评估|考核|点评|总结)/g,
]

export function recurrenceSpans(s: string, from: number): Span[] {
  const spans = find(s, RECUR_RES, from)
  // Overlapping alternatives (按月 inside 每月…) keep the first, longest match.
  const out: Span[] = []
  for (const sp of spans) {
    const last = out.at(-1)
    if (last && sp.start < last.end)
      last.end = Math.max(last.end, sp.end)
    else
      out.push({ ...sp })
  }
  return out
}

export const PUNCT_RE = /[\s,;.。、:()[\]{}<>《》“”‘’"'「」【】…·!?/\\|_~\-\uFFFF]/g

const AUTH = '(?:国家部委|国务院|国家|中央|部委|省委|省政府|省级|省里|全省|省|市委|市政府|市级|市里|全市|市|上级部门|上级|主管部门|有关部门)'
const AUTHS = `${AUTH}(?:(?:和|及|与|、)?${AUTH})*(?:的)?`
export const EXTERNAL_RES = [
  new RegExp(`^(?:按照|按|根据|依据|依照|遵照|视|服从)${AUTHS}(?:统一)?(?:工作)?(?:安排|部署|要求|进度|时间节点|时间|时限|节点|规定|通知)(?:统筹推进|推进|执行|落实|完成|实施|办理|确定)?$`),
  new RegExp(`^(?:待|等待)${AUTHS}(?:统一)?(?:安排|部署|确定|通知|明确)(?:后)?(?:推进|确定|执行|实施)?$`),
  new RegExp(`^(?:与|同)${AUTHS}同步(?:推进|实施|完成)?$`),
  new RegExp(`^以${AUTHS}(?:通知|要求|安排|部署)为准$`),
]

export const ONGOING_VOCAB_RE = /^(?:长期|持续|常态化|常年|久久为功|常抓不懈|坚持|推进|开展|实施|落实|执行|抓好|做好|工作|并|和|及|按月|每月|报送|调度|进展|情况|定期|动态|更新|调整|完善|优化|深化|跟踪|进行|有效|保持|推动|加强|不断|要|下去)+$/
export const ONGOING_MARK_RE = /长期|持续|常态化|常年|久久为功|常抓不懈/
// Only a phrase that keeps the work going counts, not a noun like 常态化机制.
export const THEN_ONGOING_RE = /(?:长期|持续|常态化|常年)(?:坚持|推进|开展|实施|落实|执行|运行|跟踪|报送|做好|抓好|优化|完善|深化|巩固|保持)(?!机制|体系|制度|模式|格局|平台)|长期(?=$|[,;。、)])|久久为功|常抓不懈|(?:每月|按月|定期)(?:报送|调度)(?!机制|制度)/
// Ongoing words inside prose with no date at all (`要长期坚持下去`, `常态化开展`, `持续提升…`).
export const PROSE_ONGOING_RE = /(?:长期|持续|常态化|常年|不断)(?:坚持|推进|开展|实施|落实|执行|运行|跟踪|做好|抓好|优化|完善|深化|巩固|保持|提升|加强|推动|改进)(?!机制|体系|制度|模式|格局|平台)|久久为功|常抓不懈/
// `年内持续推进`: the State Council's tag for work with no completion event.
export const AFTER_WITHIN_YEAR_ONGOING_RE = /^[\s,]*(?:要|并|将)?(?:持续|长期|常态化|常年|不断)/
