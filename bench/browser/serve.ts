import type { Server } from 'node:http'
import { createReadStream, existsSync, statSync } from 'node:fs'
import { createServer } from 'node:http'
import { extname, join, normalize, resolve } from 'node:path'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.parquet': 'application/octet-stream',
  '.csv': 'text/csv; charset=utf-8',
}

export interface StaticServer {
  url: string
  close: () => Promise<void>
}

/**
 * The built app as a static host would serve it: hashed assets cached for a year (so a second
 * visit can reuse the compiled WASM), index.html revalidated. `extra` maps URL prefixes to
 * folders, e.g. the bench's generated data sets.
 */
export async function serveStatic(root: string, extra: Record<string, string> = {}): Promise<StaticServer> {
  const base = resolve(root)
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)
    let dir = base
    let rel = path
    for (const [prefix, folder] of Object.entries(extra)) {
      if (path.startsWith(prefix)) {
        dir = resolve(folder)
        rel = path.slice(prefix.length)
      }
    }
    const file = normalize(join(dir, rel === '/' || rel === '' ? 'index.html' : rel))
    if (!file.startsWith(dir) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end()
      return
    }
    res.writeHead(200, {
      'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
      'Content-Length': statSync(file).size,
      'Cache-Control': path.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
    })
    createReadStream(file).pipe(res)
  })
  await new Promise<void>(r => server.listen(0, '127.0.0.1', r))
  const addr = server.address()
  const port = typeof addr === 'object' && addr ? addr.port : 0
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise<void>((r) => {
      server.closeAllConnections()
      server.close(() => r())
    }),
  }
}
