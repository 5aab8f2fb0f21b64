import type { ColumnKind } from '../../domain/contract/tables'
import type { IssueCode } from './issues'
import { excelSerialToChina, parseChinaDate, parseChinaDateTime } from '../../domain/dates'

/** A normalised cell: text in the canonical form the SQL schema casts from, or null. */
export type NormalisedCell = { ok: true, value: string | null } | { ok: false, code: IssueCode }

const LEVELS: Record<string, number> = {
  非常满意: 5,
  满意: 4,
  基本满意: 3,
  不满意: 2,
  非常不满意: 1,
}

const VERDICTS: Record<string, string> = {
  属实: '属实',
  部分属实: '属实',
  不属实: '不属实',
  误评: '误评',
  恶意: '恶意差评',
  恶意差评: '恶意差评',
}

const TASK_STATUSES: Record<string, string> = {
  未启动: '未启动',
  未开始: '未启动',
  推进中: '推进中',
  进行中: '推进中',
  正在推进: '推进中',
  已完成: '已完成',
  完成: '已完成',
  已办结: '已完成',
  滞后: '滞后',
  进度滞后: '滞后',
}

const TRUE = new Set(['是', 'y', 'yes', 'true', '1', '实名', '复杂', 't'])
const FALSE = new Set(['否', 'n', 'no', 'false', '0', '匿名', '非实名', '简单', 'f'])

/** Application channels as platforms spell them, folded into the contract's set. */
export function normaliseChannel(raw: string): string {
  const s = raw.replace(/\s/g, '')
  if (/窗口|现场|大厅/.test(s))
    return '窗口'
  if (/掌上|移动|手机|app|小程序|爱山东|皖事通|微信/i.test(s))
    return '掌上'
  if (/自助/.test(s))
    return '自助终端'
  if (/邮寄|快递/.test(s))
    return '邮寄'
  if (/网上|网办|网站|pc|政务服务网|在线|互联网/i.test(s))
    return '网上'
  return s
}

const INT_MAX = 2147483647
const NUMBER_WITH_UNIT = /^([+-]?\d+(?:\.\d+)?)\s*(?:个工作日|工作日|个|项|次|天|日|件|元|份)?$/u

export function normaliseCell(raw: unknown, kind: ColumnKind): NormalisedCell {
  if (raw === null || raw === undefined)
    return { ok: true, value: null }
  if (typeof raw === 'number') {
    if (kind === 'date' || kind === 'datetime') {
      // Only spreadsheets hand over numbers for date cells: Excel serial dates. A serial out
      // of Excel's range (negative, NaN, past 9999) is a bad date, not a crash.
      const bad = { ok: false as const, code: kind === 'date' ? 'bad_date' as const : 'bad_datetime' as const }
      if (!Number.isFinite(raw) || raw < 1)
        return bad
      try {
        const dt = excelSerialToChina(raw)
        return { ok: true, value: kind === 'date' ? dt.slice(0, 10) : dt }
      }
      catch {
        return bad
      }
    }
    raw = String(raw)
  }
  if (raw instanceof Date)
    return { ok: false, code: kind === 'date' ? 'bad_date' : 'bad_datetime' }
  const s = String(raw).normalize('NFKC').trim()
  if (s === '')
    return { ok: true, value: null }
  switch (kind) {
    case 'text':
      return { ok: true, value: String(raw).trim() }
    case 'int':
    case 'number': {
      const m = NUMBER_WITH_UNIT.exec(s.replace(/,/g, ''))
      if (!m || (kind === 'int' && !/^[+-]?\d+$/.test(m[1]!)))
        return { ok: false, code: 'bad_number' }
      const n = Number(m[1])
      // A count or a number of working days is stored as a 32-bit integer: beyond that it is
      // a slip (a phone or an id in the wrong column), not a count.
      if (kind === 'int' && (n > INT_MAX || n < -INT_MAX - 1))
        return { ok: false, code: 'bad_number' }
      return { ok: true, value: String(n) }
    }
    case 'date': {
      const r = parseChinaDate(s)
      return r.ok ? { ok: true, value: r.value } : { ok: false, code: 'bad_date' }
    }
    case 'datetime': {
      const r = parseChinaDateTime(s)
      return r.ok ? { ok: true, value: r.value } : { ok: false, code: 'bad_datetime' }
    }
    case 'level': {
      const named = LEVELS[s.replace(/\s/g, '')]
      if (named)
        return { ok: true, value: String(named) }
      const stars = /^★{1,5}$/.test(s) ? s.length : /^([1-5])\s*(?:星|分)?$/.exec(s)?.[1]
      return stars ? { ok: true, value: String(stars) } : { ok: false, code: 'bad_level' }
    }
    case 'bool': {
      const k = s.toLowerCase()
      if (TRUE.has(k))
        return { ok: true, value: 'true' }
      if (FALSE.has(k))
        return { ok: true, value: 'false' }
      return { ok: false, code: 'bad_bool' }
    }
    case 'verdict': {
      const v = VERDICTS[s.replace(/\s/g, '')]
      return v ? { ok: true, value: v } : { ok: false, code: 'bad_verdict' }
    }
    case 'task_status': {
      const v = TASK_STATUSES[s.replace(/\s/g, '')]
      return v ? { ok: true, value: v } : { ok: false, code: 'bad_status' }
    }
    case 'channel':
      return { ok: true, value: normaliseChannel(s) }
  }
}
