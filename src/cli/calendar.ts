import type { AddedYear } from '../domain/calendar'
import type { Lang } from '../ingest/table/issues'
import { readFile } from 'node:fs/promises'
import { basename } from 'node:path'
import { isNoticeFile, yearFromDataset, yearFromNotice } from '../ingest/dataset/calendar-year'
import { ingestDataFiles } from '../ingest/node/load-dir'

export const CALENDAR_OPTION_USAGE = `  --calendar FILE   加入一年的节假日安排：国务院通知全文（.txt）或日期表（日期、是否工作日；csv/xlsx），可重复
                    add a year's holidays: the State Council notice's text (.txt) or a table of days, repeatable`

/** A --calendar file that cannot be read as a year: the messages, ready to print. */
export class CalendarFileError extends Error {}

/** Reads every --calendar file into an added year, or throws CalendarFileError naming file and line. */
export async function loadCalendarFiles(paths: readonly string[], now: Date, lang: Lang): Promise<AddedYear[]> {
  const addedAt = now.toISOString().slice(0, 10)
  const years: AddedYear[] = []
  const problems: string[] = []
  for (const path of paths) {
    const label = basename(path)
    let result
    if (isNoticeFile(path)) {
      let text: string
      try {
        text = await readFile(path, 'utf8')
      }
      catch (e) {
        problems.push(`${path}: ${lang === 'zh' ? '无法读取' : 'cannot read'} (${(e as Error).message})`)
        continue
      }
      result = yearFromNotice(text, label, addedAt)
    }
    else {
      result = yearFromDataset((await ingestDataFiles([path], () => now.toISOString())).dataset, label, addedAt)
    }
    if (result.ok)
      years.push(result.year)
    else
      problems.push(...result.refusals.map(r => `${path}: ${r[lang]}`))
  }
  if (problems.length > 0)
    throw new CalendarFileError(problems.join('\n'))
  return years
}
