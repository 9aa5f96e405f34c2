/** Where the repository is, for scripts compiled into build/scripts (run from anywhere). */
import { existsSync } from 'node:fs'
import path from 'node:path'

/** The nearest directory above this file holding package.json: the repository root, not build/. */
function findRoot(start: string): string {
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json'))) return dir
    if (path.dirname(dir) === dir)
      throw new Error(`No package.json above ${start}: run the scripts inside the repository.`)
  }
}

export const REPO_ROOT = findRoot(import.meta.dirname)
export const BUILD_DIR = path.join(REPO_ROOT, 'build')
export const DIST_DIR = path.join(REPO_ROOT, 'dist')
export const DIST_ENTRY = path.join(DIST_DIR, 'index.js')
