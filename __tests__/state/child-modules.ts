/**
 * Real source modules for child processes: transpiles a src/ module and everything it imports relatively
 * into a temp dir as ESM JavaScript, so a plain `node` child runs exactly the code under test.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { fileURLToPath } from 'node:url'
import ts from 'typescript'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))

/** Returns the temp dir; `entry` (e.g. `src/state/file-store.ts`) is then at the same relative path, `.js`. */
export function transpileForChild(entry: string): string {
  const out = mkdtempSync(path.join(tmpdir(), 'child-modules-'))
  writeFileSync(path.join(out, 'package.json'), '{"type":"module"}\n')
  const pending = [entry]
  const done = new Set<string>()
  while (pending.length > 0) {
    const relative = pending.pop()!
    if (done.has(relative)) continue
    done.add(relative)
    const source = readFileSync(path.join(ROOT, relative), 'utf8')
    const { outputText } = ts.transpileModule(source, {
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 }
    })
    const target = path.join(out, relative.replace(/\.ts$/, '.js'))
    mkdirSync(path.dirname(target), { recursive: true })
    writeFileSync(target, outputText)
    for (const [, spec] of source.matchAll(/from '(\.{1,2}\/[^']+)\.js'/g)) {
      pending.push(path.join(path.dirname(relative), `${spec}.ts`))
    }
  }
  return out
}
