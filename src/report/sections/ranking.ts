import type { Ctx } from '../context'
import { count, rateText } from '../format'
import { html } from '../html'
import { table, tone } from '../parts'
import { rankDepartments } from '../../metrics/ranking'

/** 六、部门排名: departments by the problems they carry, with the rule spelled out. */
export function ranking(ctx: Ctx) {
  const list = rankDepartments(ctx.cur)
  if (list.length === 0)
    return html`<p>${ctx.t('无部门数据。', 'No departments in the data.')}</p>`
  const rows = list.map(d => [
    d.rank ?? html`<small>${ctx.t('无到期事项', 'nothing due')}</small>`,
    d.dept,
    count(d.tasks),
    d.overdue ? tone('bad', count(d.overdue)) : '0',
    count(d.doneLate),
    d.openOverdue ? tone('bad', count(d.openOverdue)) : '0',
    rateText(d.stepsOnTime, d.stepsDue, ctx.lang),
    d.appsOverdue ? tone('bad', count(d.appsOverdue)) : '0',
    rateText(d.appsOnTime, d.appsDue, ctx.lang),
  ])
  return html`<p>${ctx.t(
    '排名规则：问题越少排名越靠前，依次比较：（1）逾期未完成的牵头任务数；（2）超期未办结的差评数；（3）“1、5、15”超时环节数（到期而未按时完成的联系、整改、复杂问题办结环节之和）；（4）超期办件数；（5）逾期完成的牵头任务数。只比较件数、不比较比率，分母为零的部门不因此得益或受损；各项均相同的部门并列。各项均无到期事项（没有到期或已完成的牵头任务、到期的“1、5、15”环节和到期办件）的部门不参与排名，列于表末，标“无到期事项”。一项任务有多个牵头单位的，计入每个牵头单位；配合单位不计。',
    'Ranking rule: fewer problems rank higher, compared in order: (1) overdue tasks led; (2) bad reviews open past a limit; (3) "1-5-15" steps missed (contact, rectification and complex closing steps due and not done in time); (4) overdue applications; (5) tasks done late. Only counts are compared, never rates, so no department gains or loses by an empty denominator; departments equal on all five share a rank. Departments with nothing due in any of these (no task led that is due or done, no 1-5-15 step due, no application due) are not ranked: they are listed last, marked "nothing due". A task with several lead units counts for each of them; co-operating units are not counted.',
  )}</p>
${table([
  { label: ctx.t('名次', 'Rank'), num: true },
  { label: ctx.t('部门', 'Department') },
  { label: ctx.t('牵头任务', 'Tasks'), num: true },
  { label: ctx.t('逾期未完成', 'Overdue'), num: true },
  { label: ctx.t('逾期完成', 'Done late'), num: true },
  { label: ctx.t('超期未办差评', 'Open late reviews'), num: true },
  { label: ctx.t('“1、5、15”按时率', '1-5-15 in time'), num: true },
  { label: ctx.t('超期办件', 'Overdue cases'), num: true },
  { label: ctx.t('按时办结率', 'On time'), num: true },
], rows, { cls: 'data ranking' })}`
}
