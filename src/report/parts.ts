import type { TaskStatus } from '../metrics/types'
import type { Ctx } from './context'
import type { Part } from './html'
import { html, trusted } from './html'
import { STATUS_LABEL } from '../domain/format/status'

export interface Column {
  label: Part
  /** Right-aligned figures. */
  num?: boolean
}

/** A table whose header repeats on every printed page; cells are escaped parts. */
export function table(cols: Column[], rows: Part[][], opts: { caption?: string, cls?: string, empty?: string } = {}) {
  const align = (c: Column | undefined) => (c?.num ? trusted(' class="num"') : '')
  return html`<table class="${opts.cls ?? 'data'}">${opts.caption ? html`<caption>${opts.caption}</caption>` : ''}
<thead><tr>${cols.map(c => html`<th${align(c)}>${c.label}</th>`)}</tr></thead>
<tbody>${rows.length === 0
  ? html`<tr><td class="empty" colspan="${cols.length}">${opts.empty ?? '—'}</td></tr>`
  : rows.map(r => html`
<tr>${r.map((cell, i) => html`<td${align(cols[i])}>${cell}</td>`)}</tr>`)}</tbody></table>`
}

/** A status light: a shape plus its word, so it reads in grey print and for colour-blind readers. */
export function light(ctx: Ctx, status: TaskStatus) {
  return html`<span class="light s-${status}">${STATUS_LABEL[status][ctx.lang]}</span>`
}

/** A tone-coloured phrase that also says in words whether it is good or bad. */
export function tone(kind: 'good' | 'bad' | 'flat', text: Part) {
  return html`<span class="tone-${kind}">${text}</span>`
}

export function figure(ctx: Ctx, caption: string, svg: string) {
  const n = ctx.figure()
  return html`<figure class="chart">${trusted(svg)}<figcaption>${ctx.t(`图${n}\u3000`, `Figure ${n}. `)}${caption}</figcaption></figure>`
}

export function section(n: string, id: string, title: string, body: Part) {
  return html`
<section id="${id}">
<h2>${n}${title}</h2>
${body}
</section>`
}

/** The pending-calendar note of one part of the review (metrics/pending.ts), or nothing. */
export function pendingNote(note: string | null): Part {
  return note ? html`<p class="note pending">${note}</p>` : ''
}

export function wd(ctx: Ctx, n: number | null): string {
  if (n === null)
    return '—'
  if (n > 0)
    return ctx.t(`剩余${n}个工作日`, `${n} WD left`)
  if (n === 0)
    return ctx.t('今日到期', 'due today')
  return ctx.t(`超期${-n}个工作日`, `${-n} WD overdue`)
}
