// Times `duban report` for one month on a generated folder, in a child process of its own:
//   node --import tsx bench/node/report-child.ts DATA_DIR YYYY-MM OUT_DIR
// Prints the wall-clock milliseconds as JSON on stdout.
import process from 'node:process'

const [dir, month, out] = process.argv.slice(2) as [string, string, string]
const t0 = performance.now()
const { reportCommand } = await import('../../src/cli/report')
const chunks: string[] = []
const code = await reportCommand(['--data', dir, '--month', month, '--out', out], {
  stdout: s => void chunks.push(s),
  stderr: s => void chunks.push(s),
  now: () => new Date(),
  env: process.env,
})
process.stdout.write(`${JSON.stringify({ ms: performance.now() - t0, code, tail: chunks.join('').slice(-400) })}\n`)
process.exit(0)
