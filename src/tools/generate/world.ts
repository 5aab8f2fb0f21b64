// Everything fixed before the first application is drawn: the period on the time axis, the
// services with their baselines and demand, departments and their traits, places and staff.

import type { Baseline } from './baselines'
import type { Locale, PlanInput, Service } from './plan'
import { WorkCalendar } from '../../domain/calendar'
import { lastDayOfMonth } from '../../domain/dates'
import { buildBaselines, matterBaseline } from './baselines'
import { csvField } from './columns'
import { personName } from './people'
import { departmentsOf, deptQuality, localeFor, servicesOf } from './plan'
import { Rng, Weighted } from './prng'
import { DAY, TimeAxis } from './time'

export interface GenerateOptions {
  seed: string | number
  /** Number of applications. */
  scale: number
  /** First and last month, 'YYYY-MM'. */
  from: string
  to: string
  /** Range of the bad-review share among evaluations, as fractions (default 1–3%). */
  badRange?: [number, number]
  /** Share of completed applications that get rated (default 0.7). */
  evalShare?: number
  /** Data set id written to dataset.json. */
  id?: string
}

export interface Month {
  key: string
  /** Axis day of the 1st, and one past the month's last day. */
  first: number
  end: number
  /** 0 for the first month, 1 for the last: drives the drift online and the improvement in service. */
  progress: number
}

export interface ServiceModel extends Service {
  index: number
  baseline: Baseline
  /** How much more (or less) than average this service is done online. */
  onlineFactor: number
  /** Relative demand before seasonality (Zipf over a shuffled order). */
  demand: number
  memberPick: Weighted
  /** CSV-ready cells. */
  csv: { bundle: string, members: string[], depts: string[] }
}

export interface Dept {
  name: string
  csv: string
  quality: number
  /** Approving officers, for ratings of applications made online. */
  staff: string[]
}

export interface Place {
  name: string
  csv: string
  windows: Array<{ label: string, staff: string }>
}

export class World {
  readonly calendar: WorkCalendar
  readonly axis: TimeAxis
  readonly months: Month[]
  /** Last second of the period. */
  readonly end: number
  readonly year: number
  readonly services: ServiceModel[]
  readonly baselines: Baseline[]
  readonly depts: Map<string, Dept>
  readonly places: Place[]
  readonly placePick: Weighted
  readonly locale: Locale
  readonly badTarget: number
  readonly evalShare: number

  constructor(readonly plan: PlanInput, readonly opts: GenerateOptions, calendar = new WorkCalendar()) {
    this.calendar = calendar
    const months = monthsBetween(opts.from, opts.to)
    const firstDate = `${opts.from}-01`
    // Both ends must be inside the calendar: throws CalendarCoverageError otherwise.
    calendar.isWorkday(firstDate)
    calendar.isWorkday(lastDayOfMonth(opts.to))
    const periodDays = dayCount(calendar, firstDate, opts.to)
    // A margin past the period so that working-day limits near the end can still be counted.
    this.axis = new TimeAxis(calendar, firstDate, periodDays + 60)
    this.months = months.map((key, i) => {
      const first = this.axis.indexOf(`${key}-01`)
      const next = i + 1 < months.length ? this.axis.indexOf(`${months[i + 1]}-01`) : periodDays
      return { key, first, end: next, progress: months.length > 1 ? i / (months.length - 1) : 0.5 }
    })
    this.end = periodDays * DAY - 1
    this.year = Number(months[Math.floor(months.length / 2)]!.slice(0, 4))
    this.locale = localeFor(plan.meta.id)
    const [lo, hi] = opts.badRange ?? [0.01, 0.03]
    this.badTarget = (lo + hi) / 2
    this.evalShare = opts.evalShare ?? 0.7

    const services = servicesOf(plan)
    if (services.length === 0)
      throw new RangeError(`计划 ${plan.meta.id} 没有一件事或事项清单 / plan ${plan.meta.id} lists no bundles or matters`)
    this.baselines = buildBaselines(opts.seed, services)
    const byBundle = new Map(this.baselines.map(b => [b.bundle, b]))
    const rng = new Rng(opts.seed, 'services')
    // Zipf over services ranked by how common their life event is, with some noise, so that
    // 企业开办 or 公积金提取 lead and 典当行变更 trails, as on any real platform.
    const score = services.map(s => popularity(s) * Math.exp(0.6 * rng.normal()))
    const order = services.map((_, i) => i).sort((a, b) => score[b]! - score[a]! || a - b)
    const rank = new Map(order.map((s, r) => [s, r]))
    this.services = services.map((s, i) => ({
      ...s,
      index: i,
      baseline: s.bundle ? byBundle.get(s.bundle)! : matterBaseline(rng, s.members[0]!.matter),
      onlineFactor: rng.range(0.55, 1.35),
      // Zipf: the most asked-for service has several times the volume of the fifth.
      demand: 1 / (rank.get(i)! + 1) ** 1.05,
      memberPick: new Weighted(s.members.map((_, k) => (k === 0 ? 2.5 : 1))),
      csv: { bundle: s.bundle ? csvField(s.bundle) : '', members: s.members.map(m => csvField(m.matter)), depts: s.members.map(m => csvField(m.dept)) },
    }))

    const staffRng = new Rng(opts.seed, 'staff')
    this.depts = new Map(departmentsOf(services).map(name => [name, {
      name,
      csv: csvField(name),
      quality: deptQuality(opts.seed, name),
      staff: Array.from({ length: 4 }, () => personName(staffRng)),
    }]))
    this.places = this.locale.places.map(p => ({
      name: p.name,
      csv: csvField(p.name),
      windows: Array.from({ length: 8 }, (_, n) => ({ label: csvField(`${p.name}政务服务中心${n + 1}号窗口`), staff: personName(staffRng) })),
    }))
    this.placePick = new Weighted(this.locale.places.map(p => p.weight))
  }

  dept(name: string): Dept {
    return this.depts.get(name)!
  }
}

const COMMON = /企业开办|公积金|社保|社会保险|医保|医疗保险|退休|新生儿|出生|居住证|户口|落户|不动产|二手房|入学|身份证|驾驶|机动车|失业|就业|养老|婚|残疾|低保|救助|准营|个体/
const RARE = /典当|律师|司法鉴定|拍卖|出版|印刷|药品|医疗器械|消防|旅行社|危险|烟花|爆破|枪|融资|担保|公证|执业|资格|考试|外商|进出口/

/** Prior demand of a service from what its name says: everyday life events high, specialist licences low. */
export function popularity(s: Service): number {
  const text = `${s.bundle ?? ''} ${s.members.map(m => m.matter).join(' ')}`
  const name = s.bundle ?? s.members[0]!.matter
  if (COMMON.test(name))
    return 4
  if (RARE.test(name))
    return 0.25
  return COMMON.test(text) ? 1.5 : RARE.test(text) ? 0.5 : 1
}

/** 'YYYY-MM' months from `from` to `to`, both included. */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = []
  let y = Number(from.slice(0, 4))
  let m = Number(from.slice(5, 7))
  const ty = Number(to.slice(0, 4))
  const tm = Number(to.slice(5, 7))
  while (y < ty || (y === ty && m <= tm)) {
    out.push(`${y}-${String(m).padStart(2, '0')}`)
    m++
    if (m > 12) {
      m = 1
      y++
    }
  }
  return out
}

function dayCount(cal: WorkCalendar, first: string, toMonth: string): number {
  let n = 0
  for (let d = first; d.slice(0, 7) <= toMonth; d = cal.addDays(d, 1))
    n++
  return n
}
