import type { CliIO } from '../../src/cli/main'

/** A CliIO that collects what a command prints, at a fixed clock (by default 16 Oct 2024, 10:00 China time). */
export function capturingIO(env: Record<string, string> = {}, now = new Date('2024-10-16T02:00:00Z')): { io: CliIO, out: () => string, err: () => string } {
  let out = ''
  let err = ''
  const io: CliIO = {
    stdout: (s) => {
      out += s
    },
    stderr: (s) => {
      err += s
    },
    now: () => now,
    env,
  }
  return { io, out: () => out, err: () => err }
}
