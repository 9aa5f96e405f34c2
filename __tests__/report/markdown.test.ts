import { describe, expect, it } from '@jest/globals'
import { code, count, joinWithin, link, shorten, text } from '../../src/report/markdown.js'

describe('shorten', () => {
  it('keeps short values and cuts long ones to the limit with …', () => {
    expect(shorten('abc', 3)).toBe('abc')
    expect(shorten('abcdef', 4)).toBe('abc…')
  })

  it('never splits a surrogate pair', () => {
    expect(shorten('😀😀😀', 2)).toBe('😀…')
  })
})

describe('code', () => {
  it('wraps plain values in single backticks', () => {
    expect(code('vpc-bp1abc')).toBe('`vpc-bp1abc`')
  })

  it('uses a longer fence than any backtick run inside, padded when the value starts or ends with one', () => {
    expect(code('a`b')).toBe('``a`b``')
    expect(code('`x``')).toBe('``` `x`` ```')
  })

  it('keeps the value on one line and escapes pipes only inside tables', () => {
    expect(code('a|b\nc')).toBe('`a|b⏎c`')
    expect(code('a|b\r\nc', true)).toBe('`a\\|b⏎c`')
  })

  it('shows an empty value as (empty)', () => {
    expect(code('')).toBe('_(empty)_')
  })
})

describe('text', () => {
  it('escapes what Markdown would act on and flattens newlines', () => {
    expect(text('*bold* <b>x</b> [l](u) a|b\nnext')).toBe(
      '\\*bold\\* \\<b\\>x\\</b\\> \\[l\\]\\(u\\) a\\|b next'
    )
  })
})

describe('link', () => {
  it('encodes characters that would end the URL early', () => {
    expect(link('run', 'https://h/a b(c)')).toBe('[run](https://h/a%20b%28c%29)')
  })
})

describe('count', () => {
  it('pluralises and groups thousands', () => {
    expect(count(1, 'error')).toBe('1 error')
    expect(count(1234, 'error')).toBe('1,234 errors')
  })
})

describe('joinWithin', () => {
  it('joins everything when it fits', () => {
    expect(joinWithin(['a', 'b'], 4, 'x')).toBe('a\nb\n')
  })

  it('cuts at a line boundary, says how many lines are left out and stays within the budget', () => {
    const lines = Array.from({ length: 1000 }, (_, i) => `| row ${i} |`)
    const out = joinWithin(lines, 2048, 'see the log')
    expect(Buffer.byteLength(out)).toBeLessThanOrEqual(2048)
    const kept = out.split('\n').filter(l => l.startsWith('| row')).length
    expect(out).toContain(
      `\n\n_${(1000 - kept).toLocaleString('en-US')} more lines cut to keep this under 2 KiB; see the log._\n`
    )
    expect(out.startsWith(lines.slice(0, kept).join('\n'))).toBe(true)
  })
})
