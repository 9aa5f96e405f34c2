import { run } from './main.js'

// The Alibaba SDK's HTTP layer uses url.parse(), which Node 24 reports as deprecated (DEP0169) on
// every run; that is the dependency's business, not something a workflow author can act on.
process.noDeprecation = true
// Keep-alive sockets of the HTTP clients must not hold the step open once the work is done.
void run().then(() => process.exit())
