/**
 * The floor of the benchmark: what loading the two libraries every run needs costs. Bundled by the bench
 * with the package script's ncc flags into build/bench-probe, then started like the action. JavaScript,
 * not TypeScript: ncc's TypeScript loader type-checks the whole project, which the probe has no need of.
 */
import * as core from '@actions/core'
import * as yaml from 'yaml'

// The namespaces escape, so the bundler keeps every export, as it must for the action's own use.
if (process.env.BENCH_PROBE_LIST) console.log(Object.keys(core).length + Object.keys(yaml).length)
process.exit()
