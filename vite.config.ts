import { fileURLToPath, URL } from 'node:url'
import vue from '@vitejs/plugin-vue'
import { ElementPlusResolver } from 'unplugin-vue-components/resolvers'
import Components from 'unplugin-vue-components/vite'
import { defineConfig } from 'vitest/config'
import { prerender } from './src/app/prerender/node/vite-plugin.ts'

export default defineConfig({
  // Element Plus components are imported on demand (with their CSS) as templates use them.
  plugins: [
    vue(),
    Components({ resolvers: [ElementPlusResolver()], dts: false }),
    // The first page of the demo the dashboard opens on, computed by the build (src/app/prerender/).
    prerender({ root: fileURLToPath(new URL('.', import.meta.url)), datasets: ['demo'] }),
  ],
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  // DuckDB-WASM ships its own workers and .wasm files; pre-bundling breaks their URLs.
  optimizeDeps: { exclude: ['@duckdb/duckdb-wasm'] },
  build: { target: 'es2022', chunkSizeWarningLimit: 2000 },
  worker: { format: 'es' },
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
})
