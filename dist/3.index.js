export const id = 3;
export const ids = [3];
export const modules = {

/***/ 1003:
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
// EXTERNAL MODULE: ./src/retry.ts
var retry = __webpack_require__(9809);
// EXTERNAL MODULE: ./src/cloud/client.ts
var cloud_client = __webpack_require__(3838);
// EXTERNAL MODULE: ./src/cloud/failure.ts
var failure = __webpack_require__(2355);
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
            return assumeRoleWithOidc(plan.oidc, plan.stsEndpoint, deps);
    }
}
async function assumeRoleWithOidc(oidc, sts, deps) {
    let token;
    try {
        token = await deps.getIDToken(oidc.audience);
    }
    catch (error) {
        throw new errors/* ActionError */.l(`Could not get a GitHub OIDC token for audience "${oidc.audience}": ${error.message}`, 'Check that the job has `permissions: id-token: write`; pull requests from forks never get a token.');
    }
    deps.setSecret(token);
    const client = (0,cloud_client/* createApiClient */.y)({
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
        if (error instanceof failure/* CloudCallError */.S && error.failure.kind === 'client')
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

// EXTERNAL MODULE: ./src/cloud/mesh.ts
var mesh = __webpack_require__(1396);
;// CONCATENATED MODULE: ./src/cloud/connect.ts


async function connectCloud(plan, options) {
    const credentials = await resolveCredentials(plan, options);
    return (0,mesh/* createMeshApi */.g)({ endpoint: options.endpoint, credentials, log: options.log });
}


/***/ })

};
