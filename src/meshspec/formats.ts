/**
 * Value formats of the table (a `format` constraint of fields.ts, for strings and list items): check,
 * expectation, JSON Schema pattern, and the basis (basis.ts) that makes a mismatch an error or a warning.
 */
import { isIPv4, isIPv6 } from 'node:net'
import { apiDoc, ASM_DOC, type Basis, borrowed, type Rule } from './basis.js'
import type { Format } from './fields.js'
import { checkRegion, REGION_RULES } from './regions.js'

export interface FormatProblem {
  message: string
  /** A rule of its own within the format (the region's), instead of the format's basis. */
  rule?: Basis
}

export interface StringFormat {
  /** What a valid value looks like, for `expected`. */
  expected: string
  basis: Basis
  /** JSON Schema `pattern` (ECMAScript), for formats whose mismatch is an error. */
  pattern?: string
  check(value: string): FormatProblem | undefined
  /** Rules inside the format, each with its own basis, for docs/rules.md. */
  rules?: readonly Rule[]
}

const DOC = apiDoc('§1.1')
const K8S = borrowed("Kubernetes' convention for resources", `${ASM_DOC} §6.4`)

const fromPattern = (pattern: string, expected: string, basis: Basis): StringFormat => {
  const regex = new RegExp(pattern)
  return {
    expected,
    basis,
    ...(basis.level === 'error' ? { pattern } : {}),
    check: value =>
      regex.test(value)
        ? undefined
        : { message: basis.level === 'warning' ? `is not ${expected}; ${SENT}` : `is not ${expected}` }
  }
}

const DNS_LABEL = '[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?'
const DNS_NAME = new RegExp(`^${DNS_LABEL}(\\.${DNS_LABEL})*\\.?$`)
const NUMBER_PART = '([0-9]+(\\.[0-9]*)?|\\.[0-9]+)'
/** Kubernetes' quantity grammar (docs/reference/asm-api.md §6.4), without the sign a resource cannot have. */
export const QUANTITY_PATTERN = `^\\+?${NUMBER_PART}([KMGTPE]i|[numkMGTPE]|[eE][-+]?[0-9]+)?$`
const SENT = 'it is sent as written'

const isDnsName = (value: string): boolean => value.length <= 253 && DNS_NAME.test(value)
/** Every IPv6 address has a colon; node's IPv6 pattern is big enough that compiling it costs ms at start-up. */
const isIPv6Address = (value: string): boolean => value.includes(':') && isIPv6(value)

function checkCidr(value: string, expected: string): FormatProblem | undefined {
  const slash = value.indexOf('/')
  const address = slash < 0 ? value : value.slice(0, slash)
  const prefix = slash < 0 ? '' : value.slice(slash + 1)
  const maxPrefix = isIPv4(address) ? 32 : isIPv6Address(address) ? 128 : -1
  const problem =
    maxPrefix < 0
      ? `${address} is not an IP address`
      : slash < 0
        ? `it has no prefix length such as /${maxPrefix}`
        : !/^[0-9]{1,3}$/.test(prefix) || Number(prefix) > maxPrefix
          ? `the prefix length must be /0 to /${maxPrefix}`
          : undefined
  return problem ? { message: `is not ${expected}: ${problem}` } : undefined
}

const cidrFormat = (expected: string, any: boolean): StringFormat => ({
  expected,
  basis: DOC,
  check: value => (any && value === '*' ? undefined : checkCidr(value, expected))
})

/** Formats of single strings; the two structured formats are checked in structured.ts. */
export type StringFormatName = Exclude<Format, 'accessLogFormat' | 'localityLbConfig'>

