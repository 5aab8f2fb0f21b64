import type { PreviewServer } from 'vite'
import type { TestProject } from 'vitest/node'
import { existsSync } from 'node:fs'
import { preview } from 'vite'

let server: PreviewServer | undefined

/** Serves the built app on a free loopback port for the browser tests. */
export async function setup(project: TestProject) {
  if (!existsSync('dist/index.html'))
    throw new Error('dist/ is missing: run `npm run build` before the browser tests')
  server = await preview({ preview: { host: '127.0.0.1', port: 0, strictPort: false }, logLevel: 'warn' })
  const url = server.resolvedUrls?.local[0]
  if (!url)
    throw new Error('preview server has no URL')
  project.provide('baseUrl', url)
}

export async function teardown() {
  await server?.close()
}

declare module 'vitest' {
  export interface ProvidedContext { baseUrl: string }
}
