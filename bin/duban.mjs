#!/usr/bin/env node
// Runs the TypeScript command line through tsx, so `npx duban` needs no build step.
import { register } from 'tsx/esm/api'

register()
const { runCli } = await import('../src/cli/main.ts')
const code = await runCli(process.argv.slice(2), {
  stdout: s => process.stdout.write(s),
  stderr: s => process.stderr.write(s),
  now: () => new Date(),
  env: process.env,
})
process.exitCode = code
