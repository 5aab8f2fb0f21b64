// Ratings (好差评) of completed applications and the follow-up of bad ones under the
// "1、5、15" rule (domain §7): contact within 1 working day, rectify within 5, close a complex
// case within 15. Most departments keep to it; struggling ones slip; a few cases are still
// open when the period ends, and some bad reviews turn out not real, mistaken or malicious.

import type { AppFacts, Chunk } from './applications'
import type { World } from './world'
import { csvField, FALSE_TEXT, TRUE_TEXT } from './columns'
import { Rng, Weighted } from './prng'
import { DAY, H, M, NEVER } from './time'

const GOOD_LEVELS = ['非常满意', '满意', '基本满意']
const GOOD_PICK = new Weighted([0.78, 0.17, 0.05])
const BAD_LEVELS = ['不满意', '非常不满意']

// Rating channel by application channel (窗口, 网上, 掌上, 自助终端, 邮寄).
const RATE_CHANNELS = [
  { names: ['评价器', '二维码', '短信', '12345热线'], pick: new Weighted([0.62, 0.24, 0.13, 0.01]) },
  { names: ['网站', '短信', '12345热线'], pick: new Weighted([0.8, 0.19, 0.01]) },
  { names: ['APP', '短信', '12345热线'], pick: new Weighted([0.85, 0.14, 0.01]) },
  { names: ['自助终端', '二维码', '短信'], pick: new Weighted([0.85, 0.1, 0.05]) },
  { names: ['短信', '12345热线'], pick: new Weighted([0.9, 0.1]) },
]
// Share of ratings given with a name, by rating channel.
const NAMED: Record<string, number> = { '评价器': 0.9, '二维码': 0.55, '短信': 0.95, '网站': 0.9, 'APP': 0.95, '自助终端': 0.7, '12345热线': 1 }

const GOOD_COMMENTS = ['办事效率高', '服务态度好，很耐心', '一次就办好了', '材料少，流程简单', '不用跑腿，网上就办完了', '工作人员热情周到', '很方便', '点赞', '一窗就办完了，省心', '指导很细致', '比以前快多了', '满意']
const BAD_COMMENTS = ['等待时间太长', '材料要求前后不一致', '系统老是卡顿，提交不了', '工作人员态度不好', '办理超时了也没人说明', '电话一直打不通', '跑了好几趟才办完', '网上提交后很久没人处理', '告知不清楚，来回补材料', '窗口人少排队久', '进度查不到']
const FIXED = ['已向评价人致歉并说明情况，优化了窗口排队分流', '已补办并当面反馈，评价人表示认可', '已对工作人员批评教育并纳入考核', '已修复系统问题并回访评价人', '已简化材料清单并公开告知', '已增设窗口、延长服务时间']
const EXCLUDED_OUTCOME: Record<string, string> = {
  不属实: '经核实反映问题不属实，已向评价人说明',
  误评: '经核实为误评，评价人确认后申诉复核通过',
  恶意差评: '经申诉复核认定为恶意差评，不计入考核',
}

export class Feedback {
  private readonly rng: Rng
  private evals: string[] = []
  private rects: string[] = []
  private evalSeq = 0
  /** Systematic sampling of bad ratings: keeps the realised share at the target at any scale. */
  private acc: number
  private factorSum = 0
  private factorCount = 0
  rated = 0
  bad = 0

  constructor(private readonly world: World) {
    this.rng = new Rng(world.opts.seed, 'feedback')
    this.acc = this.rng.next()
  }

  maybeRate(a: AppFacts): void {
    const w = this.world
    const ax = w.axis
    const rng = this.rng
    const share = a.channel === 0 ? w.evalShare + 0.1 : w.evalShare - 0.05
    if (!rng.chance(share))
      return
    const rc = RATE_CHANNELS[a.channel]!
    const channel = rc.names[rc.pick.pick(rng)]!
    const after = a.delivered <= w.end ? a.delivered : a.completed
    const rated = channel === '评价器' || channel === '自助终端'
      ? after + rng.int(30, 10 * M)
      : after + rng.int(10 * M, channel === '短信' ? 2 * DAY : 3 * DAY)
    if (rated > w.end)
      return
    const dept = w.dept(a.service.members[a.member]!.dept)

    // Late cases and struggling departments draw more bad reviews; the running mean keeps
    // the overall share on target, so p is rescaled by it.
    const factor = (a.overdue ? 5 : 1) * (1 - 0.5 * dept.quality)
    this.factorSum += factor
    this.factorCount++
    const mean = (this.factorSum + 1.5 * 50) / (this.factorCount + 50)
    this.acc += w.badTarget * factor / mean
    const isBad = this.acc >= 1
    if (isBad)
      this.acc -= 1
    this.rated++

    const level = isBad ? BAD_LEVELS[rng.chance(0.7) ? 0 : 1]! : GOOD_LEVELS[GOOD_PICK.pick(rng)]!
    const named = rng.chance(NAMED[channel] ?? 0.8)
    const comment = isBad ? (rng.chance(0.9) ? rng.pick(BAD_COMMENTS) : '') : rng.chance(0.35) ? rng.pick(GOOD_COMMENTS) : ''
    const place = w.places[a.place]!
    const atCounter = a.channel === 0 || a.channel === 3 || a.channel === 4
    const win = atCounter ? place.windows[rng.int(0, place.windows.length - 1)]! : null
    const staff = win ? win.staff : rng.pick(dept.staff)
    const evalId = `PJ${String(++this.evalSeq).padStart(9, '0')}`
    this.evals.push([
      evalId,
      a.appId,
      dept.csv,
      a.service.csv.members[a.member],
      a.service.csv.bundle,
      win ? win.label : '',
      staff,
      channel,
      ax.format(rated),
      level,
      named ? TRUE_TEXT : FALSE_TEXT,
      csvField(comment),
      named ? a.phone : '',
      named ? a.applicant : '',
      named && (channel === 'APP' || channel === '网站') ? a.idNumber : '',
    ].join(','))
    if (isBad) {
      this.bad++
      this.rects.push(this.rectification(evalId, rated, dept.quality))
    }
  }

