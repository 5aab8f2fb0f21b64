// Applications (办件), drawn month by month. A month is drawn in two passes: first what each
// application is and when it arrived (small typed arrays), then, in time order, everything
// that followed — acceptance, completion, delivery, the rating and its follow-up. Rows leave
// in blocks, so memory stays bounded by a month's arrival times whatever the scale.

import type { Feedback } from './feedback'
import type { Month, ServiceModel, World } from './world'
import { mobile, idNumber, personName } from './people'
import { Rng, Weighted, apportion } from './prng'
import { COUNTER_HOURS, DAY, H, M, NEVER } from './time'

export type Channel = '窗口' | '网上' | '掌上' | '自助终端' | '邮寄'
export const CHANNELS: readonly Channel[] = ['窗口', '网上', '掌上', '自助终端', '邮寄']
const WINDOW = 0
const WEB = 1
const MOBILE = 2
const KIOSK = 3
const POST = 4

/** One generated application, as the rating and follow-up need it. */
export interface AppFacts {
  appId: string
  service: ServiceModel
  member: number
  place: number
  channel: number
  completed: number
  delivered: number
  overdue: boolean
  applicant: string
  phone: string
  idNumber: string
}

export interface Chunk {
  table: 'applications' | 'evaluations' | 'rectifications' | 'task_progress'
  text: string
}

// Online submissions by hour of day: office-hour peaks and an evening one after work.
const ONLINE_HOURS = new Weighted([0.3, 0.15, 0.1, 0.08, 0.08, 0.15, 0.4, 1.0, 2.2, 3.5, 3.6, 3.0, 1.8, 2.0, 3.0, 3.2, 3.0, 2.4, 1.6, 1.8, 2.3, 2.4, 1.6, 0.8])
// Counter traffic by weekday (Sunday first): Mondays busiest, adjusted working weekends quieter.
const COUNTER_WEEKDAY = [0.8, 1.25, 1.1, 1.0, 1.0, 0.9, 0.8]
const BLOCK = 20_000

/** Seasonal demand of a service in a month (1–12), from what its name says it is for. */
export function season(name: string, month: number): number {
  if (/入学|招生/.test(name))
    return month === 7 || month === 8 ? 4 : month === 6 ? 2 : 0.6
  if (/毕业/.test(name))
    return month >= 6 && month <= 8 ? 3 : 0.7
  if (/退役|入伍|参军/.test(name))
    return month === 9 ? 2.5 : month === 3 ? 1.5 : 0.9
  if (/身后|死亡/.test(name))
    return month === 12 || month <= 2 ? 1.3 : 0.95
  if (/婚/.test(name))
    return month === 5 || month === 10 ? 1.5 : month === 2 ? 1.3 : 0.95
  return 1
}

/** Channel shares of a month: online grows steadily through the period, mobile fastest. */
export function channelMix(progress: number, onlineFactor: number): number[] {
  const online = Math.min(0.9, (0.42 + 0.2 * progress) * onlineFactor)
  const mobileShare = 0.45 + 0.2 * progress
  const kiosk = 0.04
  const post = 0.015
  return [Math.max(0.05, 1 - online - kiosk - post), online * (1 - mobileShare), online * mobileShare, kiosk, post]
}

function weekday(world: World, day: number): number {
  const d = world.axis.dates[day]!
  return (Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10))) / 86_400_000 + 4) % 7
}

/** Relative traffic of each day of the month, counters and online. */
function dayWeights(world: World, month: Month): { counter: number[], online: number[] } {
  const counter: number[] = []
  const online: number[] = []
  for (let d = month.first; d < month.end; d++) {
    const work = world.axis.isWorkday(d)
    counter.push(work ? COUNTER_WEEKDAY[weekday(world, d)]! : 0)
    online.push(work ? 1 : 0.4)
  }
  return { counter, online }
}

