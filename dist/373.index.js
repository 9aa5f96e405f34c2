export const id = 373;
export const ids = [373];
export const modules = {

/***/ 8373:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  connectCloud: () => (/* binding */ connectCloud)
});

// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/cloud/credential-plan.ts
var credential_plan = __webpack_require__(5990);
// EXTERNAL MODULE: ./src/clock.ts
var src_clock = __webpack_require__(9373);
// EXTERNAL MODULE: ./src/retry.ts
var retry = __webpack_require__(9809);
// EXTERNAL MODULE: ./src/chunks.ts
var chunks = __webpack_require__(6461);
// EXTERNAL MODULE: ./src/cloud/failure.ts
var cloud_failure = __webpack_require__(2355);
;// CONCATENATED MODULE: ./src/cloud/client.ts
/**
 * The one adapter over @alicloud/openapi-client 0.4.15 (`callApi`, RPC style, path `/`, signature V3 —
 * the library's default). It sets timeouts per call and makes the retries the library never makes
 * (docs/reference/alibaba-signing-sts.md §0.9, §3.9), with the cloud policy of retry.ts.
 */




function createApiClient(options) {
    const policy = { ...retry/* RETRY */.p6.cloud, ...options.retry };
    const clock = { sleep: options.sleep ?? src_clock/* systemClock */.m.sleep, random: options.random ?? src_clock/* systemClock */.m.random };
    const transport = options.transport ?? openApiTransport(options.endpoint, options.credentials);
    const host = options.endpoint.host;
    const call = (call) => (0,retry/* retrying */.R$)(async (attempt) => {
        try {
            const body = await transport(call);
            return { body, requestId: typeof body.RequestId === 'string' ? body.RequestId : '' };
        }
        catch (error) {
            throw new cloud_failure/* CloudCallError */.S((0,cloud_failure/* classifyFailure */.X)(call.action, error, call.timeout.readMs), attempt, host);
        }
    }, {
        policy,
        clock,
        retryable: error => {
            const { failure } = error;
            const mayRepeat = failure.retryable && (call.retryUnknownOutcome !== false || !failure.outcomeUnknown);
            if (!mayRepeat)
                return undefined;
            return {
                reason: `${call.action}: ${failure.code ?? failure.kind} (${failure.message})`,
                hintMs: failure.retryAfterMs
            };
        },
        log: line => options.log.info(line)
    });
    return { call };
}
/**
 * The package is CommonJS with its class on `exports.default`. Node's ESM loader and ts-jest hand over
 * `{ default: module.exports }` (so the class is at `.default.default`); a bundle may hand over
 * `module.exports` or the class itself. Take the first function found.
 */
function resolveClientClass(imported) {
    let candidate = imported;
    for (let depth = 0; depth < 3 && candidate; depth++) {
        if (typeof candidate === 'function')
            return candidate;
        candidate = candidate.default;
    }
    throw new Error('@alicloud/openapi-client: no Client class found on the module or its default export');
}
let clientClass;
/** Loaded at the first call only (chunks.ts). */
function loadClientClass() {
    clientClass ??= chunks/* chunks */.V.openApiClient().then(resolveClientClass);
    return clientClass;
}
function openApiTransport(endpoint, credentials) {
    let client;
    return async (call) => {
        client ??= loadClientClass().then(Client => new Client({
            endpoint: endpoint.host,
            protocol: endpoint.protocol,
            ...(credentials && {
                accessKeyId: credentials.accessKeyId,
                accessKeySecret: credentials.accessKeySecret,
                securityToken: credentials.securityToken
            })
        }));
        const response = await (await client).callApi({
            action: call.action,
            version: call.version,
            protocol: endpoint.protocol,
            pathname: '/',
            method: call.method,
            authType: call.anonymous ? 'Anonymous' : 'AK',
            style: 'RPC',
            reqBodyType: 'formData',
            bodyType: 'json'
        }, { query: call.query ?? {}, body: call.body }, { readTimeout: call.timeout.readMs, connectTimeout: call.timeout.connectMs });
        return response.body;
    };
}

