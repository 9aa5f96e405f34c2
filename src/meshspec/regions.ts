/**
 * RegionId: a typo of a known region is an error (it can never be meant), any other unknown region a warning
 * (Alibaba Cloud opens regions faster than this list is updated, and the API is the authority on them).
 */
import { ASM_DOC, borrowed, neverWorks, type Rule, rule } from './basis.js'
import { editDistance } from './suggest.js'

/** Regions with an ASM endpoint (docs/reference/asm-api.md §6.1, from the API metadata's products.json). */
export const KNOWN_REGIONS: readonly string[] = [
  'us-west-1',
  'us-east-1',
  'me-east-1',
  'eu-west-1',
  'eu-central-1',
  'cn-zhangjiakou',
  'cn-wulanchabu',
  'cn-shenzhen-finance-1',
  'cn-shenzhen',
  'cn-shanghai-finance-1',
  'cn-shanghai',
  'cn-qingdao',
  'cn-huhehaote',
  'cn-hongkong',
  'cn-hangzhou-finance',
  'cn-hangzhou',
  'cn-chengdu',
  'cn-beijing-finance-1',
  'cn-beijing',
  'ap-southeast-5',
  'ap-southeast-3',
  'ap-southeast-2',
  'ap-southeast-1',
  'ap-south-1',
  'ap-northeast-1'
]
/** Listed as "Closed" in the same metadata. */
const CLOSED_REGIONS = new Set(['ap-southeast-2', 'ap-south-1'])

const METADATA = `${ASM_DOC} §6.1`

export const REGION_RULES = {
  typo: rule(
    'region is not a typo of a known ASM region (one letter off, swapped, wrong case, _ for -, no cn- prefix).',
    neverWorks('no two ASM regions are one letter apart, so this one is a typo')
  ),
  closed: rule('region is not one the API metadata lists as closed.', borrowed('the API metadata', METADATA)),
  unknown: rule(
    'region is one of the 25 regions of the API metadata, or else a new region the API may accept.',
    borrowed("the API metadata's region list", METADATA)
  )
}

export interface RegionProblem {
  rule: Rule
  message: string
}

/**
 * The known region `value` is a typo of. Regions that differ only in digits are different regions
 * (ap-southeast-6 is not a typo of ap-southeast-5), so a digit edit never counts.
 */
function typoOf(value: string): string | undefined {
  const normal = value.toLowerCase().replace(/[_\s]+/g, '-')
  const digitless = (text: string) => text.replace(/[0-9]/g, '')
  return KNOWN_REGIONS.find(
    known =>
      known === normal ||
      (/^[a-z]{3,}/.test(normal) && known.endsWith(`-${normal}`)) ||
      (editDistance(normal, known) === 1 && digitless(normal) !== digitless(known))
  )
}

export function checkRegion(value: string): RegionProblem | undefined {
  if (KNOWN_REGIONS.includes(value)) {
    if (!CLOSED_REGIONS.has(value)) return undefined
    return {
      rule: REGION_RULES.closed,
      message: 'is listed as closed for ASM in the API metadata; it is sent as written'
    }
  }
  const meant = typoOf(value)
  if (meant) {
    return {
      rule: REGION_RULES.typo,
      message: `is not a known ASM region; did you mean ${meant}?`
    }
  }
  return {
    rule: REGION_RULES.unknown,
    message:
      'is not among the ASM regions of the API metadata; it is sent as written, in case the region is new'
  }
}
