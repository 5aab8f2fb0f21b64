import type { CliIO } from '../../../src/cli/main'
import { createHash } from 'node:crypto'
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { generateCommand } from '../../../src/cli/generate'
import { parseDelimited } from '../../../src/ingest/table/csv'
import { decodeText } from '../../../src/ingest/table/decode'

export const FIXTURE_SEEDS = new URL('./fixtures/', import.meta.url).pathname

export interface Captured {
  io: CliIO
  out: string[]
  err: string[]
}

export function captureIo(): Captured {
  const out: string[] = []
  const err: string[] = []
  return {
    io: { stdout: s => out.push(s), stderr: s => err.push(s), now: () => new Date('2025-01-15T02:00:00Z'), env: {} },
    out,
    err,
  }
}

const dirs: string[] = []

export function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'duban-gen-'))
  dirs.push(d)
  return d
}

export function cleanTempDirs(): void {
  for (const d of dirs.splice(0))
    rmSync(d, { recursive: true, force: true })
}

/** Runs `duban generate` into a fresh temp folder; throws unless it exits 0. */
export async function generate(args: string[]): Promise<string> {
  const dir = tempDir()
  const c = captureIo()
  const code = await generateCommand(['--out', dir, ...args], c.io)
  if (code !== 0)
    throw new Error(`generate exited ${code}: ${c.err.join('')}`)
  return dir
}

export type Row = Record<string, string>

/** A generated CSV as objects keyed by column (empty cells are ''). */
export function readCsv(path: string): Row[] {
  const { rows } = parseDelimited(decodeText(new Uint8Array(readFileSync(path))).text)
  const [header, ...body] = rows.filter(r => r.length > 1 || r[0] !== '')
  return body.map(r => Object.fromEntries(header!.map((h, i) => [h, r[i] ?? ''])))
}

/** sha256 of every file in a folder, by name. */
export function hashes(dir: string): Record<string, string> {
  return Object.fromEntries(readdirSync(dir).sort().map(n => [n, createHash('sha256').update(readFileSync(join(dir, n))).digest('hex')]))
}
