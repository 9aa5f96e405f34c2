/** The files of dist/, their sizes, and which lazily loaded package each one carries. */
import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { DIST_DIR } from '../lib/repo.js'

/** A string only the package's own code holds (checked against the current chunks), never our src/. */
export const LAZY_PACKAGES = [
  { name: '@actions/github', marker: 'octokit-core.js/' },
  { name: '@alicloud/openapi-client', marker: 'x-acs-signature-nonce' }
] as const

export type LazyPackage = (typeof LAZY_PACKAGES)[number]['name']

export interface DistFile {
  name: string
  path: string
  bytes: number
  /** A minified file has a handful; ncc leaves split chunks unminified. */
  lines: number
  packages: LazyPackage[]
}

export async function distFiles(): Promise<DistFile[]> {
  const names = (await readdir(DIST_DIR, { withFileTypes: true }))
    .filter(entry => entry.isFile())
    .map(entry => entry.name)
    .sort()
  return Promise.all(
    names.map(async name => {
      const file = path.join(DIST_DIR, name)
      const text = await readFile(file)
      const packages = LAZY_PACKAGES.filter(p => text.includes(p.marker)).map(p => p.name)
      const lines = text.toString('utf8').split('\n').length
      return { name, path: file, bytes: text.length, lines, packages }
    })
  )
}
