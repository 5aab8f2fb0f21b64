import type { FontAssets } from '../font/embed'
import type { PublishedMonth } from '../site'
import type { ReportLang } from '../types'
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { buildIndex, MONTH_DIR } from '../site'

/** Writes `<out>/<YYYY-MM>/index.html` and its `report.json`; returns the HTML file's path. */
export async function writeMonth(out: string, meta: PublishedMonth, html: string): Promise<string> {
  const dir = join(out, meta.month)
  await mkdir(dir, { recursive: true })
  const file = join(dir, 'index.html')
  await writeFile(file, html)
  await writeFile(join(dir, 'report.json'), `${JSON.stringify(meta, null, 2)}\n`)
  return file
}

/** Every month folder in `out` that holds a bulletin; folders from elsewhere are skipped. */
export async function readPublished(out: string): Promise<PublishedMonth[]> {
  const names = await readdir(out).catch(() => [] as string[])
  const months: PublishedMonth[] = []
  for (const name of names.filter(n => MONTH_DIR.test(n)).sort()) {
    const files = await readdir(join(out, name)).catch(() => [] as string[])
    if (!files.includes('index.html'))
      continue
    let meta: Partial<PublishedMonth> = {}
    try {
      meta = JSON.parse(await readFile(join(out, name, 'report.json'), 'utf8')) as Partial<PublishedMonth>
    }
    catch {
      // A month folder without metadata (written by hand) is still listed, by its name.
    }
    months.push({
      month: name,
      title: meta.title ?? name,
      issuer: meta.issuer ?? '',
      as_of: meta.as_of ?? '',
      dept: meta.dept ?? null,
      generated_at: meta.generated_at ?? '',
      lang: meta.lang ?? 'zh',
      files: files.filter(f => f !== 'index.html' && f !== 'report.json').sort(),
    })
  }
  return months
}

/** Rewrites `<out>/index.html` listing every month folder present. */
export async function writeIndex(out: string, lang: ReportLang, font: FontAssets | null): Promise<string> {
  const file = join(out, 'index.html')
  await mkdir(out, { recursive: true })
  await writeFile(file, await buildIndex(await readPublished(out), lang, { font }))
  return file
}