/** Applications per month: in proportion to traffic, growing a little as the reform beds in. */
export function monthCounts(world: World): number[] {
  return apportion(world.opts.scale, world.months.map((m) => {
    const w = dayWeights(world, m)
    const sum = (a: number[]) => a.reduce((x, y) => x + y, 0)
    return (sum(w.counter) * 0.55 + sum(w.online) * 0.45) * (1 + 0.15 * m.progress)
  }))
}

const INDEX_BITS = 2 ** 22

/**
 * Indices of `t` by time, ties by index. Packing (time, index) into one double lets the
 * typed array sort natively, several times faster than a comparator over a million rows.
 */
function arrivalOrder(t: Float64Array): ArrayLike<number> & Iterable<number> {
  if (t.length > INDEX_BITS)
    return Array.from({ length: t.length }, (_, i) => i).sort((a, b) => t[a]! - t[b]! || a - b)
  const keys = new Float64Array(t.length)
  for (let i = 0; i < t.length; i++)
    keys[i] = t[i]! * INDEX_BITS + i
  keys.sort()
  const order = new Int32Array(t.length)
  for (let i = 0; i < t.length; i++)
    order[i] = keys[i]! % INDEX_BITS
  return order
}

function counterTime(rng: Rng): number {
  const [a, b] = rng.chance(0.56) ? COUNTER_HOURS[0]! : COUNTER_HOURS[1]!
  return a + Math.floor(rng.next() * (b - a))
}

export class ApplicationGenerator {
  private readonly rng: Rng
  private readonly arrivals: Rng

  constructor(private readonly world: World, private readonly feedback: Feedback) {
    this.rng = new Rng(world.opts.seed, 'applications')
    this.arrivals = new Rng(world.opts.seed, 'arrivals')
  }

  * month(month: Month, count: number): Generator<Chunk> {
    const w = this.world
    const ar = this.arrivals
    const mm = Number(month.key.slice(5, 7))
    const services = new Weighted(w.services.map(s => s.demand * season(s.bundle ?? s.members[0]!.matter, mm)))
    const mixes = w.services.map(s => new Weighted(channelMix(month.progress, s.onlineFactor)))
    const days = dayWeights(w, month)
    const counterDays = new Weighted(days.counter)
    const onlineDays = new Weighted(days.online)

    const t = new Float64Array(count)
    const svc = new Int32Array(count)
    const ch = new Uint8Array(count)
    for (let i = 0; i < count; i++) {
      const s = services.pick(ar)
      const c = mixes[s]!.pick(ar)
      let sec: number
      let day: number
      if (c === WINDOW || c === POST) {
        day = counterDays.pick(ar)
        sec = counterTime(ar)
      }
      else if (c === KIOSK) {
        day = onlineDays.pick(ar)
        sec = 7 * H + Math.floor(ar.next() * 14 * H)
      }
      else {
        day = onlineDays.pick(ar)
        sec = ONLINE_HOURS.pick(ar) * H + Math.floor(ar.next() * H)
      }
      t[i] = (month.first + day) * DAY + sec
      svc[i] = s
      ch[i] = c
    }
    const order = arrivalOrder(t)

    let apps: string[] = []
    let lastDay = -1
    let seq = 0
    for (const i of order) {
      const submitted = t[i]!
      const day = Math.floor(submitted / DAY)
      if (day !== lastDay) {
        lastDay = day
        seq = 0
      }
      seq++
      const appId = `${w.locale.appPrefix}${w.axis.dates[day]!.replace(/-/g, '')}${String(seq).padStart(6, '0')}`
      apps.push(this.application(appId, submitted, w.services[svc[i]!]!, ch[i]!, month))
      if (apps.length >= BLOCK) {
        yield { table: 'applications', text: `${apps.join('\n')}\n` }
        apps = []
        yield* this.feedback.flush()
      }
    }
    if (apps.length > 0)
      yield { table: 'applications', text: `${apps.join('\n')}\n` }
    yield* this.feedback.flush()
  }

