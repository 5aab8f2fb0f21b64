// The build's first pages (node/vite-plugin.ts): data set id → the URLs of its files.
declare module 'virtual:duban-prerender' {
  const built: Record<string, { head: string, answers: string } | undefined>
  export default built
}