;// CONCATENATED MODULE: ./src/cloud/credentials.ts
/**
 * A credential plan (credential-plan.ts) turned into Credentials: keys as given, or for OIDC the GitHub
 * token exchanged at STS AssumeRoleWithOIDC, with errors turned into trust-policy advice.
 */






const GITHUB_ISSUER = 'https://token.actions.githubusercontent.com';
async function resolveCredentials(plan, deps) {
    switch (plan.kind) {
        case 'none':
            throw (0,credential_plan/* missingCredentialsError */.D)();
        case 'static':
        case 'env': {
            deps.setSecret(plan.keys.accessKeySecret);
            if (plan.keys.securityToken)
                deps.setSecret(plan.keys.securityToken);
            deps.log.info(`Credentials: AccessKey ${redactedId(plan.keys.accessKeyId)} from ${plan.kind === 'static' ? 'the action inputs' : 'the environment'}`);
            return { ...plan.keys, source: plan.kind };
        }
        case 'oidc':
            return assumeRoleWithOidc(plan, deps);
    }
}
/** The time limit of a token request ran out. */
class NoAnswer extends Error {
}
/** `promise`, or NoAnswer after `ms`. The promise given up on may still fail later: that is not unhandled. */
function withinMs(promise, ms) {
    promise.catch(() => undefined);
    let timer;
    const limit = new Promise((_, reject) => {
        timer = setTimeout(() => reject(new NoAnswer()), ms);
    });
    return Promise.race([promise, limit]).finally(() => clearTimeout(timer));
}
/**
 * The GitHub OIDC token, each attempt within TIMEOUTS.oidcTokenMs: getIDToken has no time limit of its
 * own. Only an attempt without an answer is repeated (RETRY.oidcToken); getIDToken repeats 5xx answers.
 */
