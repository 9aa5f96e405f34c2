/** Replaces docs/performance.md's generated block, between its two markers. */
import { readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { REPO_ROOT } from '../lib/repo.js'

const START = '<!-- bench:start -->'
const END = '<!-- bench:end -->'

export async function writePerformanceDoc(markdown: string): Promise<string> {
  const file = path.join(REPO_ROOT, 'docs', 'performance.md')
  const text = await readFile(file, 'utf8')
  const start = text.indexOf(START)
  const end = text.indexOf(END)
  if (start < 0 || end < start)
    throw new Error(`docs/performance.md has no "${START}" … "${END}" pair: put them back.`)
  await writeFile(file, `${text.slice(0, start + START.length)}\n${markdown}\n${text.slice(end)}`)
  return file
}
