import { readFileSync } from 'node:fs'
import { cpus, freemem, loadavg, totalmem } from 'node:os'

export interface Machine {
  date: string
  cpu: string
  cores: number
  memoryGb: number
  freeGb: number
  node: string
  chromium: string | null
  /** 1-minute load average when the run started: on a shared machine it explains the noise. */
  load: number
}

function cpuModel(): string {
  try {
    const line = readFileSync('/proc/cpuinfo', 'utf8').split('\n').find(l => l.startsWith('model name'))
    if (line)
      return line.split(':')[1]!.trim()
  }
  catch {
    // Not Linux: fall back to what Node reports.
  }
  return cpus()[0]?.model ?? 'unknown'
}

export function machine(chromium: string | null = null): Machine {
  return {
    date: new Date().toISOString(),
    cpu: cpuModel(),
    // nproc's figure (what the process may use), not the host's sockets.
    cores: cpus().length,
    memoryGb: Math.round(totalmem() / 2 ** 30),
    freeGb: Math.round(freemem() / 2 ** 30),
    node: process.version,
    chromium,
    load: Number(loadavg()[0]!.toFixed(2)),
  }
}
