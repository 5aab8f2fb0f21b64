import type { NoticeOptions } from './render'
import type { NoticeSet, UnitNotice } from './model'
import JSZip from 'jszip'
import { contentOf, fontNote, noteParagraph, officialDocx, officialSection } from '../docx/official'
import { noticeFileNames } from './model'
import { noticeBody, noticeTitle } from './render'

/** Every unit's notice in one Word document, a section (and so a new page) each. */
export async function noticesDocx(set: NoticeSet, o: NoticeOptions, only?: UnitNotice[]): Promise<Uint8Array> {
  const list = only ?? set.notices
  // The font note closes the last unit's section.
  const sections = list.map((n, i) => officialSection([...contentOf(noticeBody(set, n, o).value), ...(i === list.length - 1 ? [noteParagraph(fontNote(o.lang))] : [])], o.watermark))
  const title = list.length === 1 ? noticeTitle(o.lang, list[0]!) : (o.lang === 'zh' ? `督办单（${set.as_of}）` : `Supervision notices (${set.as_of})`)
  return officialDocx(sections.length ? sections : [officialSection([noteParagraph(o.lang === 'zh' ? '无需督办的事项。' : 'Nothing to supervise.')], o.watermark)], { title, description: fontNote(o.lang) })
}

/** One Word document per unit, zipped: `<unit>.docx`. */
export async function noticesZip(set: NoticeSet, o: NoticeOptions): Promise<Uint8Array> {
  const zip = new JSZip()
  const names = noticeFileNames(set)
  for (const n of set.notices)
    zip.file(`${names.get(n.unit)!}.docx`, await noticesDocx(set, o, [n]))
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' })
}