export const FORMATS: Readonly<Record<StringFormatName, StringFormat>> = {
  region: {
    expected: 'a region id such as cn-hangzhou',
    basis: REGION_RULES.unknown,
    rules: Object.values(REGION_RULES),
    check: value => checkRegion(value)
  },
  vpcId: fromPattern(
    '^vpc-[a-z0-9]+$',
    "vpc- followed by lowercase letters and digits, like the ids in the API doc's examples",
    borrowed("the ids in the API doc's examples", `${ASM_DOC} §6.2`)
  ),
  vswId: fromPattern(
    '^vsw-[a-z0-9]+$',
    "vsw- followed by lowercase letters and digits, as Terraform's vSwitch validator expects",
    borrowed("Terraform's vSwitch validator", `${ASM_DOC} §6.2`)
  ),
  cidr: cidrFormat('a CIDR such as 10.0.0.0/8 or fd00::/8', false),
  cidrOrAny: cidrFormat('a CIDR such as 10.0.0.0/8, or * for all', true),
  url: {
    expected: 'a URL such as http://prometheus:9090',
    basis: DOC,
    check(value: string): FormatProblem | undefined {
      if (!URL.canParse(value) || /\s/.test(value))
        return { message: 'is not a URL such as http://prometheus:9090' }
      return new URL(value).hostname ? undefined : { message: 'is a URL without a host' }
    }
  },
  httpUrl: {
    expected: 'an http:// or https:// URL',
    basis: borrowed('Prometheus, which serves http and https', 'docs/contract.md §4.2'),
    check: value =>
      !URL.canParse(value) || /^https?:$/.test(new URL(value).protocol)
        ? undefined
        : { message: `does not use http or https, as a Prometheus address does; ${SENT}` }
  },
  host: {
    expected: 'a host name or IP address',
    basis: borrowed('RFC 1123 host names', 'docs/contract.md §4.2'),
    check: (value: string) =>
      isIPv4(value) || isIPv6Address(value) || isDnsName(value)
        ? undefined
        : { message: `is not a host name by RFC 1123 or an IP address; ${SENT}` }
  },
  dnsName: {
    expected: 'a DNS domain such as cluster.local',
    basis: borrowed('RFC 1123 domain names, as Kubernetes uses', `${ASM_DOC} §1.1`),
    check: (value: string) =>
      isDnsName(value) ? undefined : { message: `is not a DNS domain such as cluster.local; ${SENT}` }
  },
  quantity: {
    expected: 'a Kubernetes quantity such as 500m, 1 or 128Mi',
    basis: apiDoc('§6.4'),
    pattern: QUANTITY_PATTERN,
    check: value =>
      value.startsWith('-')
        ? { message: 'is negative: a resource amount cannot be' }
        : new RegExp(QUANTITY_PATTERN).test(value)
          ? undefined
          : { message: 'is not a Kubernetes quantity such as 500m, 1 or 128Mi' }
  },
  cpu: {
    expected: 'CPU in cores or millicores, such as 2 or 500m',
    basis: K8S,
    check: value =>
      /^[^a-zA-Z]*m?$/.test(value)
        ? undefined
        : { message: `is not in cores or millicores such as 2 or 500m, as Kubernetes counts CPU; ${SENT}` }
  },
  memory: {
    expected: 'memory in bytes, such as 128Mi or 1Gi',
    basis: K8S,
    check: value =>
      /[mun]$/.test(value)
        ? { message: `is in millibytes or smaller; Kubernetes counts memory in bytes such as 128Mi; ${SENT}` }
        : undefined
  },
  duration: fromPattern(
    '^(0|([0-9]+(\\.[0-9]+)?(ns|us|µs|ms|s|m|h))+)$',
    'a duration such as 30s, 1m or 500ms, as Go writes them',
    borrowed("Go's duration syntax, as in the API doc's example 30s", `${ASM_DOC} §1.1`)
  )
}

export const isStringFormat = (format: Format | undefined): format is StringFormatName =>
  format !== undefined && format in FORMATS

const QUANTITY_SUFFIX: Readonly<Record<string, number>> = {
  '': 1,
  n: 1e-9,
  u: 1e-6,
  m: 1e-3,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  Ei: 2 ** 60
}

/** The amount a valid CPU or memory quantity stands for (cores or bytes), to compare requests with limits. */
export function quantityAmount(text: string): number {
  const match = /^\+?([0-9.]+)(.*)$/.exec(text)
  if (!match) return Number.NaN
  const [, number, suffix] = match
  const exponent = /^[eE]([-+]?[0-9]+)$/.exec(suffix)
  const scale = exponent ? 10 ** Number(exponent[1]) : QUANTITY_SUFFIX[suffix]
  return scale === undefined ? Number.NaN : Number(number) * scale
}
