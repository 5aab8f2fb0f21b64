import type { SavedAnswers } from '../../metrics/analysis'
import type { Row } from '../../metrics/db/types'
import { LruMap } from '../../domain/lru'
import { answerLine, exact } from './answer-lines'
import { ANSWERS_FILE } from './files'
import { readText, writeFile } from './opfs'

/** Bounds of the file: the most recently used answers are kept first, up to these. */
export const ANSWERS_SAVED = 200
export const ANSWERS_CHARS = 8_000_000
/** Written this long after the last fresh answer, when the page is idle. */
const SAVE_AFTER_MS = 3000

/**
 * The answers saved for one data set and one tables key (see key.ts): one line per answer,
 * `<key as JSON>\t<rows as JSON>`, so only the answers asked for are parsed. Fresh answers
 * are kept and the file rewritten (whole, newest first, within the bounds) when idle.
 */
export class AnswerFile implements SavedAnswers {
  /**
   * Answer key → its rows as JSON text, by when last kept. Not bounded here: the bounds apply
   * when written (`text`), where the character budget can skip one large answer for smaller ones.
   */
  private readonly texts = new LruMap<string, string>()
  private timer: ReturnType<typeof setTimeout> | null = null
  private dirty = false

  private constructor(private readonly path: readonly string[]) {}

  /** The file saved under `path`, or an empty one when there is none (or it is unreadable). */
  static async open(path: readonly string[]): Promise<AnswerFile> {
    return AnswerFile.parse(path, await readText(path, ANSWERS_FILE) ?? '')
  }

  /**
   * The answers of a file's text (`text()`), to be saved back under `path`; `unsaved`: not
   * read from there (the build's first page, prerender/), so the next `flush` writes them.
   */
  static parse(path: readonly string[], text: string, unsaved = false): AnswerFile {
    const f = new AnswerFile(path)
    f.dirty = unsaved
    // The file is newest first (`text`): read from its end so the newest is kept last again.
    for (const line of text.split('\n').reverse()) {
      const tab = line.indexOf('\t')
      if (tab <= 0)
        continue
      try {
        f.texts.set(JSON.parse(line.slice(0, tab)) as string, line.slice(tab + 1))
      }
      catch {
        // A damaged line is an answer not saved; the others stand.
      }
    }
    return f
  }

  get size(): number {
    return this.texts.size
  }

  get(key: string): Row[] | undefined {
    // Reading a saved answer is not a use: only `keep` (a fresh answer) moves it up.
    const text = this.texts.peek(key)
    if (text === undefined)
      return undefined
    try {
      const rows = JSON.parse(text) as unknown
      if (Array.isArray(rows))
        return rows as Row[]
    }
    catch {
      // Unreadable: as if it had not been saved.
    }
    this.texts.delete(key)
    return undefined
  }

  keep(key: string, rows: Row[]): void {
    if (!exact(rows))
      return
    this.texts.set(key, JSON.stringify(rows))
    this.dirty = true
    if (this.timer)
      clearTimeout(this.timer)
    this.timer = setTimeout(() => {
      this.timer = null
      const idle = (globalThis as { requestIdleCallback?: (cb: () => void, o: { timeout: number }) => void }).requestIdleCallback
      const save = () => void this.flush().catch((e: unknown) => console.warn('warm start: answers not saved', e))
      if (idle)
        idle(save, { timeout: 5000 })
      else
        save()
    }, SAVE_AFTER_MS)
  }

  /** The file's text: newest answers first, as many as the bounds allow. */
  text(): string {
    const lines: string[] = []
    let chars = 0
    for (const [key, rows] of this.texts.newestFirst()) {
      const line = answerLine(key, rows)
      if (lines.length >= ANSWERS_SAVED || chars + line.length + 1 > ANSWERS_CHARS)
        continue
      lines.push(line)
      chars += line.length + 1
    }
    return lines.join('\n')
  }

  /** Writes the file if an answer was kept since the last write. */
  async flush(): Promise<void> {
    if (!this.dirty)
      return
    this.dirty = false
    await writeFile(this.path, ANSWERS_FILE, this.text())
  }
}
