/**
 * The README and docs/: generated parts current, quickstarts that are the example files, links that
 * resolve, version pins that name the release, and a README short enough to read.
 */
import { describe, expect, it } from '@jest/globals'
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { GENERATED_DOCS, repoRoot } from './support/generated-docs.js'

const read = (file: string) => readFileSync(path.join(repoRoot, file), 'utf8')
const README = read('README.md')
const VERSION = (JSON.parse(read('package.json')) as { version: string }).version

/** The documents a user or maintainer reads; docs/reference/ holds copied research notes. */
const DOCUMENTS = [
  'README.md',
  'SECURITY.md',
  'CHANGELOG.md',
  ...readdirSync(path.join(repoRoot, 'docs'))
    .filter(name => name.endsWith('.md'))
    .map(name => `docs/${name}`)
]

const withoutCode = (markdown: string) => markdown.replace(/^```[\s\S]*?^```/gm, '')

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens, repeats numbered. */
function anchors(markdown: string): Set<string> {
  const seen = new Map<string, number>()
  const result = new Set<string>()
  for (const [, heading] of withoutCode(markdown).matchAll(/^#{1,6} (.+)$/gm)) {
    const slug = heading
      .trim()
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, '')
      .replace(/\s/g, '-')
    const count = seen.get(slug) ?? 0
    seen.set(slug, count + 1)
    result.add(count === 0 ? slug : `${slug}-${count}`)
  }
  return result
}

/** Relative links (`[text](target)`) outside code, as `file#anchor` pairs resolved from `from`. */
function relativeLinks(from: string): { target: string; file: string; anchor?: string }[] {
  return [...withoutCode(read(from)).matchAll(/\]\(([^)\s]+)\)/g)]
    .map(m => m[1])
    .filter(target => !/^[a-z]+:/.test(target))
    .map(target => {
      const [file, anchor] = target.split('#')
      return { target, file: file === '' ? from : path.posix.join(path.posix.dirname(from), file), anchor }
    })
}

describe('generated parts of the README and docs/', () => {
  it.each(Object.keys(GENERATED_DOCS))('%s is up to date (npm run generate writes it)', file => {
    const text = read(file)
    const expected = GENERATED_DOCS[file](text)
    if (process.env.UPDATE_GENERATED === '1' && expected !== text)
      writeFileSync(path.join(repoRoot, file), expected)
    else if (expected !== text)
      throw new Error(`${file} is out of date: run \`npm run generate\` and commit it`)
  })

  it('the README has the inputs and outputs of action.yml', () => {
    expect(README).toContain('| `spec` | yes |')
    expect(README).toContain('| `service-mesh-id` |')
  })
})

describe('the README', () => {
  it('is under 400 lines', () => {
    expect(README.split('\n').length).toBeLessThan(400)
  })

  it('shows every example workflow as a quickstart, and no workflow that is not an example file', () => {
    const shown = [...README.matchAll(/<!-- example:(\S+) -->/g)].map(m => m[1]).sort()
    const examples = readdirSync(path.join(repoRoot, 'examples/workflows'))
      .map(name => `examples/workflows/${name}`)
      .sort()
    expect(shown).toEqual(examples)
    const unmarked = README.replace(/<!-- example:\S+ -->\n```yaml\n[\s\S]*?```\n<!-- \/example -->/g, '')
    const workflows = [...unmarked.matchAll(/^```ya?ml\n([\s\S]*?)^```/gm)].filter(m => /^jobs:/m.test(m[1]))
    expect(workflows).toEqual([])
  })

  it('opens with what the action does, never does, needs and costs', () => {
    const box = README.slice(0, README.indexOf('\n## '))
    for (const part of ['What it does.', 'What it never does.', 'What it needs.', 'What it costs.'])
      expect(box).toContain(`> **${part}**`)
  })
})

describe('the documents', () => {
  it.each(DOCUMENTS)('%s: every relative link names a file, and a heading that exists', from => {
    const broken = relativeLinks(from).filter(({ file, anchor }) => {
      if (!existsSync(path.join(repoRoot, file))) return true
      return anchor !== undefined && file.endsWith('.md') && !anchors(read(file)).has(anchor)
    })
    expect(broken.map(link => link.target)).toEqual([])
  })

  it.each(DOCUMENTS)('%s names no issue numbers', file => {
    expect(read(file).match(/\bissues? #?\d+/gi) ?? []).toEqual([])
  })

  it('pin this release where a full version is needed: the schema URL, npm install and pre-commit', () => {
    const pins = DOCUMENTS.flatMap(file =>
      [
        ...read(file).matchAll(
          /asm-service-mesh-action\/(v[\d.]+)\/schema\/|#(v[\d.]+)\b|^\s+rev: (v[\d.]+)$/gm
        )
      ].map(m => `${file}: ${m[1] ?? m[2] ?? m[3]}`)
    )
    expect(pins.length).toBeGreaterThanOrEqual(3)
    expect(pins.filter(pin => !pin.endsWith(`: v${VERSION}`))).toEqual([])
  })
})