  private rectification(evalId: string, rated: number, quality: number): string {
    const w = this.world
    const ax = w.axis
    const rng = this.rng
    const end = w.end
    const r = Math.floor(rated / DAY)
    const slack = 1 - 0.7 * quality

    let contacted: number
    const u = rng.next()
    if (u < 0.02) {
      contacted = NEVER
    }
    else if (u < 0.02 + 0.1 * slack) {
      contacted = ax.officeTime(ax.addWorkdays(r, 2 + Math.min(6, rng.geometric(0.5))), rng)
    }
    else {
      const day = rng.chance(0.45) ? r : ax.addWorkdays(r, 1)
      contacted = day === NEVER ? NEVER : ax.officeTime(day, rng, rated + 10 * M)
    }
    const known = contacted <= end
    const v = rng.next()
    const verdict = !known ? '' : v < 0.8 ? '属实' : v < 0.88 ? '不属实' : v < 0.96 ? '误评' : '恶意差评'
    const complex = verdict === '属实' && rng.chance(0.12)

    let rectified = NEVER
    let closed = NEVER
    let outcome = ''
    const cDay = Math.floor(contacted / DAY)
    if (verdict === '属实' && !complex) {
      const x = rng.next()
      const k = x < 0.03 ? -1 : x < 0.03 + 0.12 * slack ? 6 + Math.min(20, rng.geometric(0.3)) : rng.int(Math.min(5, Math.max(1, ax.workdaysBetween(r, cDay))), 5)
      if (k >= 0) {
        const day = ax.addWorkdays(r, k)
        rectified = day === NEVER ? NEVER : ax.officeTime(Math.max(day, cDay), rng, contacted + 30 * M)
        closed = rectified === NEVER ? NEVER : ax.staffAfter(rectified, rng, 5 * M, 2 * H)
      }
    }
    else if (complex) {
      const interim = ax.addWorkdays(r, rng.int(Math.min(8, Math.max(1, ax.workdaysBetween(r, cDay))), 8))
      rectified = interim === NEVER ? NEVER : ax.officeTime(Math.max(interim, cDay), rng, contacted + 30 * M)
      const x = rng.next()
      const k = x < 0.05 ? -1 : x < 0.05 + 0.15 * slack ? 16 + Math.min(20, rng.geometric(0.2)) : rng.int(8, 15)
      if (k >= 0 && rectified !== NEVER) {
        const day = Math.max(ax.addWorkdays(r, k), Math.floor(rectified / DAY))
        closed = day === NEVER ? NEVER : ax.officeTime(day, rng, rectified + 30 * M)
      }
    }
    else if (verdict) {
      const day = ax.addWorkdays(cDay, rng.int(1, 3))
      closed = day === NEVER ? NEVER : ax.officeTime(day, rng)
      outcome = EXCLUDED_OUTCOME[verdict]!
    }
    if (verdict === '属实')
      outcome = (complex ? closed : rectified) <= end ? rng.pick(FIXED) : '整改中'
    else if (verdict && closed > end)
      outcome = '申诉复核中'
    return [
      evalId,
      ax.formatUpTo(contacted, end),
      verdict,
      known ? (complex ? TRUE_TEXT : FALSE_TEXT) : '',
      ax.formatUpTo(rectified, end),
      ax.formatUpTo(closed, end),
      outcome,
      complex ? '复杂问题，需多部门协调' : '',
    ].join(',')
  }

  /** The ratings and follow-ups drawn so far, as CSV blocks. */
  * flush(): Generator<Chunk> {
    if (this.evals.length > 0) {
      yield { table: 'evaluations', text: `${this.evals.join('\n')}\n` }
      this.evals = []
    }
    if (this.rects.length > 0) {
      yield { table: 'rectifications', text: `${this.rects.join('\n')}\n` }
      this.rects = []
    }
  }
}