async function requestIdToken({ oidc, tokenOrigin }, deps) {
    const timeoutMs = deps.idTokenTimeoutMs ?? retry/* TIMEOUTS */.fT.oidcTokenMs;
    const policy = retry/* RETRY */.p6.oidcToken;
    const seconds = `${timeoutMs / 1000} s`;
    const failed = `Could not get a GitHub OIDC token for audience "${oidc.audience}"`;
    try {
        return await (0,retry/* retrying */.R$)(() => withinMs(deps.getIDToken(oidc.audience), timeoutMs), {
            policy,
            clock: { sleep: deps.sleep ?? src_clock/* realSleep */.u, random: deps.random ?? Math.random },
            retryable: error => error instanceof NoAnswer
                ? { reason: `The OIDC token endpoint at ${tokenOrigin} gave no answer within ${seconds}` }
                : undefined,
            log: line => deps.log.info(line),
            exhausted: (_, attempts) => new errors/* ActionError */.l(`${failed}: the token endpoint (ACTIONS_ID_TOKEN_REQUEST_URL at ${tokenOrigin}) gave no answer within ` +
                `${seconds}, on each of ${attempts} attempts (about ${Math.round((0,retry/* longestMs */.D5)(policy, timeoutMs) / 1000)} s in all).`, 'The runner hands out this token, and its token service did not answer. Re-run the job; on a self-hosted ' +
                `runner, check that it can reach ${tokenOrigin} (proxy and firewall settings). Static keys from ` +
                'secrets (access-key-id and access-key-secret) need no token.')
        });
    }
    catch (error) {
        if (error instanceof errors/* ActionError */.l)
            throw error;
        throw new errors/* ActionError */.l(`${failed}: ${error.message}`, 'Check that the job has `permissions: id-token: write`; pull requests from forks never get a token.');
    }
}
async function assumeRoleWithOidc(plan, deps) {
    const { oidc, stsEndpoint: sts } = plan;
    const token = await requestIdToken(plan, deps);
    deps.setSecret(token);
    const client = createApiClient({
        endpoint: sts,
        log: deps.log,
        sleep: deps.sleep,
        random: deps.random,
        retry: deps.retry,
        transport: deps.transport
    });
    let response;
    try {
        // Parameters in the query, as sts20150401 1.1.4 sends them through this library (reference §4.1).
        response = await client.call({
            action: 'AssumeRoleWithOIDC',
            version: '2015-04-01',
            method: 'POST',
            anonymous: true,
            query: {
                OIDCProviderArn: oidc.providerArn,
                RoleArn: oidc.roleArn,
                OIDCToken: token,
                RoleSessionName: oidc.roleSessionName,
                DurationSeconds: String(oidc.durationSeconds)
            },
            timeout: deps.stsTimeout ?? retry/* TIMEOUTS */.fT.sts
        });
    }
    catch (error) {
        if (error instanceof cloud_failure/* CloudCallError */.S && error.failure.kind === 'client')
            throw new errors/* ActionError */.l(error.message, stsAdvice(error.failure.code ?? '', oidc, token) ?? error.advice);
        throw error;
    }
    const issued = response.body.Credentials;
    const field = (name) => (typeof issued?.[name] === 'string' ? issued[name] : '');
    const accessKeyId = field('AccessKeyId');
    const accessKeySecret = field('AccessKeySecret');
    const securityToken = field('SecurityToken');
    // Masked before anything else can print them.
    if (accessKeySecret)
        deps.setSecret(accessKeySecret);
    if (securityToken)
        deps.setSecret(securityToken);
    if (!accessKeyId || !accessKeySecret || !securityToken)
        throw new errors/* ActionError */.l(`AssumeRoleWithOIDC answered without Credentials.AccessKeyId/AccessKeySecret/SecurityToken; ` +
            `request id ${response.requestId || 'none'}`, `Check that ${sts.host} is an Alibaba Cloud STS endpoint (the sts-endpoint input).`);
    const expiration = field('Expiration');
    deps.log.info(`Credentials: assumed ${oidc.roleArn} with the GitHub OIDC token via ${sts.host}` +
        (expiration ? ` (valid until ${expiration})` : ''));
    return { accessKeyId, accessKeySecret, securityToken, source: 'oidc', ...(expiration && { expiration }) };
}
/** The token's claims that trust policies test; none of them is secret. The signature is not checked. */
function tokenClaims(token) {
    let payload = {};
    try {
        payload = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8'));
    }
    catch {
        // Not a JWT: every claim shows as "?" below.
    }
    const claim = (name) => {
        const value = payload?.[name];
        return Array.isArray(value) ? value.join(',') : typeof value === 'string' ? value : '?';
    };
    return {
        iss: claim('iss'),
        sub: claim('sub'),
        aud: claim('aud'),
        repository: claim('repository'),
        ref: claim('ref')
    };
}
function stsAdvice(code, oidc, token) {
    const claims = tokenClaims(token);
    const shown = Object.entries(claims)
        .map(([name, value]) => `${name}=${value}`)
        .join(', ');
    if (code.endsWith('AudienceNotMatch'))
        return (`The audience input ("${oidc.audience}") must equal a Client ID of the RAM OIDC provider ${oidc.providerArn}: ` +
            'change the input or add it as a Client ID.');
    if (code.endsWith('IssuerNotMatch'))
        return `The RAM OIDC provider ${oidc.providerArn} must have the issuer URL ${GITHUB_ISSUER} (the token's iss is ${claims.iss}).`;
    if (code === 'AuthenticationFail.NoPermission')
        return (`The trust policy of ${oidc.roleArn} must allow the provider ${oidc.providerArn} with conditions that match ` +
            `this token: oidc:iss = ${claims.iss}, oidc:aud = ${claims.aud}, oidc:sub = ${claims.sub} ` +
            `(StringLike with * works, e.g. repo:${claims.repository}:*). Token claims: ${shown}.`);
    if (code.startsWith('EntityNotExist.Role'))
        return `The role ${oidc.roleArn} does not exist: check role-to-assume (account id and role name).`;
    if (code.endsWith('Expired'))
        return 'The token had expired when STS checked it: re-run the job; on a self-hosted runner, check the clock (NTP).';
    if (code.endsWith('PublicKeyFingerprintMismatch') || code.endsWith('IssuerConfigurationBroken'))
        return `Update the fingerprint of the RAM OIDC provider ${oidc.providerArn} for ${GITHUB_ISSUER}.`;
    if (code.startsWith('AuthenticationFail'))
        return `STS rejected the GitHub token for ${oidc.roleArn}. Token claims: ${shown}.`;
    return undefined;
}
/** Enough of an AccessKey ID to tell keys apart in a log, not the whole credential: `LTAI…mKeY`. */
const redactedId = (id) => (id.length > 8 ? `${id.slice(0, 4)}…${id.slice(-4)}` : '…');

