/**
 * The repository root, found from this module's own directory. The support modules also run compiled
 * into build/ (npm run demo, bench, fuzz), so a fixed `../..` would point into build/: walk up instead to
 * the first directory holding both package.json and action.yml (build/ has neither).
 */
import { existsSync } from 'node:fs'
import path from 'node:path'

const MARKERS = ['package.json', 'action.yml']

export function findRepoRoot(start: string): string {
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (MARKERS.every(name => existsSync(path.join(dir, name)))) return dir
    if (path.dirname(dir) === dir)
      throw new Error(
        `No directory above ${start} holds both ${MARKERS.join(' and ')}: run the tests and scripts from inside the repository checkout.`
      )
  }
}

export const REPO_ROOT = findRepoRoot(import.meta.dirname)
