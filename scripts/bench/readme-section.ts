/** Replaces the README's generated Performance block, between its two markers. */
import { readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { REPO_ROOT } from '../lib/repo.js'

const START = '<!-- bench:start -->'
const END = '<!-- bench:end -->'

export async function writeReadmeSection(markdown: string): Promise<string> {
  const file = path.join(REPO_ROOT, 'README.md')
  const text = await readFile(file, 'utf8')
  const start = text.indexOf(START)
  const end = text.indexOf(END)
  if (start < 0 || end < start)
    throw new Error(`README.md has no "${START}" … "${END}" pair: put them in the Performance section.`)
  await writeFile(file, `${text.slice(0, start + START.length)}\n${markdown}\n${text.slice(end)}`)
  return file
}
