import type { Lang, LoadIssue } from '../table/issues'
import { formatIssue, issueLocation } from '../table/issues'

// LoadIssue.detail is free text that formatIssue shows as is. The readers write it in both
// languages, "中文 / English :: technical detail", and the UI shows the half the user reads.
const SEP = ' / '
const TECH = ' :: '

export function reason(zh: string, en: string, technical?: string): string {
  return `${zh}${SEP}${en}${technical ? `${TECH}${technical}` : ''}`
}

export function unreadableIssue(file: string, zh: string, en: string, e?: unknown, extra: Partial<LoadIssue> = {}): LoadIssue {
  const technical = e === undefined ? undefined : (e instanceof Error ? e.message : String(e)).replace(/\s+/g, ' ').slice(0, 200)
  return { severity: 'error', code: 'unreadable', file, ...extra, detail: reason(zh, en, technical) }
}

/** The detail in one language when it was written by `reason`, else unchanged. */
export function detailIn(detail: string, lang: Lang): string {
  const t = detail.indexOf(TECH)
  const main = t < 0 ? detail : detail.slice(0, t)
  const tech = t < 0 ? '' : detail.slice(t + TECH.length)
  const i = main.indexOf(SEP)
  if (i < 0)
    return detail
  if (lang === 'zh')
    return tech ? `${main.slice(0, i)}（${tech}）` : main.slice(0, i)
  return tech ? `${main.slice(i + SEP.length)} (${tech})` : main.slice(i + SEP.length)
}

/** formatIssue with a bilingual detail narrowed to the user's language. */
export function formatIssueIn(i: LoadIssue, lang: Lang): string {
  return formatIssue(i.detail ? { ...i, detail: detailIn(i.detail, lang) } : i, lang)
}

/** An issue as two texts for a table: where it is, and what is wrong (in the user's language). */
export function issueParts(i: LoadIssue, lang: Lang): { where: string, what: string } {
  const where = issueLocation(i, lang)
  const full = formatIssueIn(i, lang)
  const what = full.slice(where.length).replace(/^[：:]\s*/, '').replace(/\s\[[^\]]+\]$/, '')
  return { where, what }
}