// EXTERNAL MODULE: ./src/cancellation.ts
var cancellation = __webpack_require__(4632);
// EXTERNAL MODULE: ./src/cloud/mesh-answers.ts
var mesh_answers = __webpack_require__(258);
;// CONCATENATED MODULE: ./src/cloud/mesh-tags.ts
/** The tags of one mesh as ListTagResources lists them: the live side of the spec's `tags` (drift). */


const MAX_TAG_PAGES = 5;
/**
 * ListTagResources of one mesh, page by page (docs/reference/asm-lifecycle-api.md §b); an entry of another
 * shape is skipped. A mesh carries at most 20 tags, so more than MAX_TAG_PAGES pages means a broken answer.
 */
async function listMeshTags(list, meshId, region, host) {
    const tags = {};
    let token = '';
    for (let page = 1; page <= MAX_TAG_PAGES; page++) {
        const query = {
            RegionId: region,
            'ResourceId.1': meshId,
            ResourceType: 'servicemesh',
            ...(token && { NextToken: token })
        };
        const { body } = await list(query);
        for (const entry of Array.isArray(body.TagResources) ? body.TagResources : []) {
            const { ResourceId, TagKey, TagValue } = (0,mesh_answers/* asObject */.eB)(entry);
            if (ResourceId === meshId && typeof TagKey === 'string' && typeof TagValue === 'string')
                tags[TagKey] = TagValue;
        }
        token = (0,mesh_answers/* str */.gx)(body.NextToken);
        if (!token)
            return tags;
    }
    throw new errors/* ActionError */.l(`ListTagResources for ${meshId} kept answering with a NextToken after ${MAX_TAG_PAGES} pages.`, `Check that ${host} is the Service Mesh API endpoint.`);
}

;// CONCATENATED MODULE: ./src/cloud/mesh.ts
/** MeshApi over the ASM 2020-01-11 API (docs/reference/asm-api.md §2, §3). */