  private application(appId: string, submitted: number, s: ServiceModel, c: number, month: Month): string {
    const w = this.world
    const ax = w.axis
    const rng = this.rng
    const member = s.memberPick.pick(rng)
    const dept = w.dept(s.members[member]!.dept)
    const place = w.placePick.pick(rng)
    const b = s.baseline
    const online = c === WEB || c === MOBILE
    // Struggling departments are slower and later; everybody improves a little over the period.
    const slack = (1 - 0.6 * dept.quality) * (1 - 0.35 * month.progress)

    // Paper is scanned and pushed to the joint departments within 2 hours; online data at once.
    const pushed = online
      ? submitted + rng.int(5, 600)
      : submitted + (rng.chance(0.06 * slack) ? rng.int(2 * H, 5 * H) : rng.int(5 * M, 100 * M))

    const u = rng.next()
    const refused = u < 0.012
    const withdrawn = !refused && u < 0.02

    const lateAccept = rng.chance(0.045 * slack)
    const lag = lateAccept ? rng.int(2, 4) : rng.chance(online ? 0.45 : 0.25) ? 1 : 0
    const accepted = refused ? NEVER : ax.officeTime(ax.addWorkdays(Math.floor(pushed / DAY), lag), rng, pushed + 5 * M)

    const promised = b.timeAfterWd
    const overdue = rng.chance(0.07 * slack)
    const k = overdue ? promised + 1 + Math.min(30, rng.geometric(0.35)) : rng.int(0, promised)
    let completed = NEVER
    if (!refused && !withdrawn && accepted !== NEVER) {
      const accDay = Math.floor(accepted / DAY)
      const doneDay = ax.addWorkdays(accDay, k)
      completed = doneDay === NEVER ? NEVER : ax.officeTime(doneDay, rng, accepted + 10 * M)
    }
    let delivered = NEVER
    if (completed !== NEVER) {
      if (online)
        delivered = completed + rng.int(60, 30 * M)
      else if (c === POST)
        delivered = (Math.floor(completed / DAY) + rng.int(1, 3)) * DAY + rng.int(9 * H, 18 * H)
      else if (rng.chance(0.6))
        delivered = ax.staffAfter(completed, rng, 5 * M, 55 * M)
      else
        delivered = ax.officeTime(ax.addWorkdays(Math.floor(completed / DAY), rng.int(1, 3)), rng)
    }

    const end = w.end
    const status = refused ? '不予受理' : withdrawn ? '撤回' : completed <= end ? '办结' : '在办'
    const trips = c === WINDOW
      ? Math.max(1, b.tripsAfter) + (rng.chance(0.05) ? 1 : 0)
      : c === KIOSK ? 1 : c === POST ? 0 : b.tripsAfter > 0 && rng.chance(0.4) ? 1 : 0
    const materials = Math.max(0, b.materialsAfter + (rng.chance(0.08) ? 1 : 0) - (online && b.materialsAfter > 1 && rng.chance(0.3) ? 1 : 0))
    const auto = online ? Math.min(b.formFields, b.autoFields + rng.int(0, 2)) : b.autoFields
    const applicant = personName(rng)
    const phone = mobile(rng)
    const id = idNumber(rng, w.locale.idRegion, w.year)

    if (status === '办结') {
      this.feedback.maybeRate({
        appId,
        service: s,
        member,
        place,
        channel: c,
        completed,
        delivered,
        overdue,
        applicant,
        phone,
        idNumber: id,
      })
    }

    return [
      appId,
      s.csv.bundle,
      s.csv.members[member],
      s.csv.depts[member],
      w.places[place]!.csv,
      CHANNELS[c],
      ax.format(submitted),
      ax.formatUpTo(pushed, end),
      ax.formatUpTo(accepted, end),
      ax.formatUpTo(completed, end),
      completed <= end ? ax.formatUpTo(delivered, end) : '',
      String(promised),
      String(b.legalWd),
      status,
      String(materials),
      String(trips),
      String(b.formFields),
      String(auto),
      applicant,
      phone,
      id,
    ].join(',')
  }
}
