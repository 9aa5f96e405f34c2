/** Messages a newcomer can act on: each case with its exact text, and the shape every message keeps. */
import { describe, expect, it } from '@jest/globals'
import type { Diagnostic } from '../../src/diagnostics.js'
import { BASE, evaluate } from '../support/spec-helpers.js'
import { check, said } from './said.js'

/** The annotation text: the message, then what was expected and found in parentheses (docs/contract.md §4.2). */
const rendered = (d: Diagnostic): string => {
  const facts = [d.expected && `expected ${d.expected}`, d.found && `found ${d.found}`].filter(Boolean)
  return facts.length ? `${d.message} (${facts.join(', ')})` : d.message
}

function deepestParenthesis(text: string): number {
  let depth = 0
  let deepest = 0
  for (const c of text) {
    if (c === '(') deepest = Math.max(deepest, ++depth)
    if (c === ')') depth--
  }
  return deepest
}

/** Broken specs of every kind the validator words. */
const BROKEN = [
  'tracng: {enabled: true}\nbilling: {zzz: 1}\nsampling: 1\n',
  'tracing: {enabled: yes, sampling: 200}\nedition: 1\ntags: [a]\nproxy: {excludeInboundPorts: "80"}\n',
  'clusterSpec: Enterprise\nedition: Enterprise\nbilling: {chargeType: PayOnDemand, period: 48, autoRenewPeriod: 5}\n',
  'prometheus: {customized: true}\nkiali: {enabled: true}\naccessLog: {service: {enabled: true}}\n',
  'certificateAuthority: {key: literal, type: "1"}\nextraParameters: {TraceSampling: 1, Action: x, b-c: 1, N: {}}\n',
  'accessLog: {format: {method: 5}}\nlocalityLoadBalancing: {config: {failover: [{too: a}], distribute: []}}\n',
  'localityLoadBalancing: {config: \'{"failover": []}\'}\naudit: {project: "$X ${{ secrets.X }} ${MISSING} ${1A}"}\n',
  'proxy: {excludeIPRanges: [10.0.0.0, "*"], resources: {requests: {cpu: 2Gi, memory: 3}, limits: {cpu: 1, memory: -1}}}\n',
  'network2: {}\nname: again\n',
  'tracing:\n  enabled: true\n    sampling: 5\n',
  'audit: {project: "x\n'
]

describe('every message', () => {
  const diagnostics = BROKEN.flatMap(extra => evaluate(BASE + extra, { X: 'value' }).diagnostics)

  it('covers the corpus', () => {
    expect(diagnostics.length).toBeGreaterThan(40)
  })

  it.each(diagnostics.map(d => [rendered(d), d] as const))('nests no parentheses: %s', (text, d) => {
    expect(deepestParenthesis(text)).toBeLessThanOrEqual(1)
    expect(d.message).not.toMatch(/\(.*\)$/)
  })

  it.each(diagnostics.map(d => [rendered(d), d] as const))(
    'does not repeat itself in its expected and found part: %s',
    (_, d) => {
      if (d.expected) expect(d.message).not.toContain(d.expected)
      if (d.found) expect(d.message).not.toContain(d.found)
    }
  )
})

