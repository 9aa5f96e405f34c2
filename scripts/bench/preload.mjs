/**
 * Preloaded with `node --import` (through NODE_OPTIONS) in the benchmark's memory runs only: on exit it
 * writes the process's peak RSS and the files it loaded to BENCH_PRELOAD_OUT. Timing runs go without it.
 */
import { writeFileSync } from 'node:fs'
import { registerHooks } from 'node:module'

const out = process.env.BENCH_PRELOAD_OUT
const loaded = new Set()

registerHooks({
  load(url, context, nextLoad) {
    if (url.startsWith('file:')) loaded.add(url)
    return nextLoad(url, context)
  }
})

process.on('exit', () => {
  if (!out) return
  writeFileSync(out, JSON.stringify({ maxRssKiB: process.resourceUsage().maxRSS, loaded: [...loaded] }))
})
