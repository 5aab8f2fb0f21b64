// A seed plan's lists (seeds/<plan-id>/) as the generator sees them: the services people apply
// for, the departments, the places, and the schedule re-based to the generated year.

import { hashUnit } from './prng'

/** A CSV table as text: header and rows, every cell a string. */
export interface TextTable {
  columns: string[]
  rows: string[][]
}

export interface PlanMeta {
  id: string
  title?: string
  issuer?: string
  date?: string
  plan_year?: number
}

export interface PlanInput {
  meta: PlanMeta
  bundles: TextTable | null
  tasks: TextTable | null
  matters: TextTable | null
}

export interface Member {
  matter: string
  dept: string
}

/** One thing people apply for: a bundle ("一件事") with its member matters, or a single matter. */
export interface Service {
  bundle: string | null
  leadDept: string
  category: string
  members: Member[]
}

export interface Place {
  name: string
  /** Relative number of residents, for the share of applications. */
  weight: number
}

export interface Locale {
  places: Place[]
  /** First six digits of local resident ID numbers. */
  idRegion: string
  /** Prefix of application numbers. */
  appPrefix: string
}

const w = (names: string, weights: number[]): Place[] => names.split(' ').map((name, i) => ({ name, weight: weights[i] ?? 1 }))

// Real place names of each seed plan's area: cities for the province, districts for a city,
// 镇街 for a district. Weights are rough population shares.
const LOCALES: Record<string, Locale> = {
  liaoning: { places: w('沈阳市 大连市 鞍山市 抚顺市 本溪市 丹东市 锦州市 营口市 阜新市 辽阳市 盘锦市 铁岭市 朝阳市 葫芦岛市 沈抚示范区', [91, 75, 33, 19, 13, 22, 27, 23, 16, 16, 14, 24, 28, 24, 4]), idRegion: '210102', appPrefix: 'LN' },
  hedong: { places: w('九曲街道 芝麻墩街道 凤凰岭街道 相公街道 太平街道 汤头街道 郑旺镇 汤河镇 八湖镇 刘店子乡', [12, 10, 7, 6, 6, 5, 5, 5, 4, 3]), idRegion: '371312', appPrefix: 'HD' },
  xuecheng: { places: w('临城街道 常庄街道 巨山街道 兴仁街道 沙沟镇 周营镇 邹坞镇 陶庄镇', [12, 8, 6, 5, 4, 4, 5, 6]), idRegion: '370403', appPrefix: 'XC' },
  sanmenxia: { places: w('湖滨区 陕州区 灵宝市 义马市 渑池县 卢氏县 三门峡经济开发区', [30, 30, 70, 15, 30, 32, 8]), idRegion: '411202', appPrefix: 'SMX' },
  xinxiang: { places: w('红旗区 卫滨区 凤泉区 牧野区 新乡县 获嘉县 原阳县 延津县 封丘县 长垣市 卫辉市 辉县市 平原示范区', [40, 22, 10, 30, 30, 35, 55, 40, 60, 75, 45, 75, 12]), idRegion: '410702', appPrefix: 'XX' },
}

const FALLBACK_LOCALE: Locale = { places: w('城关街道 城东街道 城西街道 开发区 北关镇 南湖镇', [10, 8, 8, 5, 4, 3]), idRegion: '110101', appPrefix: 'GS' }

export function localeFor(planId: string): Locale {
  return LOCALES[planId.split('-')[0] ?? ''] ?? FALLBACK_LOCALE
}

function cell(t: TextTable, row: string[], name: string): string {
  const i = t.columns.indexOf(name)
  return i >= 0 ? (row[i] ?? '').trim() : ''
}

/** The first of several departments written together ("省营商局、省卫生健康委"): the one that acts. */
export function firstDept(text: string): string {
  return text.split(/[、，,；;/]/)[0]?.trim() || text.trim()
}

/**
 * The services of a plan: its bundles with their member matters, or, for a plan that lists
 * only matters (a 双全双百 list), each distinct matter on its own.
 */
export function servicesOf(plan: PlanInput): Service[] {
  const out: Service[] = []
  const b = plan.bundles
  if (b && b.rows.length > 0) {
    const byName = new Map<string, Service>()
    for (const row of b.rows) {
      const name = cell(b, row, 'bundle_name')
      if (!name)
        continue
      let s = byName.get(name)
      if (!s) {
        s = { bundle: name, leadDept: cell(b, row, 'lead_dept'), category: cell(b, row, 'category'), members: [] }
        byName.set(name, s)
        out.push(s)
      }
      const matter = cell(b, row, 'member_matter')
      if (matter && !s.members.some(m => m.matter === matter))
        s.members.push({ matter, dept: firstDept(cell(b, row, 'member_dept') || s.leadDept) })
    }
    for (const s of out) {
      if (s.members.length === 0)
        s.members.push({ matter: s.bundle!, dept: firstDept(s.leadDept) })
    }
    return out
  }
  const m = plan.matters
  if (m) {
    const seen = new Set<string>()
    for (const row of m.rows) {
      const name = cell(m, row, 'matter_name')
      const dept = firstDept(cell(m, row, 'lead_dept'))
      if (!name || !dept || seen.has(name))
        continue
      seen.add(name)
      out.push({ bundle: null, leadDept: dept, category: cell(m, row, 'subject'), members: [{ matter: name, dept }] })
    }
  }
  return out
}

/** Every department that handles applications, in first-seen order. */
export function departmentsOf(services: Service[]): string[] {
  return [...new Set(services.flatMap(s => s.members.map(m => m.dept)))]
}

/**
 * How well a department works, from −1 (struggling) to 1 (exemplary): fixed by seed and name,
 * so its overdue rate, bad-review rate and follow-up discipline all lean the same way.
 */
export function deptQuality(seed: string | number, dept: string): number {
  return hashUnit(`${seed}\u0000quality\u0000${dept}`) * 2 - 1
}

/**
 * Shifts the years written in a deadline text by `delta` ("2023年4月底前" → "2024年4月底前"),
 * so a plan's schedule falls inside the generated period. Texts without a year need nothing:
 * they are read against plan_year, which the generated tasks carry.
 */
export function shiftDeadlineYears(text: string, delta: number): string {
  if (delta === 0)
    return text
  return text.replace(/(?<!\d)((?:19|20|21)\d{2})(?=\s*年|[-./]\d)/g, y => String(Number(y) + delta))
}
