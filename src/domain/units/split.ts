/**
 * Lead and co-operating units out of a 配档表's 牵头单位 / 配合单位 cells (domain §2a):
 * "省营商局、各市人民政府", "区人社局,区医保局", "省营商局牵头，省大数据局配合",
 * "牵头单位：省发展改革委；责任单位：省编办、省住建厅". Brackets are never split inside
 * ("各县（市、区）政府"), and every name comes out in one canonical spelling.
 */

export type UnitRole = 'lead' | 'coop'

export interface CellUnits {
  /** Units accountable for the task: each is judged and ranked on it. */
  lead: string[]
  /** Units that co-operate: listed with the task, never ranked on it. */
  coop: string[]
}

const OPEN = '（'
const CLOSE = '）'
const OPENERS = new Set(['(', '（', '[', '【', '〔', '<', '〈', '＜', '«', '〖', '［'])
const CLOSERS = new Set([')', '）', ']', '】', '〕', '>', '〉', '＞', '»', '〗', '］'])

/**
 * One spelling per unit: full-width letters, digits and punctuation made half-width, brackets
 * around or after Chinese the Chinese （） with 、 between the items inside, spaces dropped
 * (kept, one, between two Latin letters or digits), invisible and control characters dropped,
 * and stray punctuation trimmed from both ends.
 */
export function normaliseUnitName(raw: string): string {
  // NFKC folds full-width ASCII (Ａ１（，) and the ideographic space to their plain forms.
  let text = raw.normalize('NFKC').replace(/[\u200B-\u200D\u2060\uFEFF]|[^\P{Cc}\n\t]/gu, '')
  text = text.replace(/\s+/g, (ws, at: number) => (/[A-Z0-9]/i.test(text[at - 1] ?? '') && /[A-Z0-9]/i.test(text[at + ws.length] ?? '') ? ' ' : ''))
  // Innermost groups first; a group left as written is parked on private-use marks meanwhile.
  const GROUP = /[([【〔［〖]([^()[\]【】〔〕［］〖〗]*)[)\]】〕］〗]/
  for (let m = GROUP.exec(text); m; m = GROUP.exec(text)) {
    const inner = m[1]!
    const chinese = /\p{Script=Han}/u.test(inner) || /\p{Script=Han}/u.test(text[m.index - 1] ?? '')
    const body = chinese ? `${OPEN}${inner.replace(/[,，;；/]/g, '、')}${CLOSE}` : `\uE000${inner}\uE001`
    text = text.slice(0, m.index) + body + text.slice(m.index + m[0].length)
  }
  text = text.replace(/\uE000/g, '(').replace(/\uE001/g, ')')
  return text.replace(/^[、,，;；:：。.\-—·]+|[、,，;；:：。.\-—·]+$/g, '').replace(/等$/, '')
}

// A unit name ends like this; "及", "和", "与", "等" after such an ending join two units
// ("各市人民政府及省沈抚示范区管委会"), elsewhere they belong to a name ("住房和城乡建设局").
const UNIT_END = /(?:局|委|厅|办|办公室|政府|委员会|管委会|中心|院|部|部门|单位|署|队|公司|集团|联|会|所|站|行|处|室|组)$/

type Mark = UnitRole | 'none'

interface Part { name: string, mark: Mark }

// Marks written after a unit or in brackets after it, longest first.
const MARKS: Array<[RegExp, Mark]> = [
  [/(?:为)?牵头(?:负责|落实|推进|实施)?(?:单位|部门)?$/, 'lead'],
  [/(?:按|依)?(?:职责|职能)?分工负责$|按职责负责$|按职责落实$|分别负责$|各负其责$/, 'none'],
  [/(?:负责)?(?:配合|协助|协同|参与|协办)(?:落实|推进|实施|单位|部门)?$/, 'coop'],
  [/(?:具体)?负责(?:落实|推进|实施)?$/, 'lead'],
]

// Clause labels: "牵头单位：…", "责任单位：…", "配合单位：…".
const LABELS: Array<[RegExp, Mark]> = [
  [/^(?:牵头(?:责任)?(?:单位|部门)|主办(?:单位|部门)|牵头)[:：]/, 'lead'],
  [/^(?:(?:协同|协办|配合|参与|责任|协作)(?:责任)?(?:单位|部门))[:：]/, 'coop'],
]

function stripMark(text: string): Part {
  let name = text.replace(/^由/, '')
  let mark: Mark = 'none'
  // A bracketed remark at the end: a role ("（牵头）") or a note ("（具体名单见附件1、2）").
  for (;;) {
    const m = /[（(]([^（）()]*)[）)]$/.exec(name)
    if (!m)
      break
    const inner = m[1]!
    const role = MARKS.find(([re]) => re.test(inner) && inner.replace(re, '') === '')
    if (role) {
      mark = role[1] === 'none' ? mark : role[1]
    }
    else if (/见|详见|名单|下同|附件/.test(inner)) {
      // A pointer to an annex, not part of the unit's name.
    }
    else {
      break
    }
    name = name.slice(0, m.index)
  }
  for (const [re, role] of MARKS) {
    const rest = name.replace(re, '')
    if (rest !== name && rest.length >= 2) {
      name = rest
      if (role !== 'none')
        mark = role
      break
    }
  }
  return { name: normaliseUnitName(name), mark }
}

