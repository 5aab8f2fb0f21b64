import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'

/** Writes the notice files into `out` (created if missing); returns their paths in order. */
export async function writeNoticeFiles(out: string, files: Array<{ name: string, data: string | Uint8Array }>): Promise<string[]> {
  await mkdir(out, { recursive: true })
  const paths: string[] = []
  for (const f of files) {
    const p = join(out, f.name)
    await writeFile(p, f.data)
    paths.push(p)
  }
  return paths
}