const VERSION = '2020-01-11';
function createMeshApi(options) {
    return new AsmMeshApi(options);
}
class AsmMeshApi {
    log;
    sleep;
    random;
    now;
    timeouts;
    host;
    client;
    constructor(options) {
        this.log = options.log;
        this.sleep = options.sleep ?? src_clock/* systemClock */.m.sleep;
        this.random = options.random ?? src_clock/* systemClock */.m.random;
        this.now = options.now ?? src_clock/* systemClock */.m.now;
        this.timeouts = { read: retry/* TIMEOUTS */.fT.cloudRead, create: retry/* TIMEOUTS */.fT.cloudCreate, ...options.timeouts };
        this.host = options.endpoint.host;
        this.client = createApiClient({
            endpoint: options.endpoint,
            credentials: options.credentials,
            log: this.log,
            sleep: this.sleep,
            random: this.random,
            transport: options.transport
        });
    }
    api(action, method, rest = {}) {
        return this.client.call({ action, version: VERSION, method, timeout: this.timeouts.read, ...rest });
    }
    async findByName(name, region) {
        // The API has no name or region filter (docs/reference/asm-api.md §3): list all, filter here.
        const { body, requestId } = await this.api('DescribeServiceMeshes', 'GET');
        if (!Array.isArray(body.ServiceMeshes))
            throw new errors/* ActionError */.l(`DescribeServiceMeshes answered without a ServiceMeshes list; request id ${requestId || 'none'}`, `Check that ${this.host} is the Service Mesh API endpoint.`);
        return body.ServiceMeshes.map(mesh => (0,mesh_answers/* meshInfo */.y0)((0,mesh_answers/* asObject */.eB)((0,mesh_answers/* asObject */.eB)(mesh).ServiceMeshInfo), 'DescribeServiceMeshes')).filter(mesh => mesh.name === name && mesh.region === region);
    }
    async describe(meshId) {
        return (await this.detail(meshId))?.info;
    }
    /** DescribeServiceMeshDetail as answered, with its ServiceMeshInfo; undefined when the mesh is gone. */
    async detail(meshId) {
        let response;
        try {
            response = await this.api('DescribeServiceMeshDetail', 'POST', { body: { ServiceMeshId: meshId } });
        }
        catch (error) {
            if ((0,mesh_answers/* notFound */.mX)(error))
                return undefined;
            throw (0,mesh_answers/* forbiddenIsNotGone */.Ed)(error, meshId, this.host);
        }
        const info = (0,mesh_answers/* asObject */.eB)((0,mesh_answers/* asObject */.eB)(response.body.ServiceMesh).ServiceMeshInfo);
        if (typeof info.State !== 'string')
            throw new errors/* ActionError */.l(`DescribeServiceMeshDetail for ${meshId} answered without ServiceMesh.ServiceMeshInfo.State; ` +
                `request id ${response.requestId || 'none'}`, `Check that ${this.host} is the Service Mesh API endpoint.`);
        const clusters = (0,mesh_answers/* asObject */.eB)(response.body.ServiceMesh).Clusters;
        return {
            info: {
                ...(0,mesh_answers/* meshInfo */.y0)(info, 'DescribeServiceMeshDetail'),
                id: (0,mesh_answers/* str */.gx)(info.ServiceMeshId) || meshId,
                ...(Array.isArray(clusters) && { clusters: clusters.filter(c => typeof c === 'string') })
            },
            body: response.body
        };
    }
    async readLive(meshId, tagsIn) {
        const detail = await this.detail(meshId);
        if (!detail)
            return undefined;
        const tags = tagsIn === undefined
            ? undefined
            : await listMeshTags(query => this.api('ListTagResources', 'POST', { query }), meshId, tagsIn, this.host);
        return { info: detail.info, live: { detail: detail.body, ...(tags && { tags }) } };
    }
    async change(call) {
        const { requestId } = await this.client.call({
            action: call.action,
            version: VERSION,
            method: 'POST',
            query: call.query,
            body: call.body,
            timeout: this.timeouts.create,
            // A change whose outcome is unknown is read back before it is ever sent again (update.ts, sendOnce).
            retryUnknownOutcome: false
        });
        return requestId;
    }
    async removeCluster(meshId, clusterId) {
        // Accepted when the cluster is no longer listed or its removal is under way (docs/reference/asm-lifecycle-api.md §b).
        await this.sendOnce('RemoveClusterFromServiceMesh', meshId, { ClusterId: clusterId }, seen => Boolean(seen && (seen.state === 'updating' || !seen.clusters?.includes(clusterId))), mesh_answers/* notFound */.mX);
    }
    async deleteMesh(meshId) {
        // `deleting` is UNVERIFIED (docs/reference/asm-lifecycle-api.md §e): any state but running counts as
        // accepted only together with the mesh being gone at the end of the wait.
        return this.sendOnce('DeleteServiceMesh', meshId, {}, seen => !seen || seen.state === 'deleting', mesh_answers/* goneAfterDelete */.th);
    }
    /**
     * A call that must not run twice (each needs a running mesh, and its effect is not idempotent): sent
     * without blind retries, an unknown outcome is settled by describing the mesh. A mesh already gone
     * counts as done, as Terraform reads it (docs/reference/asm-lifecycle-api.md §c); `gone` says which
     * answers of the describe after an unknown outcome mean gone: StatusForbidden only once a delete was
     * sent (goneAfterDelete); the call's own answer is "gone" only as ServiceMesh.NotFound.
     */
    async sendOnce(action, meshId, body, accepted, gone) {
        try {
            return { requestId: await this.change({ action, query: {}, body: { ServiceMeshId: meshId, ...body } }) };
        }
        catch (error) {
            if ((0,mesh_answers/* notFound */.mX)(error))
                return { requestId: error.failure.requestId ?? '' };
            if (!(error instanceof cloud_failure/* CloudCallError */.S) || !error.failure.outcomeUnknown)
                throw error;
            this.log.warning(`${error.message}. It may have been carried out; describing mesh ${meshId} first.`);
            const seen = await this.describe(meshId).catch((failure) => {
                if (gone(failure))
                    return undefined;
                throw failure;
            });
            if (!accepted(seen))
                throw error;
            this.log.info(`Mesh ${meshId} shows that ${action} was carried out.`);
            return { requestId: error.failure.requestId ?? '' };
        }
    }
    async findCreated(request, existing, look) {
        const where = `name "${request.name}" in ${request.region}`;
        const until = look.since + this.timeouts.create.readMs + retry/* POLL */.eE.createdMesh.windowMs;
        let interval = retry/* POLL */.eE.createdMesh.firstMs;
        for (;;) {
            let failure;
            try {
                const fresh = (await this.findByName(request.name, request.region)).filter(m => !existing.includes(m.id));
                if (fresh.length === 1)
                    return fresh[0];
                if (fresh.length > 1)
                    throw new errors/* ActionError */.l(`${fresh.length} new meshes have ${where}: ${fresh.map(mesh => mesh.id).join(', ')}`, 'Decide which mesh to keep, delete the others in the ASM console, then re-run the job.');
            }
            catch (error) {
                if (!(error instanceof cloud_failure/* CloudCallError */.S && error.failure.retryable))
                    throw error;
                failure = error;
            }
            const remaining = until - this.now();
            if (remaining <= 0) {
                if (failure)
                    throw failure;
                return undefined;
            }
            if (failure)
                this.log.warning(`${failure.message}; looking again in ${Math.round(interval / 100) / 10} s`);
            await this.sleep(Math.min(interval, remaining), look.signal).catch(() => undefined);
            if (look.signal?.aborted)
                throw (0,cancellation/* cancelledWhileLooking */.Mk)(where);
            interval = Math.min(interval * 2, retry/* POLL */.eE.createdMesh.maxMs);
        }
    }
    async create(request, existing, look = {}) {
        const where = `name "${request.name}" in ${request.region}`;
        const since = this.now();
        let reason;
        let requestId = '';
        try {
            const answer = await this.client.call({
                action: 'CreateServiceMesh',
                version: VERSION,
                method: 'POST',
                query: request.query,
                body: request.body,
                timeout: this.timeouts.create,
                retryUnknownOutcome: false
            });
            const meshId = answer.body.ServiceMeshId;
            if (typeof meshId === 'string' && mesh_answers/* MESH_ID */.wv.test(meshId))
                return { meshId, requestId: answer.requestId };
            requestId = answer.requestId;
            reason = `the answer (request id ${requestId || 'none'}) holds no ServiceMeshId`;
        }
        catch (error) {
            if (!(error instanceof cloud_failure/* CloudCallError */.S) || !error.failure.outcomeUnknown)
                throw error;
            reason = error.message;
            requestId = error.failure.requestId ?? '';
        }
        const window = this.timeouts.create.readMs + retry/* POLL */.eE.createdMesh.windowMs;
        this.log.warning(`CreateServiceMesh: ${reason}. The mesh may exist now, so the create is not sent again; ` +
            `looking for ${where} until ${(0,mesh_answers/* minutes */.Gx)(window)} after it was sent.`);
        const found = await this.findCreated(request, existing, { ...look, since }).catch((error) => {
            if (!(error instanceof errors/* ActionError */.l))
                throw error;
            throw new errors/* ActionError */.l(`CreateServiceMesh: the outcome is unknown (${reason}), and looking for ${where} failed too: ${error.message}`, `Look for a mesh with ${where} in the ASM console. The state record marks the create as unknown, ` +
                'so the next run looks for it first and records it instead of creating a second one.');
        });
        if (found) {
            this.log.info(`Found mesh ${found.id} with ${where}: the create went through.`);
            return { meshId: found.id, requestId };
        }
        throw new errors/* ActionError */.l(`CreateServiceMesh: the outcome is unknown (${reason}), and no new mesh with ${where} appeared within ` +
            `${(0,mesh_answers/* minutes */.Gx)(window)} of the send; the create was not sent again.`, `Check the ASM console for a mesh with ${where}. The state record marks the create as unknown: the ` +
            'next run looks for the mesh first, records it if it appeared, and creates one only if it did not.');
    }
    async waitUntilRunning(meshId, wait) {
        return this.poll(meshId, wait, {
            settled: seen => {
                if (!seen)
                    throw new errors/* ActionError */.l(`Mesh ${meshId} no longer exists (DescribeServiceMeshDetail: not found) while waiting for it.`, 'Someone or something deleted it; check the ASM console, then re-run the job to create it again.');
                return seen.state === 'running' ? seen : undefined;
            },
            timedOut: last => new errors/* ActionError */.l(`Mesh ${meshId} is not running after ${wait.timeoutSeconds} s (last state: ${last?.state || 'unknown'}). ` +
                'Creation continues in the cloud.', `Raise wait-timeout-seconds, or set wait: false and check mesh ${meshId} later in the ASM console.`)
        });
    }
    async waitUntilGone(meshId, wait) {
        await this.poll(meshId, wait, {
            settled: seen => (seen ? undefined : true),
            gone: mesh_answers/* goneAfterDelete */.th,
            timedOut: last => new errors/* ActionError */.l(`Mesh ${meshId} still exists after ${wait.timeoutSeconds} s (last state: ${last?.state || 'unknown'}). ` +
                'The deletion continues in the cloud.', 'Raise wait-timeout-seconds, or run the destroy again later: it waits for the same deletion and then records it.')
        });
    }
    /** Polls describe until `settled` returns a value; a failed state, a timeout or a cancellation throws. */
    async poll(meshId, wait, until) {
        const start = this.now();
        const deadline = start + wait.timeoutSeconds * 1000;
        const cancelled = () => (0,cancellation/* cancelledWhileWaiting */.Y7)(meshId);
        const poll = retry/* POLL */.eE.meshState;
        let interval = poll.firstMs;
        let last;
        for (;;) {
            const remaining = deadline - this.now();
            if (remaining <= 0)
                throw until.timedOut(last);
            try {
                await this.sleep(Math.min(interval, remaining), wait.signal);
            }
            catch (error) {
                if (wait.signal?.aborted)
                    throw cancelled();
                throw error;
            }
            if (wait.signal?.aborted)
                throw cancelled();
            let seen;
            try {
                seen = await this.describe(meshId);
            }
            catch (error) {
                if (until.gone?.(error))
                    seen = undefined;
                else if (!(error instanceof cloud_failure/* CloudCallError */.S && error.failure.retryable))
                    throw error;
                else {
                    interval = Math.min(interval * 2, poll.maxMs);
                    this.log.warning(`${error.message}; polling again in ${interval / 1000} s`);
                    continue;
                }
            }
            const elapsed = this.now() - start;
            if (seen) {
                last = seen;
                wait.onProgress?.(seen, Math.round(elapsed / 1000));
            }
            const done = until.settled(seen);
            if (done !== undefined)
                return done;
            if (seen && (0,mesh_answers/* isFailedState */.tu)(seen.state))
                throw new errors/* ActionError */.l(`Mesh ${meshId} failed (state ${seen.state}): ${seen.errorMessage || 'the API gave no ErrorMessage'}`, 'Fix the cause the message names (quotas, VPC or vSwitch, permissions), delete the failed mesh, and re-run.');
            interval = elapsed >= poll.slowAfterMs ? poll.slowMs : poll.everyMs;
        }
    }
}

;// CONCATENATED MODULE: ./src/cloud/connect.ts


async function connectCloud(plan, options) {
    const credentials = await resolveCredentials(plan, options);
    return createMeshApi({ endpoint: options.endpoint, credentials, log: options.log });
}


/***/ })

};