describe('the cases of a newcomer', () => {
  it('a typo of a region is an error with the region meant', () => {
    expect(said(evaluate(BASE.replace('cn-hangzhou', 'cn-hangzou')))).toEqual([
      '3:9 error: region is not a known ASM region; did you mean cn-hangzhou? | found the string "cn-hangzou"'
    ])
  })

  it('a typo of a required key is one error: the unknown key with its suggestion', () => {
    const result = evaluate(
      'version: 1\nname: m\nregion: cn-hangzhou\nnetwork:\n  vpcId: vpc-a\n  vswitches: [vsw-a]\n'
    )
    expect(said(result)).toEqual([
      '6:3 error: network.vswitches is not a known key; did you mean network.vSwitches?'
    ])
    const section = evaluate(
      'version: 1\nnaem: m\nregion: cn-hangzhou\nnetwrok: {vpcId: vpc-a, vSwitches: [a]}\n'
    )
    expect(said(section)).toEqual([
      '2:1 error: naem is not a known key; did you mean name?',
      '4:1 error: netwrok is not a known key; did you mean network?'
    ])
  })

  it('names every key a short accessLog.format lacks', () => {
    const [lacks] = said(check('accessLog: {enabled: true, format: {authority_for: x}}\n'))
    expect(lacks).toBe(
      '5:36 error: accessLog.format lacks 22 of the 23 keys the API requires: bytes_received, bytes_sent, ' +
        'downstream_local_address, downstream_remote_address, duration, istio_policy_status, method, path, ' +
        'protocol, requested_server_name, response_code, response_flags, route_name, start_time, trace_id, ' +
        'upstream_cluster, upstream_host, upstream_local_address, upstream_service_time, ' +
        'upstream_transport_failure_reason, user_agent, x_forwarded_for'
    )
  })

  it('lists all the known top-level keys for a key close to none of them', () => {
    const [unknown] = said(check('zzzzzz: 1\n'))
    expect(unknown).toMatch(
      /^5:1 error: zzzzzz is not a known key; the keys at the top level are version, name, /
    )
    expect(unknown).toMatch(/, multiBuffer, ambient, acmg, certificateAuthority, lifecycle, extraParameters$/)
    expect(unknown.split(', ')).toHaveLength(37)
  })

  it('lists the keys of a section once, then points to that line', () => {
    expect(said(check('zzzzzz: 1\nyyyyyy: 2\nbilling: {xxxxxx: 1, wwwwww: 2}\n')).slice(1)).toEqual([
      '6:1 error: yyyyyy is not a known key; line 5 lists the keys at the top level',
      '7:11 error: billing.xxxxxx is not a known key; the keys of billing are chargeType, period, autoRenew, autoRenewPeriod',
      '7:22 error: billing.wwwwww is not a known key; line 7 lists the keys of billing'
    ])
  })

  it('a JSON string where a mapping belongs gets a hint to write it as YAML', () => {
    expect(
      said(
        check('localityLoadBalancing: {enabled: true, config: \'{"failover":[{"from":"a","to":"b"}]}\'}\n')
      )
    ).toEqual([
      '5:48 error: localityLoadBalancing.config must be a mapping, not a string of JSON: remove the quotes around it, and YAML reads the JSON as a mapping | found the string "{\\"failover\\":[{\\"from\\":\\"a\\",\\"to\\":\\"b\\"}]}"'
    ])
    expect(
      said(check('accessLog:\n  enabled: true\n  format: |\n    {"method": "%REQ(:METHOD)%"}\n'))
    ).toEqual([
      '7:11 error: accessLog.format must be a mapping, not a string of JSON: remove the quotes around it, and YAML reads the JSON as a mapping | found the string "{\\"method\\": \\"%REQ(:METHOD)%\\"}\\n"'
    ])
  })

  it('$NAME without braces is sent as written, with a warning', () => {
    const result = check('audit: {project: $PROJECT-logs}\n', { PROJECT: 'p' })
    expect(said(result)).toEqual([
      '5:18 warning: $PROJECT is sent as written: only ${NAME} takes a value from the environment, so write ${PROJECT} to use the variable'
    ])
    expect(result.request?.body.AuditProject).toBe('$PROJECT-logs')
    expect(said(check("audit: {project: 'costs $$5, or $${HOME}'}\n"))).toEqual([])
  })

  it('${{ … }} in the spec is an error that says how to pass the value instead', () => {
    const result = check(
      "certificateAuthority:\n  cert: '${{ secrets.ASM_CA_CERT }}'\n  key: '${{ env.ASM_CA_KEY }}'\naudit: {project: '${{ github.sha }}-x'}\n"
    )
    expect(said(result)).toEqual([
      "6:10 error: ${{ secrets.ASM_CA_CERT }} is not evaluated in the spec file, only in workflow files; map it into the step's env: as ASM_CA_CERT: ${{ secrets.ASM_CA_CERT }} and write ${ASM_CA_CERT}",
      "7:9 error: ${{ env.ASM_CA_KEY }} is not evaluated in the spec file, only in workflow files; write ${ASM_CA_KEY} instead: the step's environment is read directly",
      "8:19 error: ${{ github.sha }} is not evaluated in the spec file, only in workflow files; map it into the step's env: as NAME: ${{ github.sha }} and write ${NAME}"
    ])
    expect(result.request).toBeUndefined()
  })
})

describe('YAML errors at the line of the mistake, in plain words', () => {
  const yaml = (text: string) => said(evaluate(text))

  it('a line indented deeper than the key above it', () => {
    expect(
      yaml('version: 1\nname: m\nregion: cn-hangzhou\nnetwork:\n  vpcId: vpc-a\n    vSwitches: [vsw-a]\n')
    ).toEqual(['6:5 error: line 6 is indented deeper than the key above it; line it up with vpcId on line 5'])
  })

  it('a line indented less than the keys above it', () => {
    expect(yaml('version: 1\nname: m\nnetwork:\n  vpcId: vpc-a\n vSwitches: [vsw-a]\n')).toEqual([
      '5:1 error: line 5 is not lined up with the keys above it: the keys of one mapping start at the same column'
    ])
  })

  it('two keys on one line, and no space after a colon', () => {
    expect(yaml('version: 1\nnetwork: vpcId: vpc-a\n')).toEqual([
      '2:10 error: line 2 has two keys: put vpcId: on its own line, indented under network:, or quote the value if the colon belongs to it'
    ])
    expect(yaml('version: 1\nname: m\nregion:cn-hangzhou\nnetwork:\n  vpcId: vpc-a\n')).toEqual([
      '3:1 error: line 3 needs a space after the colon: write region: cn-hangzhou'
    ])
  })

  it('a quote or bracket never closed, at the line where it opens', () => {
    expect(yaml('version: 1\nname: "m\nregion: cn-hangzhou\n')).toEqual([
      '2:7 error: the " on line 2 is never closed'
    ])
    expect(yaml('version: 1\nname: m\ntracing: {enabled: true\nregion: x\n')).toEqual([
      '3:10 error: the { on line 3 is never closed: close it on its line, or indent the lines inside it'
    ])
  })

  it('a bracket that closes nothing, a reserved first character, a tab and a bad escape', () => {
    expect(yaml('version: 1\nname: ]\n')).toEqual([
      '2:7 error: the ] on line 2 closes nothing: remove it, or add the [ it belongs to'
    ])
    expect(yaml('version: 1\nname: @m # the mesh\n')).toEqual([
      "2:7 error: a value cannot start with @ unless it is quoted: write '@m'"
    ])
    expect(yaml('version: 1\nname: m\n\tregion: x\n')).toEqual([
      '3:1 error: line 3 is indented with a tab: YAML allows only spaces there'
    ])
    expect(yaml('version: 1\nname: "a\\qb"\n')).toEqual([
      '2:9 error: \\q is not an escape in a double-quoted string: use single quotes, or double the backslash'
    ])
  })
})