/** Splits text at depth 0 of brackets wherever `isSep` says so. */
function splitTop(text: string, isSep: (s: string, i: number) => number): string[] {
  const out: string[] = []
  let depth = 0
  let start = 0
  for (let i = 0; i < text.length;) {
    const ch = text[i]!
    if (OPENERS.has(ch))
      depth++
    else if (CLOSERS.has(ch))
      depth = Math.max(0, depth - 1)
    const len = depth === 0 ? isSep(text, i) : 0
    if (len > 0) {
      out.push(text.slice(start, i))
      i += len
      start = i
    }
    else {
      i++
    }
  }
  out.push(text.slice(start))
  return out
}

const CLAUSE_SEP = /[，,；;。\n\r]/
const LIST_SEP = /[、/／]/

/** "甲局及乙委" → both, only where the left side already ends like a unit's name. */
function splitJoined(part: string): string[] {
  const pieces = splitTop(part, (s, i) => {
    const w = s.startsWith('以及', i) ? 2 : /[及和与等]/.test(s[i]!) ? 1 : 0
    if (w === 0)
      return 0
    const left = s.slice(0, i).replace(/^.*[及和与等]/, '').trim()
    const right = s.slice(i + w).trim()
    // "…等" at the very end is "and others", handled by the trim; a mark after it is not a unit.
    return UNIT_END.test(left) && left.length >= 2 && right.length >= 2 && !/^(?:有关)?(?:单位|部门)?(?:牵头|配合|负责|按职责)/.test(right) ? w : 0
  })
  return pieces.filter(p => p !== '')
}

function cellParts(cell: string): Part[] {
  // Spaces go with the names (normaliseUnitName); line breaks separate like commas.
  const text = cell.normalize('NFKC').replace(/[^\S\n\r]+/g, ' ')
  const parts: Part[] = []
  for (let clause of splitTop(text, (s, i) => (CLAUSE_SEP.test(s[i]!) ? 1 : 0))) {
    let label: Mark = 'none'
    for (const [re, role] of LABELS) {
      if (re.test(clause)) {
        label = role
        clause = clause.replace(re, '')
        break
      }
    }
    const inClause: Part[] = []
    for (const listed of splitTop(clause, (s, i) => (LIST_SEP.test(s[i]!) ? 1 : 0))) {
      const pieces = splitJoined(listed)
      pieces.forEach((piece, k) => {
        const p = stripMark(piece)
        // "甲局和乙局配合": the mark after the last joined name covers the ones before it.
        if (k === pieces.length - 1 && p.mark !== 'none') {
          for (let j = inClause.length - 1; j >= inClause.length - k && j >= 0; j--)
            inClause[j]!.mark = inClause[j]!.mark === 'none' ? p.mark : inClause[j]!.mark
        }
        if (p.name)
          inClause.push(p)
      })
    }
    // "甲、乙牵头": a mark covers the unmarked names before it in its clause, back to the previous mark.
    for (let i = inClause.length - 1; i >= 0; i--) {
      const m = inClause[i]!.mark
      if (m === 'none')
        continue
      for (let j = i - 1; j >= 0 && inClause[j]!.mark === 'none'; j--)
        inClause[j]!.mark = m
    }
    for (const p of inClause)
      parts.push({ name: p.name, mark: p.mark === 'none' ? label : p.mark })
  }
  return parts
}

function unique(names: string[], except: Set<string> = new Set()): string[] {
  const seen = new Set(except)
  return names.filter(n => (seen.has(n) ? false : (seen.add(n), true)))
}

/**
 * The lead and co-operating units of one task from its 牵头单位 cell and its 配合/责任单位
 * cell. In the lead cell, unmarked names lead unless another name there is marked 牵头
 * ("省营商局（牵头）、省公安厅": the second co-operates); in the other cell they co-operate.
 * A lead cell whose names are all marked 配合 still leads: the task must have someone to answer for it.
 */
export function splitUnits(leadCell: string | null | undefined, coopCell?: string | null): CellUnits {
  const leadParts = leadCell ? cellParts(leadCell) : []
  const coopParts = coopCell ? cellParts(coopCell) : []
  const explicitLead = leadParts.some(p => p.mark === 'lead')
  let lead = leadParts.filter(p => p.mark === 'lead' || (p.mark === 'none' && !explicitLead)).map(p => p.name)
  const coop = leadParts.filter(p => !lead.includes(p.name)).map(p => p.name)
  if (lead.length === 0 && leadParts.length > 0) {
    lead = leadParts.map(p => p.name)
    coop.length = 0
  }
  lead.push(...coopParts.filter(p => p.mark === 'lead').map(p => p.name))
  coop.push(...coopParts.filter(p => p.mark !== 'lead').map(p => p.name))
  const leads = unique(lead)
  return { lead: leads, coop: unique(coop, new Set(leads)) }
}

/** Every unit name a cell names, whatever its role: for filter options and name checks. */
export function unitNames(cell: string | null | undefined): string[] {
  const u = splitUnits(cell)
  return [...u.lead, ...u.coop]
}
