import type { MetricsResult } from '../../src/metrics/types'
import { runCli } from '../../src/cli/main'

/** The command line's figures for the same data and filters, to compare with the screen. */
export async function cliMetrics(args: string[]): Promise<MetricsResult> {
  let out = ''
  const stdout = (s: string) => {
    out += s
  }
  const code = await runCli(['metrics', ...args, '--format', 'json'], { stdout, stderr: () => {}, now: () => new Date('2024-10-16T02:00:00Z'), env: {} })
  if (code !== 0)
    throw new Error(`duban metrics exited ${code}`)
  return JSON.parse(out) as MetricsResult
}

/** How the app writes a rate with its basis. */
export function rateText(num: number, den: number): string {
  return den > 0 ? `${(num / den * 100).toFixed(1)}%（${num}/${den}）` : '—'
}
