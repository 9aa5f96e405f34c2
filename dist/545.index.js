export const id = 545;
export const ids = [545];
export const modules = {

/***/ 8545:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  loadSpec: () => (/* binding */ loadSpec)
});

// UNUSED EXPORTS: evaluateSpec

// EXTERNAL MODULE: ./src/diagnostics.ts
var src_diagnostics = __webpack_require__(4851);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: external "node:buffer"
var external_node_buffer_ = __webpack_require__(4573);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
;// CONCATENATED MODULE: ./src/spec/interpolate.ts
/** `${NAME}` references in string values, replaced from the environment; `$${` writes a literal `${`. */
const REFERENCE = /\$\$\{|\$\{([^}]*)\}?/g;
const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
function interpolate(text, env) {
    const result = { value: '', names: [], whole: false, substituted: [], problems: [] };
    let last = 0;
    for (const match of text.matchAll(REFERENCE)) {
        const [reference, name] = match;
        result.value += text.slice(last, match.index);
        last = match.index + reference.length;
        if (reference === '$${') {
            result.value += '${';
            continue;
        }
        if (!reference.endsWith('}') || name === undefined || !NAME.test(name)) {
            result.problems.push({
                index: match.index,
                reference,
                message: `${JSON.stringify(reference)} is not a valid environment reference`,
                expected: '${NAME} with NAME made of letters, digits and _ (write $${ for a literal ${)'
            });
            result.value += reference;
            continue;
        }
        result.names.push(name);
        const value = env[name];
        // An empty variable counts as missing: in a workflow, `${{ secrets.X }}` of an unset secret is empty.
        if (value === undefined || value === '') {
            result.problems.push({
                index: match.index,
                reference,
                message: `environment variable ${name} is not set (or is empty)`,
                expected: `${name} set in the step's env: (for secrets: ${name}: \${{ secrets.${name} }})`
            });
            continue;
        }
        result.substituted.push(value);
        result.value += value;
    }
    result.value += text.slice(last);
    result.whole = /^\$\{[A-Za-z_][A-Za-z0-9_]*\}$/.test(text);
    return result;
}

;// CONCATENATED MODULE: ./src/spec/lines.ts
class LineIndex {
    /** Offset of the first character of each line, ascending; line 1 starts at 0. */
    starts = [0];
    length;
    constructor(text) {
        this.length = text.length;
        for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1))
            this.starts.push(i + 1);
    }
    /** The range from `start` to `end`, each clamped into the text (and `end` to no earlier than `start`). */
    range(start, end = start) {
        const from = this.clamp(start, 0);
        const [line, column] = this.lineColumn(from);
        const [endLine, endColumn] = this.lineColumn(this.clamp(end, from));
        return { line, column, endLine, endColumn };
    }
    clamp(offset, min) {
        return Math.min(Math.max(offset, min), this.length);
    }
    /** Binary search for the last line starting at or before `offset`. */
    lineColumn(offset) {
        let low = 0;
        let high = this.starts.length - 1;
        while (low < high) {
            const mid = (low + high + 1) >> 1;
            if (this.starts[mid] <= offset)
                low = mid;
            else
                high = mid - 1;
        }
        return [low + 1, offset - this.starts[low] + 1];
    }
}

;// CONCATENATED MODULE: ./src/spec/problems.ts
const MAX_DIAGNOSTICS = 200;
class Problems {
    list = [];
    file;
    dropped = 0;
    constructor(file) {
        this.file = file;
    }
    error(pos, path, message, detail = {}) {
        this.add('error', pos, path, message, detail);
    }
    warning(pos, path, message, detail = {}) {
        this.add('warning', pos, path, message, detail);
    }
    /** No more diagnostics will be listed: callers may skip work that only improves messages. */
    get isFull() {
        return this.list.length >= MAX_DIAGNOSTICS;
    }
    /** The diagnostics in file order, plus one line saying how many were left out. */
    all() {
        const sorted = [...this.list].sort((a, b) => a.line - b.line || a.column - b.column);
        if (this.dropped === 0)
            return sorted;
        const summary = {
            severity: 'error',
            file: this.file,
            line: 1,
            column: 1,
            path: '',
            message: `${this.dropped} more problems were found and not listed; fix the ones above first`
        };
        return [...sorted, summary];
    }
    add(severity, pos, path, message, detail) {
        if (this.list.length >= MAX_DIAGNOSTICS) {
            this.dropped++;
            return;
        }
        this.list.push({
            severity,
            file: this.file,
            line: pos.line,
            column: pos.column,
            endLine: pos.endLine,
            endColumn: pos.endColumn,
            path,
            message,
            ...(detail.expected === undefined ? {} : { expected: detail.expected }),
            ...(detail.found === undefined ? {} : { found: detail.found })
        });
    }
}
const START = { line: 1, column: 1, endLine: 1, endColumn: 1 };

;// CONCATENATED MODULE: ./src/spec/parse.ts
/**
 * Spec bytes → a tree of positioned nodes (tree.ts), with `${NAME}` interpolation. Hostile input is bounded
 * before and while YAML parses it: size, encoding, nesting depth and alias expansion.
 */





const MAX_SPEC_BYTES = 1024 * 1024;
/** Far above any real spec (about 7 levels) and far below what could exhaust the stack. */
const MAX_NESTING = 64;
const MAX_ALIASES = 100;
/**
 * Keys, values and punctuation the lexer may find. A full spec has about 1,000; the cap keeps the YAML parser
 * (linear, but slow on a 1 MiB file of tiny keys) well under a second on hostile input.
 */
const MAX_TOKENS = 50_000;
/** Nodes that aliases may add in total (an alias bomb multiplies them). */
const MAX_ALIAS_NODES = 10_000;
function parseSpec(input, options) {
    const problems = new Problems(options.file);
    const parsed = { problems, envValues: [] };
    const text = decodeText(input, problems);
    if (text === undefined)
        return parsed;
    const docs = parseDocuments(text);
    if (typeof docs === 'string') {
        const { message, expected } = LIMIT_PROBLEMS[docs];
        problems.error(START, '', message, { expected });
        return parsed;
    }
    const lines = new LineIndex(text);
    const at = (offset, end = offset) => lines.range(offset, end);
    if (docs.length === 0 || docs[0].contents === null) {
        problems.error(START, '', 'the spec file is empty', {
            expected: 'a YAML mapping with version, name, region, network'
        });
        return parsed;
    }
    for (const extra of docs.slice(1)) {
        problems.error(at(extra.range[0]), '', 'the file holds more than one YAML document', {
            expected: 'one document (one mesh per file)',
            found: `${docs.length} documents`
        });
    }
    const document = docs[0];
    const issues = [...document.errors, ...document.warnings];
    for (const issue of issues)
        reportYamlIssue(issue, text, problems, at);
    if (issues.length > 0)
        return parsed;
    const root = new TreeBuilder(text, problems, options.env, at).build(document.contents);
    parsed.envValues = root.envValues;
    if (root.node.kind !== 'map') {
        problems.error(root.node.pos, '', 'the spec must be a YAML mapping', {
            expected: 'a mapping (key: value lines) at the top level',
            found: root.node.kind === 'seq' ? 'a list' : 'a single value'
        });
        return parsed;
    }
    parsed.root = root.node;
    return parsed;
}
const YAML_EXPECTATIONS = {
    TAB_AS_INDENT: 'spaces for indentation (YAML does not allow tabs there)',
    TAG_RESOLVE_FAILED: 'no custom tags (!name); plain YAML values',
    BAD_ALIAS: 'an alias (*name) to an anchor (&name) defined earlier'
};
function reportYamlIssue(issue, text, problems, at) {
    const pos = at(issue.pos[0], issue.pos[1]);
    const line = text.split('\n', pos.line)[pos.line - 1] ?? '';
    // `{a: ${X}}` is not YAML: braces end a plain value inside [ ] and { }, so the reference needs quotes.
    const unquotedReference = /[[{,].*\$\{/.test(line);
    const expected = unquotedReference
        ? "quotes around ${NAME} inside [ ] or { }, e.g. {key: '${NAME}'}"
        : (YAML_EXPECTATIONS[issue.code] ?? 'valid YAML 1.2');
    problems.error(pos, '', `YAML: ${issue.message.split('\n')[0]}`, { expected });
}
/** Bytes → text, or undefined with a diagnostic for oversized, binary or non-UTF-8 input. */
function decodeText(input, problems) {
    if (input.length > MAX_SPEC_BYTES) {
        problems.error(START, '', 'the spec file is larger than 1 MiB', {
            expected: 'a spec file of at most 1 MiB',
            found: `${input.length} bytes`
        });
        return undefined;
    }
    const nul = input.indexOf(0);
    if (nul >= 0) {
        problems.error(bytePosition(input, nul), '', 'the file contains NUL bytes: it looks binary, not YAML', {
            expected: 'a UTF-8 text file'
        });
        return undefined;
    }
    // The native check first: the byte loop below only has to find where a file goes wrong.
    const invalid = (0,external_node_buffer_.isUtf8)(input) ? -1 : firstInvalidUtf8(input);
    if (invalid >= 0) {
        problems.error(bytePosition(input, invalid), '', 'the file is not valid UTF-8', {
            expected: 'a UTF-8 text file',
            found: `byte 0x${input[invalid].toString(16).padStart(2, '0')} at offset ${invalid}`
        });
        return undefined;
    }
    const text = new TextDecoder('utf-8').decode(input);
    // YAML 1.2 allows only printable characters (tab, line breaks and the printable Unicode ranges).
    // eslint-disable-next-line no-control-regex -- finding control characters is the point
    const control = /[\x01-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ufffe\uffff]/.exec(text);
    if (control) {
        problems.error(new LineIndex(text).range(control.index, control.index + 1), '', 'the file contains a control character', {
            expected: 'printable text (YAML 1.2)',
            found: `U+${control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`
        });
        return undefined;
    }
    return text;
}
function bytePosition(bytes, offset) {
    let line = 1;
    let lineStart = 0;
    for (let i = 0; i < offset; i++) {
        if (bytes[i] === 0x0a) {
            line++;
            lineStart = i + 1;
        }
    }
    const column = offset - lineStart + 1;
    return { line, column, endLine: line, endColumn: column + 1 };
}
/** Offset of the first byte that breaks UTF-8 (RFC 3629: no overlongs, surrogates or > U+10FFFF), or -1. */
function firstInvalidUtf8(bytes) {
    let i = 0;
    while (i < bytes.length) {
        const b = bytes[i];
        if (b < 0x80) {
            i++;
            continue;
        }
        const length = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
        if (length === 0 || i + length > bytes.length)
            return i;
        const second = bytes[i + 1];
        const low = b === 0xe0 ? 0xa0 : b === 0xf0 ? 0x90 : 0x80;
        const high = b === 0xed ? 0x9f : b === 0xf4 ? 0x8f : 0xbf;
        if (second < low || second > high)
            return i;
        for (let j = 2; j < length; j++)
            if ((bytes[i + j] & 0xc0) !== 0x80)
                return i;
        i += length;
    }
    return -1;
}
const YAML_OPTIONS = {
    version: '1.2',
    schema: 'core',
    merge: false,
    // Duplicates are found below with a Set: yaml's own check compares every pair of keys (quadratic).
    uniqueKeys: false,
    strict: true
};
const LIMIT_PROBLEMS = {
    depth: {
        message: `the YAML nests deeper than ${MAX_NESTING} levels`,
        expected: `at most ${MAX_NESTING} levels of nesting (a spec needs about 7)`
    },
    tokens: {
        message: `the file holds more than ${MAX_TOKENS} YAML tokens`,
        expected: 'a mesh spec (a few hundred keys and values)'
    }
};
/**
 * What yaml's parseAllDocuments does, with the text lexed once: the lexer's tokens are measured (YamlShape)
 * as they come, and only a text within the limits goes on to the parser and composer, which recurse and
 * are much slower per token (so hostile input is refused at the lexer's cost).
 */
function parseDocuments(text) {
    const shape = new YamlShape();
    const tokens = [];
    for (const token of new dist/* Lexer */.JG().lex(text)) {
        const limit = shape.add(token);
        if (limit)
            return limit;
        tokens.push(token);
    }
    const parser = new dist/* Parser */.iX();
    const composer = new dist/* Composer */.Dk(YAML_OPTIONS);
    const docs = [];
    for (const token of tokens)
        for (const node of parser.next(token))
            docs.push(...composer.next(node));
    for (const node of parser.end())
        docs.push(...composer.next(node));
    docs.push(...composer.end());
    return docs;
}
/**
 * The size of the YAML, token by token: the tokens so far, and an upper estimate of the depth (flow
 * brackets, plus indentation levels, plus block indicators on one line such as `- - - x`).
 */
class YamlShape {
    tokens = 0;
    indents = [];
    flow = 0;
    onLine = 0;
    lineStart = true;
    /** The limit that this token passes, if any. */
    add(token) {
        if (++this.tokens > MAX_TOKENS)
            return 'tokens';
        const type = dist/* CST */.DB.tokenType(token);
        if (type === 'newline') {
            this.lineStart = true;
            this.onLine = 0;
            return undefined;
        }
        if (this.lineStart) {
            const indent = type === 'space' ? token.length : 0;
            const { indents } = this;
            while (indents.length > 0 && indents.at(-1) >= indent)
                indents.pop();
            if (indent > 0)
                indents.push(indent);
            this.lineStart = false;
        }
        if (type === 'flow-map-start' || type === 'flow-seq-start')
            this.flow++;
        else if (type === 'flow-map-end' || type === 'flow-seq-end')
            this.flow = Math.max(0, this.flow - 1);
        else if (this.flow === 0 &&
            (type === 'seq-item-ind' || type === 'explicit-key-ind' || type === 'map-value-ind')) {
            this.onLine++;
        }
        return this.flow + this.indents.length + this.onLine > MAX_NESTING ? 'depth' : undefined;
    }
}
/** yaml's document nodes → tree.ts nodes, expanding aliases within a budget and interpolating strings. */
class TreeBuilder {
    envValues = [];
    anchors = new Map();
    aliases = 0;
    aliasNodes = 0;
    aliasLimitReported = false;
    depthReported = false;
    text;
    problems;
    env;
    at;
    constructor(text, problems, env, at) {
        this.text = text;
        this.problems = problems;
        this.env = env;
        this.at = at;
    }
    build(node) {
        return { node: this.node(node, '', 0, false, START), envValues: this.envValues };
    }
    node(node, path, depth, inAlias, fallback) {
        if (node === null)
            return { kind: 'scalar', value: null, source: '', pos: fallback };
        const pos = node.range ? this.at(node.range[0], node.range[1]) : fallback;
        if (depth > MAX_NESTING) {
            if (!this.depthReported)
                this.problems.error(pos, path, `the YAML nests deeper than ${MAX_NESTING} levels`);
            this.depthReported = true;
            return emptyScalar(pos);
        }
        if (inAlias && !this.withinAliasBudget(pos, path))
            return emptyScalar(pos);
        if ((0,dist/* isAlias */.Vj)(node))
            return this.alias(node.source, pos, path, depth, inAlias);
        if (!inAlias && node.anchor)
            this.anchors.set(node.anchor, node);
        if ((0,dist/* isScalar */.jn)(node))
            return this.scalar(node.value, node.source, node.range, pos, path);
        if ((0,dist/* isSeq */.oP)(node)) {
            const items = node.items.map((item, i) => this.node(item, `${path}[${i}]`, depth + 1, inAlias, pos));
            return { kind: 'seq', items, pos };
        }
        if ((0,dist/* isMap */.jh)(node)) {
            const map = { kind: 'map', entries: [], pos };
            const seen = new Set();
            for (const pair of node.items) {
                const keyNode = pair.key;
                const keyPos = keyNode?.range ? this.at(keyNode.range[0], keyNode.range[1]) : pos;
                if (!(0,dist/* isScalar */.jn)(keyNode)) {
                    this.problems.error(keyPos, path, 'a key must be a plain name', { expected: 'a string key' });
                    continue;
                }
                const key = typeof keyNode.value === 'string' ? keyNode.value : String(keyNode.source ?? keyNode.value);
                const childPath = path ? `${path}.${key}` : key;
                if (seen.has(key)) {
                    if (!inAlias) {
                        this.problems.error(keyPos, childPath, `duplicate key ${JSON.stringify(key)}`, {
                            expected: 'each key once per mapping'
                        });
                    }
                    continue;
                }
                seen.add(key);
                const value = this.node(pair.value, childPath, depth + 1, inAlias, keyPos);
                map.entries.push({ key, keyPos, value });
            }
            return map;
        }
        return emptyScalar(pos);
    }
    withinAliasBudget(pos, path) {
        if (++this.aliasNodes <= MAX_ALIAS_NODES)
            return true;
        if (!this.aliasLimitReported) {
            this.problems.error(pos, path, 'aliases expand to too many values (an alias bomb?)', {
                expected: `aliases adding at most ${MAX_ALIAS_NODES} values in total`
            });
            this.aliasLimitReported = true;
        }
        return false;
    }
    alias(name, pos, path, depth, inAlias) {
        // Counts the aliases written in the file; what they expand to is bounded by the alias budget.
        if (!inAlias && ++this.aliases > MAX_ALIASES) {
            if (this.aliases === MAX_ALIASES + 1) {
                this.problems.error(pos, path, `more than ${MAX_ALIASES} aliases`, {
                    expected: `at most ${MAX_ALIASES} aliases`
                });
            }
            return emptyScalar(pos);
        }
        const target = this.anchors.get(name);
        if (!target) {
            this.problems.error(pos, path, `alias *${name} has no anchor &${name} before it`);
            return emptyScalar(pos);
        }
        return this.node(target, path, depth, true, pos);
    }
    scalar(value, source, range, pos, path) {
        if (value !== null && !['string', 'number', 'boolean'].includes(typeof value)) {
            this.problems.error(pos, path, 'unsupported YAML value (a tag such as !!binary?)', {
                expected: 'a string, number, boolean or null'
            });
            return emptyScalar(pos);
        }
        const written = source ?? String(value);
        if (typeof value !== 'string' || !value.includes('${')) {
            return { kind: 'scalar', value: value, source: written, pos };
        }
        const result = interpolate(value, this.env);
        this.envValues.push(...result.substituted);
        const raw = range ? this.text.slice(range[0], range[1]) : '';
        for (const problem of result.problems) {
            const offset = raw.indexOf(problem.reference);
            const at = offset >= 0 && range ? this.at(range[0] + offset, range[0] + offset + problem.reference.length) : pos;
            this.problems.error(at, path, problem.message, { expected: problem.expected });
        }
        return {
            kind: 'scalar',
            value: result.value,
            source: written,
            pos,
            env: { names: result.names, whole: result.whole, failed: result.problems.length > 0 }
        };
    }
}
/** Stands in for a value that was refused (and reported). */
const emptyScalar = (pos) => ({
    kind: 'scalar',
    value: null,
    source: '',
    pos,
    invalid: true
});

;// CONCATENATED MODULE: ./src/workspace.ts
/**
 * The spec file, read safely from inside GITHUB_WORKSPACE (no escapes through `..`, absolute paths or links).
 * Synchronous on purpose: a few small reads at start-up, with nothing to overlap them with; the first async
 * fs call would also pay for starting libuv's thread pool.
 */




const code = (error) => error?.code;
const isInside = (parent, child) => {
    const relative = external_node_path_default().relative(parent, child);
    return relative === '' || (!relative.startsWith('..') && !external_node_path_default().isAbsolute(relative));
};
function readSpecFile(workspace, specPath) {
    if (!workspace) {
        throw new errors/* ActionError */.l('GITHUB_WORKSPACE is not set', 'Run the action in a GitHub Actions job (or set GITHUB_WORKSPACE).');
    }
    if (!specPath.trim())
        throw new errors/* ActionError */.l('the spec input is empty', 'Set spec: to the path of the mesh spec file.');
    if (specPath.includes('\0'))
        throw new errors/* ActionError */.l('the spec path contains a NUL character', 'Fix the spec input.');
    const root = external_node_path_default().resolve(workspace);
    const candidate = external_node_path_default().resolve(root, specPath);
    const relative = external_node_path_default().relative(root, candidate).split((external_node_path_default()).sep).join('/');
    const advice = `Give spec: as a path relative to the workspace (${root}), without .. leaving it.`;
    if (!isInside(root, candidate)) {
        throw new errors/* ActionError */.l(`the spec path ${JSON.stringify(specPath)} points outside the workspace`, advice);
    }
    let real;
    try {
        real = external_node_fs_.realpathSync.native(candidate);
    }
    catch (error) {
        if (code(error) === 'ENOENT' || code(error) === 'ENOTDIR') {
            throw new errors/* ActionError */.l(`spec file not found: ${relative} (tried ${candidate})`, 'Check the spec input, and run actions/checkout before this step.');
        }
        throw new errors/* ActionError */.l(`cannot resolve the spec path ${relative}: ${code(error) ?? String(error)}`, advice);
    }
    const realRoot = realRootOf(root);
    if (!isInside(realRoot, real)) {
        throw new errors/* ActionError */.l(`the spec path ${relative} is a link to a file outside the workspace`, advice);
    }
    try {
        return { relative, bytes: readRegularFile(real, relative, advice) };
    }
    catch (error) {
        if (error instanceof errors/* ActionError */.l)
            throw error;
        throw new errors/* ActionError */.l(`cannot read the spec file ${relative}: ${code(error) ?? String(error)}`, advice);
    }
}
function realRootOf(root) {
    try {
        return external_node_fs_.realpathSync.native(root);
    }
    catch {
        return root;
    }
}
function readRegularFile(real, relative, advice) {
    const info = (0,external_node_fs_.statSync)(real);
    if (info.isDirectory()) {
        throw new errors/* ActionError */.l(`the spec path ${relative} is a directory`, 'Point spec: at the YAML file itself.');
    }
    if (!info.isFile())
        throw new errors/* ActionError */.l(`the spec path ${relative} is not a regular file`, advice);
    const tooLarge = () => new errors/* ActionError */.l(`the spec file ${relative} is larger than 1 MiB`, 'A mesh spec is a few kilobytes; check the spec input.');
    if (info.size > MAX_SPEC_BYTES)
        throw tooLarge();
    // Read at most one byte more than allowed, in case the file grew after stat. Not zero-filled: only the
    // bytes read are returned, and the pages never written cost no memory.
    const fd = (0,external_node_fs_.openSync)(real, 'r');
    try {
        const buffer = Buffer.allocUnsafe(MAX_SPEC_BYTES + 1);
        let length = 0;
        for (;;) {
            const bytesRead = (0,external_node_fs_.readSync)(fd, buffer, length, buffer.length - length, length);
            if (bytesRead === 0)
                break;
            length += bytesRead;
            if (length > MAX_SPEC_BYTES)
                throw tooLarge();
        }
        return buffer.subarray(0, length);
    }
    finally {
        (0,external_node_fs_.closeSync)(fd);
    }
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./src/spec/fields.ts
/**
 * THE table: one entry per CreateServiceMesh parameter (API 2020-01-11, 78 parameters). The validator,
 * the request builder, diff labels, the JSON Schema and the README reference are all driven from it, so
 * adding a parameter is one entry here. Facts come from ../shared/reference (asm-api.md §1, §6).
 */
const SLB_SPECS = [
    'slb.s1.small',
    'slb.s2.small',
    'slb.s2.medium',
    'slb.s3.small',
    'slb.s3.medium',
    'slb.s3.large'
];
const bool = (path, api, description) => ({
    path,
    api,
    type: 'boolean',
    wire: 'boolean',
    position: 'body',
    description
});
const fields_text = (path, api, description, rules) => ({
    path,
    api,
    type: 'string',
    wire: 'text',
    position: 'body',
    description,
    ...(rules ? { rules } : {})
});
const quantity = (path, api, format, description) => ({
    path,
    api,
    type: 'quantity',
    wire: 'text',
    position: 'body',
    rules: { format },
    description
});
const FIELDS = [
    {
        ...fields_text('name', 'Name', 'Name of the mesh; with the region it identifies the mesh across runs.'),
        required: 'spec'
    },
    {
        ...fields_text('region', 'RegionId', 'Region of the mesh, e.g. cn-hangzhou.', { format: 'region' }),
        required: 'api'
    },
    {
        path: 'tags',
        api: 'Tag',
        type: 'tags',
        wire: 'tagQuery',
        position: 'query',
        rules: { maxItems: 20 },
        description: 'Tags of the mesh (key: value), sent in file order; at most 20.'
    },
    fields_text('edition', 'Edition', 'Mesh edition.', { enum: ['Default', 'Pro'] }),
    fields_text('clusterSpec', 'ClusterSpec', 'Instance specification.', {
        enum: ['standard', 'enterprise', 'ultimate']
    }),
    fields_text('istioVersion', 'IstioVersion', 'ASM (Istio) version, e.g. v1.22.6.71-g0b38b4b3-aliyun; see DescribeVersions.'),
    fields_text('clusterDomain', 'ClusterDomain', 'Kubernetes cluster domain, e.g. cluster.local.', {
        format: 'dnsName'
    }),
    fields_text('guestCluster', 'GuestCluster', 'ID of an ACK cluster to add on creation (same VPC, vSwitch and cluster domain).'),
    fields_text('playgroundScene', 'PlaygroundScene', 'Playground scenario to set up.', { enum: ['ewmaLb'] }),
    { ...fields_text('network.vpcId', 'VpcId', 'ID of the VPC of the mesh.', { format: 'vpcId' }), required: 'api' },
    {
        path: 'network.vSwitches',
        api: 'VSwitches',
        type: 'stringList',
        wire: 'jsonArray',
        position: 'body',
        rules: { format: 'vswId', minItems: 1, unique: true },
        required: 'api',
        orderInsensitive: true,
        description: 'IDs of the vSwitches of the mesh (sent as a JSON array string).'
    },
    bool('loadBalancer.apiServerPublicEip', 'ApiServerPublicEip', 'Expose the API server with a public EIP.'),
    fields_text('loadBalancer.apiServerSpec', 'ApiServerLoadBalancerSpec', 'SLB specification of the API server.', {
        enum: SLB_SPECS
    }),
    fields_text('loadBalancer.pilotSpec', 'PilotLoadBalancerSpec', 'SLB specification of Pilot.', { enum: SLB_SPECS }),
    fields_text('billing.chargeType', 'ChargeType', 'Billing method.', { enum: ['PayOnDemand', 'PrePay'] }),
    {
        path: 'billing.period',
        api: 'Period',
        type: 'integer',
        wire: 'decimal',
        position: 'body',
        rules: { min: 1, max: 36 },
        description: 'Subscription length in months (PrePay only).'
    },
    bool('billing.autoRenew', 'AutoRenew', 'Renew the subscription automatically (PrePay only).'),
    {
        path: 'billing.autoRenewPeriod',
        api: 'AutoRenewPeriod',
        type: 'integer',
        wire: 'decimal',
        position: 'body',
        rules: { enum: [1, 2, 3, 6] },
        description: 'Months per automatic renewal (PrePay with autoRenew only).'
    },
    bool('tracing.enabled', 'Tracing', 'Enable tracing.'),
    {
        path: 'tracing.sampling',
        api: 'TraceSampling',
        type: 'number',
        wire: 'decimal',
        position: 'body',
        rules: { min: 0, max: 100 },
        description: 'Trace sampling percentage, 0-100.'
    },
    bool('tracing.customizedZipkin', 'CustomizedZipkin', 'Use your own Zipkin.'),
    bool('prometheus.enabled', 'Telemetry', 'Enable Prometheus metrics collection.'),
    bool('prometheus.customized', 'CustomizedPrometheus', 'Use your own Prometheus (needs prometheus.url).'),
    fields_text('prometheus.url', 'PrometheusUrl', 'URL of your own Prometheus (only with prometheus.customized).', {
        format: 'url'
    }),
    bool('kiali.enabled', 'KialiEnabled', 'Enable Kiali (needs prometheus.enabled).'),
    bool('accessLog.enabled', 'AccessLogEnabled', 'Enable access logs.'),
    fields_text('accessLog.file', 'AccessLogFile', 'Access log file: "" (off) or /dev/stdout.', {
        enum: ['', '/dev/stdout']
    }),
    fields_text('accessLog.project', 'AccessLogProject', 'SLS project for access logs.'),
    {
        path: 'accessLog.format',
        api: 'AccessLogFormat',
        type: 'json',
        wire: 'compactJson',
        position: 'body',
        rules: { format: 'accessLogFormat' },
        description: 'Access log format: field name → Envoy format string; must hold the 23 keys the API requires.'
    },
    bool('accessLog.service.enabled', 'AccessLogServiceEnabled', 'Send access logs to a gRPC access log service.'),
    fields_text('accessLog.service.host', 'AccessLogServiceHost', 'Host of the access log service.', {
        format: 'host'
    }),
    {
        path: 'accessLog.service.port',
        api: 'AccessLogServicePort',
        type: 'integer',
        wire: 'decimal',
        position: 'body',
        rules: { min: 1, max: 65535 },
        description: 'Port of the access log service, 1-65535.'
    },
    bool('controlPlaneLog.enabled', 'ControlPlaneLogEnabled', 'Collect control-plane logs.'),
    fields_text('controlPlaneLog.project', 'ControlPlaneLogProject', 'SLS project for control-plane logs.'),
    bool('audit.enabled', 'EnableAudit', 'Enable mesh audit (needs SLS).'),
    fields_text('audit.project', 'AuditProject', 'SLS project for audit logs (default mesh-log-<meshId>).'),
    bool('opa.enabled', 'OpaEnabled', 'Enable the OPA plug-in.'),
    bool('opa.openAgentPolicy', 'OpenAgentPolicy', 'Install Open Policy Agent.'),
    fields_text('opa.logLevel', 'OPALogLevel', 'OPA log level.', { enum: ['debug', 'info', 'error'] }),
    quantity('opa.resources.requests.cpu', 'OPARequestCPU', 'cpu', 'CPU request of the OPA proxy, e.g. 1 or 500m.'),
    quantity('opa.resources.requests.memory', 'OPARequestMemory', 'memory', 'Memory request of the OPA proxy, e.g. 512Mi.'),
    quantity('opa.resources.limits.cpu', 'OPALimitCPU', 'cpu', 'CPU limit of the OPA proxy, e.g. 2.'),
    quantity('opa.resources.limits.memory', 'OPALimitMemory', 'memory', 'Memory limit of the OPA proxy, e.g. 1024Mi.'),
    quantity('proxy.resources.requests.cpu', 'ProxyRequestCPU', 'cpu', 'CPU request of the sidecar, e.g. 100m.'),
    quantity('proxy.resources.requests.memory', 'ProxyRequestMemory', 'memory', 'Memory request of the sidecar, e.g. 128Mi.'),
    quantity('proxy.resources.limits.cpu', 'ProxyLimitCPU', 'cpu', 'CPU limit of the sidecar, e.g. 2000m.'),
    quantity('proxy.resources.limits.memory', 'ProxyLimitMemory', 'memory', 'Memory limit of the sidecar, e.g. 1024Mi.'),
    {
        path: 'proxy.includeIPRanges',
        api: 'IncludeIPRanges',
        type: 'stringList',
        wire: 'commaList',
        position: 'body',
        rules: { format: 'cidrOrAny', unique: true },
        orderInsensitive: true,
        description: 'Outbound IP ranges the sidecar intercepts: CIDRs, or * for all.'
    },
    {
        path: 'proxy.excludeIPRanges',
        api: 'ExcludeIPRanges',
        type: 'stringList',
        wire: 'commaList',
        position: 'body',
        rules: { format: 'cidr', unique: true },
        orderInsensitive: true,
        description: 'Outbound IP ranges (CIDRs) the sidecar does not intercept.'
    },
    {
        path: 'proxy.excludeInboundPorts',
        api: 'ExcludeInboundPorts',
        type: 'portList',
        wire: 'commaList',
        position: 'body',
        rules: { min: 1, max: 65535, unique: true },
        orderInsensitive: true,
        description: 'Inbound ports the sidecar does not intercept.'
    },
    {
        path: 'proxy.excludeOutboundPorts',
        api: 'ExcludeOutboundPorts',
        type: 'portList',
        wire: 'commaList',
        position: 'body',
        rules: { min: 1, max: 65535, unique: true },
        orderInsensitive: true,
        description: 'Outbound ports the sidecar does not intercept.'
    },
    bool('localityLoadBalancing.enabled', 'LocalityLoadBalancing', 'Enable locality-aware load balancing.'),
    {
        path: 'localityLoadBalancing.config',
        api: 'LocalityLBConf',
        type: 'json',
        wire: 'compactJson',
        position: 'body',
        rules: { format: 'localityLbConfig' },
        description: 'Locality load balancing: failover [{from, to}] or distribute [{from, to: {locality: weight}}].'
    },
    bool('filters.redis', 'RedisFilterEnabled', 'Enable the Redis filter.'),
    bool('filters.mysql', 'MysqlFilterEnabled', 'Enable the MySQL filter.'),
    bool('filters.thrift', 'ThriftFilterEnabled', 'Enable the Thrift filter.'),
    bool('filters.webAssembly', 'WebAssemblyFilterEnabled', 'Enable WebAssembly filters.'),
    bool('filters.dubbo', 'DubboFilterEnabled', 'Enable the Dubbo filter.'),
    bool('dnsProxying', 'DNSProxyingEnabled', 'Enable DNS proxying in the sidecar.'),
    bool('mse', 'MSEEnabled', 'Integrate with Microservices Engine (MSE).'),
    bool('configSource.enabled', 'ConfigSourceEnabled', 'Use a Nacos instance as an extra config source.'),
    fields_text('configSource.nacosId', 'ConfigSourceNacosID', 'ID of the MSE Nacos instance, e.g. mse-cn-abc.'),
    bool('gatewayAPI', 'GatewayAPIEnabled', 'Enable the Kubernetes Gateway API.'),
    bool('filterGatewayClusterConfig', 'FilterGatewayClusterConfig', 'Push only the cluster config gateways need.'),
    bool('sdsServer', 'EnableSDSServer', 'Enable the SDS server.'),
    bool('crHistory', 'EnableCRHistory', 'Keep the history of Istio resources.'),
    bool('crAggregation', 'CRAggregationEnabled', 'Enable Kubernetes API aggregation of Istio resources.'),
    bool('multiBuffer.enabled', 'MultiBufferEnabled', 'Enable Multi-Buffer TLS acceleration.'),
    {
        path: 'multiBuffer.pollDelay',
        api: 'MultiBufferPollDelay',
        type: 'string',
        wire: 'text',
        position: 'body',
        rules: { format: 'duration' },
        description: 'Multi-Buffer poll delay, a duration such as 30s or 500ms.'
    },
    bool('ambient', 'EnableAmbient', 'Enable ambient mode.'),
    bool('acmg', 'EnableACMG', 'Enable ACMG.'),
    bool('certificateAuthority.useExisting', 'UseExistingCA', 'Use your own CA instead of a generated one.'),
    {
        path: 'certificateAuthority.cert',
        api: 'ExistingCaCert',
        type: 'certificate',
        wire: 'base64Pem',
        position: 'body',
        fingerprint: true,
        description: 'CA certificate, PEM or Base64 of the PEM (sent as Base64).'
    },
    {
        path: 'certificateAuthority.key',
        api: 'ExistingCaKey',
        type: 'privateKey',
        wire: 'base64Pem',
        position: 'body',
        secret: true,
        mustInterpolate: true,
        description: 'Private key of the CA certificate; must be ${NAME} from a secret.'
    },
    {
        path: 'certificateAuthority.rootCert',
        api: 'ExistingRootCaCert',
        type: 'certificate',
        wire: 'base64Pem',
        position: 'body',
        fingerprint: true,
        description: 'Root CA certificate, PEM or Base64 of the PEM.'
    },
    {
        path: 'certificateAuthority.rootKey',
        api: 'ExistingRootCaKey',
        type: 'privateKey',
        wire: 'base64Pem',
        position: 'body',
        secret: true,
        mustInterpolate: true,
        deprecated: 'the API deprecates ExistingRootCaKey; prefer cert, key and certChain',
        description: 'Private key of the root CA (deprecated by the API); must be ${NAME} from a secret.'
    },
    {
        path: 'certificateAuthority.certChain',
        api: 'CertChain',
        type: 'certificates',
        wire: 'base64Pem',
        position: 'body',
        rules: { minItems: 2 },
        fingerprint: true,
        description: 'Certificate chain from the CA to the root, at least two certificates.'
    },
    {
        ...fields_text('certificateAuthority.type', 'ExistingCaType', 'Type of the existing CA (deprecated by the API).', {
            enum: ['1', '2']
        }),
        deprecated: 'the API deprecates ExistingCaType; set cert, key and certChain instead'
    }
];
/** Spec keys that are not API parameters. */
const SPEC_KEYS = {
    version: 'Format version of this file; must be 1.',
    extraParameters: 'Raw CreateServiceMesh parameters this version does not know yet: name → scalar, sent as written.'
};
/** One-line descriptions of the sections (mappings that group fields), for the schema and docs. */
const SECTIONS = {
    network: 'Network of the mesh.',
    loadBalancer: 'Load balancers of the control plane.',
    billing: 'Billing of the mesh.',
    tracing: 'Distributed tracing.',
    prometheus: 'Metrics collection with Prometheus.',
    kiali: 'Kiali mesh topology.',
    accessLog: 'Data-plane access logs.',
    'accessLog.service': 'gRPC access log service (Envoy ALS).',
    controlPlaneLog: 'Control-plane logs.',
    audit: 'Mesh audit.',
    opa: 'Open Policy Agent plug-in.',
    'opa.resources': 'Resources of the OPA proxy.',
    'opa.resources.requests': 'Resource requests.',
    'opa.resources.limits': 'Resource limits.',
    proxy: 'Sidecar proxy.',
    'proxy.resources': 'Resources of the sidecar proxy.',
    'proxy.resources.requests': 'Resource requests.',
    'proxy.resources.limits': 'Resource limits.',
    localityLoadBalancing: 'Locality-aware load balancing.',
    filters: 'Protocol filters.',
    configSource: 'Extra config source (MSE Nacos).',
    multiBuffer: 'Multi-Buffer TLS acceleration.',
    certificateAuthority: 'Use your own certificate authority.'
};

;// CONCATENATED MODULE: ./src/spec/json-value.ts
function nodeToJson(node) {
    if (node.kind === 'scalar')
        return node.value;
    if (node.kind === 'seq')
        return node.items.map(nodeToJson);
    return new Map(node.entries.map(e => [e.key, nodeToJson(e.value)]));
}
/** Compact JSON; keys in insertion (file) order, or sorted for a canonical, comparable form. */
function compactJson(value, sortKeys = false) {
    if (Array.isArray(value))
        return `[${value.map(v => compactJson(v, sortKeys)).join(',')}]`;
    if (value instanceof Map) {
        const keys = [...value.keys()];
        if (sortKeys)
            keys.sort();
        return `{${keys.map(k => `${JSON.stringify(k)}:${compactJson(value.get(k), sortKeys)}`).join(',')}}`;
    }
    return JSON.stringify(value);
}

;// CONCATENATED MODULE: ./src/spec/pem.ts
/** Certificates and keys given as PEM or as Base64 of the PEM; checked with node:crypto. */

const PEM_START = '-----BEGIN ';
const CERTIFICATE_BLOCK = /-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g;
/** One PEM text for both ways of writing it, so PEM and Base64 inputs of the same file send the same bytes. */
const normalise = (pem) => `${pem.replace(/\r\n?/g, '\n').trim()}\n`;
/** PEM as written, or Base64 of a PEM (whitespace ignored) → the normalised PEM text. */
function decodePem(value) {
    const trimmed = value.trim();
    if (trimmed.startsWith(PEM_START))
        return { ok: true, value: normalise(trimmed) };
    const base64 = trimmed.replace(/\s+/g, '');
    const strict = /^[A-Za-z0-9+/]+={0,2}$/.test(base64) && base64.length % 4 === 0;
    const decoded = strict ? Buffer.from(base64, 'base64').toString('latin1') : '';
    if (!decoded.trimStart().startsWith(PEM_START) || /[^\t\n\r\x20-\x7e]/.test(decoded)) {
        return { ok: false, problem: 'neither PEM (-----BEGIN ...) nor Base64 of a PEM' };
    }
    return { ok: true, value: normalise(decoded) };
}
const toBase64 = (pem) => Buffer.from(pem, 'utf8').toString('base64');
function parseCertificates(pem) {
    const blocks = pem.match(CERTIFICATE_BLOCK) ?? [];
    if (blocks.length === 0)
        return { ok: false, problem: 'no -----BEGIN CERTIFICATE----- block' };
    const certificates = [];
    for (const [index, block] of blocks.entries()) {
        try {
            certificates.push(new external_node_crypto_.X509Certificate(block));
        }
        catch {
            return { ok: false, problem: `certificate ${index + 1} of ${blocks.length} cannot be parsed` };
        }
    }
    return { ok: true, value: certificates };
}
function parsePrivateKey(pem) {
    if (pem.includes('ENCRYPTED'))
        return { ok: false, problem: 'an encrypted private key (remove the passphrase)' };
    try {
        return { ok: true, value: (0,external_node_crypto_.createPrivateKey)({ key: pem, format: 'pem' }) };
    }
    catch {
        return { ok: false, problem: 'not a private key that can be parsed' };
    }
}

;// CONCATENATED MODULE: ./src/spec/request.ts
/**
 * CONTRACT (filled in by the spec engine): a valid spec → the exact CreateServiceMesh wire parameters.
 */




const fingerprint = (wire) => `sha256:${(0,external_node_crypto_.createHash)('sha256').update(wire).digest('hex')}`;
function wireText(field, checked) {
    switch (checked.kind) {
        case 'boolean':
        case 'number':
            return String(checked.value);
        case 'text':
            return checked.value;
        case 'list':
            return field.wire === 'jsonArray' ? JSON.stringify(checked.value) : checked.value.join(',');
        case 'ports':
            return checked.value.join(',');
        case 'json':
            return compactJson(checked.value);
        case 'pem':
            return toBase64(checked.value);
        case 'tags':
            throw new Error(`${field.path}: tags are query parameters, not one wire value`);
    }
}
function comparableText(field, checked, wire) {
    if (field.secret || field.fingerprint)
        return fingerprint(wire);
    if (field.orderInsensitive && checked.kind === 'list') {
        const sorted = [...checked.value].sort();
        return field.wire === 'jsonArray' ? JSON.stringify(sorted) : sorted.join(',');
    }
    if (field.orderInsensitive && checked.kind === 'ports')
        return [...checked.value].sort((a, b) => a - b).join(',');
    if (checked.kind === 'json')
        return compactJson(checked.value, true);
    return wire;
}
function textOf(values, path) {
    const checked = values.fields.get(path);
    if (checked?.kind !== 'text')
        throw new Error(`a valid spec always has ${path}`);
    return checked.value;
}
/** Only what the file sets is sent; nothing is defaulted here. */
function buildRequest(values) {
    const request = {
        name: textOf(values, 'name'),
        region: textOf(values, 'region'),
        query: {},
        body: {},
        parameters: []
    };
    for (const field of FIELDS) {
        const checked = values.fields.get(field.path);
        if (!checked)
            continue;
        if (checked.kind === 'tags') {
            checked.value.forEach(({ key, value }, index) => {
                request.query[`Tag.${index + 1}.Key`] = key;
                request.query[`Tag.${index + 1}.Value`] = value;
                request.parameters.push({
                    parameter: field.api,
                    path: `tags.${key}`,
                    wire: value,
                    comparable: value,
                    secret: false
                });
            });
            continue;
        }
        const wire = wireText(field, checked);
        request.body[field.api] = wire;
        request.parameters.push({
            parameter: field.api,
            path: field.path,
            wire,
            comparable: comparableText(field, checked, wire),
            secret: field.secret === true
        });
    }
    for (const { name, text } of values.extras) {
        request.body[name] = text;
        request.parameters.push({
            parameter: name,
            path: `extraParameters.${name}`,
            wire: text,
            comparable: text,
            secret: false
        });
    }
    return request;
}

;// CONCATENATED MODULE: ./src/spec/secrets.ts
/** Every form in which a secret or environment-sourced value may show up, for masking (contract §4.1). */

const ARMOR = /^-----(BEGIN|END) [A-Z0-9 ]+-----$/;
/**
 * Too short or too common to be a secret: masking `true` or `3` would blank out unrelated text, garble
 * annotations (`line=3`) and make the runner drop outputs such as `created=true`.
 */
const isTrivial = (value) => value.trim().length < 4 || /^(true|false|null)$/i.test(value.trim());
function secrets_forms(value) {
    const result = [value, value.trim()];
    const pem = decodePem(value);
    if (pem.ok)
        result.push(pem.value, pem.value.trim(), toBase64(pem.value));
    // The runner masks line by line, so a multi-line value is also masked one line at a time.
    for (const text of [value, pem.ok ? pem.value : '']) {
        for (const line of text.split(/\r?\n/)) {
            const trimmed = line.trim();
            if (!ARMOR.test(trimmed))
                result.push(trimmed);
        }
    }
    return result;
}
function secretsToMask(envValues, secretTexts) {
    const all = new Set();
    for (const value of secretTexts)
        for (const form of secrets_forms(value))
            all.add(form);
    for (const value of envValues)
        if (!isTrivial(value))
            for (const form of secrets_forms(value))
                all.add(form);
    return [...all].filter(form => !isTrivial(form));
}

// EXTERNAL MODULE: external "node:net"
var external_node_net_ = __webpack_require__(7030);
;// CONCATENATED MODULE: ./src/spec/formats.ts
/** Value formats of the table (`Rules.format` for strings and list items): check + expectation + schema pattern. */

/**
 * Regions with an ASM endpoint (asm-api.md §6.1, from the API metadata's products.json). A well-formed region
 * that is not listed is only a warning: Alibaba Cloud opens regions faster than this list is updated, and the
 * API itself is the authority on what it accepts.
 */
const KNOWN_REGIONS = [
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
];
/** Listed as "Closed" in the same metadata. */
const CLOSED_REGIONS = new Set(['ap-southeast-2', 'ap-south-1']);
const fromPattern = (pattern, expected) => {
    const regex = new RegExp(pattern);
    return {
        expected,
        pattern,
        check: value => (regex.test(value) ? undefined : { message: `not ${expected}` })
    };
};
const REGION_PATTERN = '^[a-z]{2,}(-[a-z0-9]+)+$';
const DNS_LABEL = '[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?';
const DNS_NAME = new RegExp(`^${DNS_LABEL}(\\.${DNS_LABEL})*\\.?$`);
const NUMBER_PART = '([0-9]+(\\.[0-9]+)?|\\.[0-9]+)';
const CPU_PATTERN = `^${NUMBER_PART}m?$`;
const MEMORY_PATTERN = `^${NUMBER_PART}([kMGTPE]|[KMGTPE]i|[eE][0-9]+)?$`;
const isDnsName = (value) => value.length <= 253 && DNS_NAME.test(value);
/** Every IPv6 address has a colon; node's IPv6 pattern is big enough that compiling it costs ms at start-up. */
const isIPv6Address = (value) => value.includes(':') && (0,external_node_net_.isIPv6)(value);
function checkCidr(value) {
    const slash = value.indexOf('/');
    const address = slash < 0 ? value : value.slice(0, slash);
    const prefix = slash < 0 ? '' : value.slice(slash + 1);
    const maxPrefix = (0,external_node_net_.isIPv4)(address) ? 32 : isIPv6Address(address) ? 128 : -1;
    if (maxPrefix < 0)
        return { message: `${JSON.stringify(address)} is not an IPv4 or IPv6 address` };
    if (!/^[0-9]{1,3}$/.test(prefix) || Number(prefix) > maxPrefix) {
        return { message: `the prefix length must be /0 to /${maxPrefix}` };
    }
    return undefined;
}
const FORMATS = {
    region: {
        expected: 'a region id such as cn-hangzhou',
        pattern: REGION_PATTERN,
        check(value) {
            if (!new RegExp(REGION_PATTERN).test(value))
                return { message: 'not a region id such as cn-hangzhou' };
            if (CLOSED_REGIONS.has(value))
                return { message: `region ${value} is listed as closed for ASM`, warning: true };
            if (!KNOWN_REGIONS.includes(value)) {
                return {
                    message: `region ${value} is not one this action knows to offer ASM; the API may reject it`,
                    warning: true
                };
            }
            return undefined;
        }
    },
    vpcId: fromPattern('^vpc-[a-z0-9]+$', 'a VPC id: vpc- followed by lowercase letters and digits'),
    vswId: fromPattern('^vsw-[a-z0-9]+$', 'a vSwitch id: vsw- followed by lowercase letters and digits'),
    cidr: { expected: 'a CIDR such as 10.0.0.0/8 or fd00::/8', check: checkCidr },
    cidrOrAny: {
        expected: 'a CIDR such as 10.0.0.0/8, or * for all',
        check: (value) => (value === '*' ? undefined : checkCidr(value))
    },
    url: {
        expected: 'an http:// or https:// URL',
        check(value) {
            if (!URL.canParse(value) || /\s/.test(value))
                return { message: 'not a URL' };
            const url = new URL(value);
            if (url.protocol !== 'http:' && url.protocol !== 'https:')
                return { message: 'the URL must use http or https' };
            return url.hostname ? undefined : { message: 'the URL has no host' };
        }
    },
    host: {
        expected: 'a host name or IP address',
        check: (value) => (0,external_node_net_.isIPv4)(value) || isIPv6Address(value) || isDnsName(value)
            ? undefined
            : { message: 'not a host name or IP address' }
    },
    dnsName: {
        expected: 'a DNS domain such as cluster.local',
        check: (value) => (isDnsName(value) ? undefined : { message: 'not a DNS domain' })
    },
    cpu: fromPattern(CPU_PATTERN, 'a Kubernetes CPU quantity such as 1, 0.5 or 500m'),
    memory: fromPattern(MEMORY_PATTERN, 'a Kubernetes memory quantity such as 128Mi, 1Gi or 512M'),
    duration: fromPattern('^(0|([0-9]+(\\.[0-9]+)?(ns|us|µs|ms|s|m|h))+)$', 'a duration such as 30s, 1m or 500ms')
};
const isStringFormat = (format) => format !== undefined && format in FORMATS;
const QUANTITY_SUFFIX = {
    '': 1,
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
};
/** The amount a valid CPU or memory quantity stands for (cores or bytes), to compare requests with limits. */
function quantityAmount(text) {
    const match = /^([0-9.]+)(.*)$/.exec(text);
    if (!match)
        return Number.NaN;
    const [, number, suffix] = match;
    const exponent = /^[eE]([0-9]+)$/.exec(suffix);
    const scale = exponent ? 10 ** Number(exponent[1]) : QUANTITY_SUFFIX[suffix];
    return scale === undefined ? Number.NaN : Number(number) * scale;
}

;// CONCATENATED MODULE: ./src/spec/rules.ts
/** Cross-field rules (contract §4 "requires"/"only" notes and §4.2), next to the field table they refer to. */
const PREPAY = { path: 'billing.chargeType', equals: 'PrePay' };
const resources = (component) => ['cpu', 'memory'].map(kind => ({
    kind: 'notAbove',
    path: `${component}.resources.requests.${kind}`,
    limit: `${component}.resources.limits.${kind}`
}));
const CROSS_RULES = [
    { kind: 'only', path: 'billing.period', when: [PREPAY] },
    { kind: 'only', path: 'billing.autoRenew', when: [PREPAY] },
    {
        kind: 'only',
        path: 'billing.autoRenewPeriod',
        when: [PREPAY, { path: 'billing.autoRenew', equals: true }]
    },
    { kind: 'needs', path: 'billing.period', when: [PREPAY] },
    { kind: 'only', path: 'prometheus.url', when: [{ path: 'prometheus.customized', equals: true }] },
    { kind: 'needs', path: 'prometheus.url', when: [{ path: 'prometheus.customized', equals: true }] },
    { kind: 'only', path: 'kiali.enabled', value: true, when: [{ path: 'prometheus.enabled', equals: true }] },
    {
        kind: 'needs',
        path: 'accessLog.service.host',
        when: [{ path: 'accessLog.service.enabled', equals: true }]
    },
    {
        kind: 'needs',
        path: 'accessLog.service.port',
        when: [{ path: 'accessLog.service.enabled', equals: true }]
    },
    {
        kind: 'only',
        path: 'localityLoadBalancing.config',
        when: [{ path: 'localityLoadBalancing.enabled', equals: true }]
    },
    { kind: 'needs', path: 'configSource.nacosId', when: [{ path: 'configSource.enabled', equals: true }] },
    ...resources('opa'),
    ...resources('proxy'),
    // ExistingCaType "1" is istio-ca-secret (cert + key), "2" is cacerts (root cert + root key): asm-api.md §6.7.
    {
        kind: 'needs',
        path: 'certificateAuthority.cert',
        when: [{ path: 'certificateAuthority.type', equals: '1' }]
    },
    {
        kind: 'needs',
        path: 'certificateAuthority.key',
        when: [{ path: 'certificateAuthority.type', equals: '1' }]
    },
    {
        kind: 'needs',
        path: 'certificateAuthority.rootCert',
        when: [{ path: 'certificateAuthority.type', equals: '2' }]
    },
    {
        kind: 'needs',
        path: 'certificateAuthority.rootKey',
        when: [{ path: 'certificateAuthority.type', equals: '2' }]
    },
    { kind: 'needs', path: 'certificateAuthority.cert', when: [{ path: 'certificateAuthority.key' }] },
    { kind: 'needs', path: 'certificateAuthority.rootCert', when: [{ path: 'certificateAuthority.rootKey' }] },
    { kind: 'keyMatchesCert', path: 'certificateAuthority.key', cert: 'certificateAuthority.cert' },
    { kind: 'keyMatchesCert', path: 'certificateAuthority.rootKey', cert: 'certificateAuthority.rootCert' }
];

;// CONCATENATED MODULE: ./src/spec/suggest.ts
/** "Did you mean" for unknown keys: the closest candidate by edit distance, ignoring case. */
function editDistance(a, b) {
    let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
        const current = [i];
        for (let j = 1; j <= b.length; j++) {
            const substitution = previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1);
            current.push(Math.min(previous[j] + 1, current[j - 1] + 1, substitution));
        }
        previous = current;
    }
    return previous[b.length];
}
/** The candidate closest to `word`, if it is close enough to be a typo (about one edit per three letters). */
function closest(word, candidates) {
    // Long junk keys cannot be typos of a spec key; skip them to keep hostile input cheap.
    if (word.length > 64)
        return undefined;
    const lower = word.toLowerCase();
    const allowed = Math.max(1, Math.floor(word.length / 3));
    let best;
    let bestDistance = allowed + 1;
    for (const candidate of candidates) {
        if (Math.abs(candidate.length - lower.length) >= bestDistance)
            continue;
        const distance = editDistance(lower, candidate.toLowerCase());
        if (distance < bestDistance) {
            best = candidate;
            bestDistance = distance;
        }
    }
    return best;
}

;// CONCATENATED MODULE: ./src/spec/tree.ts
/** The parsed spec: YAML nodes reduced to what validation needs, each with its 1-based position. */
/** A short, safe description of a node for `found`: never a value that came from the environment. */
function describeNode(node) {
    if (node.kind === 'map')
        return 'a mapping';
    if (node.kind === 'seq')
        return 'a list';
    if (node.env)
        return `the value of ${node.env.names.map(n => '${' + n + '}').join(', ')}`;
    const { value } = node;
    if (value === null)
        return 'an empty value (null)';
    if (typeof value === 'boolean')
        return `the boolean ${value}`;
    if (typeof value === 'number')
        return `the number ${node.source}`;
    const shown = value.length > 60 ? `${value.slice(0, 57)}...` : value;
    return `the string ${JSON.stringify(shown)}`;
}

;// CONCATENATED MODULE: ./src/spec/structured.ts


/** Keys the API requires in AccessLogFormat. */
const ACCESS_LOG_KEYS = [
    'authority_for',
    'bytes_received',
    'bytes_sent',
    'downstream_local_address',
    'downstream_remote_address',
    'duration',
    'istio_policy_status',
    'method',
    'path',
    'protocol',
    'requested_server_name',
    'response_code',
    'response_flags',
    'route_name',
    'start_time',
    'trace_id',
    'upstream_cluster',
    'upstream_host',
    'upstream_local_address',
    'upstream_service_time',
    'upstream_transport_failure_reason',
    'user_agent',
    'x_forwarded_for'
];
const isNonEmptyString = (node) => node.kind === 'scalar' && typeof node.value === 'string' && node.value !== '';
function checkAccessLogFormat(map, path, problems) {
    for (const entry of map.entries) {
        if (!isNonEmptyString(entry.value)) {
            problems.error(entry.value.pos, `${path}.${entry.key}`, `${path}.${entry.key} must be an Envoy format string`, {
                expected: 'a non-empty string such as "%REQ(:AUTHORITY)%"',
                found: describeNode(entry.value)
            });
        }
    }
    const missing = ACCESS_LOG_KEYS.filter(key => !map.entries.some(e => e.key === key));
    if (missing.length > 0) {
        problems.error(map.pos, path, `${path} lacks ${missing.length} of the keys the API requires`, {
            expected: `also: ${missing.join(', ')}`,
            found: `${map.entries.length} keys`
        });
    }
}
/** Checks the keys of a mapping; returns false when it is not one. */
function checkKeys(node, path, known, problems) {
    if (node.kind !== 'map') {
        problems.error(node.pos, path, `${path} must be a mapping`, {
            expected: `a mapping with ${known.join(', ')}`,
            found: describeNode(node)
        });
        return false;
    }
    for (const entry of node.entries) {
        if (known.includes(entry.key))
            continue;
        const suggestion = closest(entry.key, known);
        const hint = suggestion ? ` (did you mean ${suggestion}?)` : '';
        problems.error(entry.keyPos, `${path}.${entry.key}`, `unknown key ${JSON.stringify(entry.key)} in ${path}${hint}`, {
            expected: suggestion ? `a known key such as ${suggestion}` : `one of: ${known.join(', ')}`,
            found: JSON.stringify(entry.key)
        });
    }
    return true;
}
function checkLocality(map, key, path, problems) {
    const entry = map.entries.find(e => e.key === key);
    if (!entry) {
        problems.error(map.pos, path, `${path} needs ${key}`, {
            expected: `${key}: a locality such as cn-hangzhou`
        });
    }
    else if (!isNonEmptyString(entry.value)) {
        problems.error(entry.value.pos, `${path}.${key}`, `${path}.${key} must be a locality`, {
            expected: 'a region, or region/zone/subzone, such as cn-hangzhou',
            found: describeNode(entry.value)
        });
    }
}
function eachRule(node, path, problems, check) {
    if (node.kind !== 'seq' || node.items.length === 0) {
        problems.error(node.pos, path, `${path} must be a non-empty list`, {
            expected: 'a list of {from, to} entries',
            found: describeNode(node)
        });
        return;
    }
    node.items.forEach((item, i) => {
        const at = `${path}[${i}]`;
        if (checkKeys(item, at, ['from', 'to'], problems))
            check(item, at);
    });
}
/** Istio's LocalityLoadBalancerSetting: failover or distribute (not both); distribute weights sum to 100. */
function checkLocalityConfig(map, path, problems) {
    checkKeys(map, path, ['failover', 'distribute'], problems);
    const failover = map.entries.find(e => e.key === 'failover');
    const distribute = map.entries.find(e => e.key === 'distribute');
    if (!failover && !distribute) {
        problems.error(map.pos, path, `${path} sets neither failover nor distribute`, {
            expected: 'failover: [{from, to}] or distribute: [{from, to: {locality: weight}}]'
        });
    }
    if (failover && distribute) {
        problems.error(distribute.keyPos, `${path}.distribute`, `${path} may set failover or distribute, not both`);
    }
    if (failover) {
        eachRule(failover.value, `${path}.failover`, problems, (rule, at) => {
            checkLocality(rule, 'from', at, problems);
            checkLocality(rule, 'to', at, problems);
        });
    }
    if (distribute) {
        eachRule(distribute.value, `${path}.distribute`, problems, (rule, at) => {
            checkLocality(rule, 'from', at, problems);
            const to = rule.entries.find(e => e.key === 'to');
            if (!to)
                problems.error(rule.pos, at, `${at} needs to`, { expected: 'to: {locality: weight, ...}' });
            else
                checkWeights(to.value, `${at}.to`, problems);
        });
    }
}
function checkWeights(node, path, problems) {
    if (node.kind !== 'map' || node.entries.length === 0) {
        problems.error(node.pos, path, `${path} must map localities to weights`, {
            expected: 'a mapping such as {cn-hangzhou: 80, cn-shanghai: 20}',
            found: describeNode(node)
        });
        return;
    }
    let total = 0;
    for (const entry of node.entries) {
        const { value } = entry;
        if (value.kind !== 'scalar' ||
            typeof value.value !== 'number' ||
            !Number.isInteger(value.value) ||
            value.value < 0) {
            problems.error(value.pos, `${path}.${entry.key}`, `${path}.${entry.key} must be a whole-number weight`, {
                expected: 'an integer from 0 to 100',
                found: describeNode(value)
            });
            return;
        }
        total += value.value;
    }
    if (total !== 100) {
        problems.error(node.pos, path, `the weights in ${path} add up to ${total}`, {
            expected: 'weights adding up to 100'
        });
    }
}

;// CONCATENATED MODULE: ./src/spec/validate.ts









function buildKeyTree() {
    const root = new Map(Object.keys(SPEC_KEYS).map(key => [key, key]));
    for (const field of FIELDS) {
        const segments = field.path.split('.');
        let tree = root;
        for (const segment of segments.slice(0, -1)) {
            const next = tree.get(segment);
            if (next instanceof Map)
                tree = next;
            else
                tree.set(segment, (tree = new Map()));
        }
        tree.set(segments[segments.length - 1], field);
    }
    return root;
}
const KEY_TREE = buildKeyTree();
const API_NAMES = new Map(FIELDS.map(f => [f.api.toLowerCase(), f]));
/** Names the RPC protocol itself uses: an extra parameter with one of them would confuse the request. */
const RESERVED_NAMES = new Set(['Action', 'Version', 'Format', 'AccessKeyId', 'SecurityToken', 'Signature', 'SignatureMethod']
    .concat(['SignatureVersion', 'SignatureNonce', 'SignatureType', 'Timestamp'])
    .map(n => n.toLowerCase()));
const CORE_BOOLEAN = /^(true|True|TRUE|false|False|FALSE)$/;
const CORE_INTEGER = /^[-+]?([0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$/;
const DECIMAL = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\x00-\x1f\x7f]/;
const EXTRA_NAME = /^[A-Za-z][A-Za-z0-9]*$/;
const TYPE_EXPECTED = {
    string: 'a string',
    boolean: 'a boolean: true or false',
    integer: 'an integer',
    number: 'a number',
    quantity: 'a quantity (a string such as "500m", or a number)',
    stringList: 'a list of strings',
    portList: 'a list of port numbers',
    tags: 'a mapping of tag keys to string values',
    json: 'a mapping',
    certificate: 'a PEM certificate, or Base64 of it',
    certificates: 'PEM certificates, or Base64 of them',
    privateKey: 'a PEM private key, or Base64 of it'
};
function validateSpec(root, problems) {
    return new Validator(problems).run(root);
}
class Validator {
    problems;
    present = new Map();
    certificates = new Map();
    keys = new Map();
    extras = [];
    secretTexts = [];
    version;
    constructor(problems) {
        this.problems = problems;
    }
    run(root) {
        this.walk(root, KEY_TREE, '');
        this.checkRequired();
        for (const rule of CROSS_RULES)
            this.crossRule(rule);
        const fields = new Map();
        for (const [path, { checked }] of this.present)
            if (checked)
                fields.set(path, checked);
        return { values: { fields, extras: this.extras }, secretTexts: this.secretTexts };
    }
    walk(map, tree, prefix) {
        for (const entry of map.entries) {
            const path = prefix ? `${prefix}.${entry.key}` : entry.key;
            const target = tree.get(entry.key);
            if (target === undefined)
                this.unknownKey(entry, prefix, tree);
            else if (target === 'version')
                this.version = entry;
            else if (target === 'extraParameters')
                this.checkExtras(entry);
            else if (!(target instanceof Map))
                this.checkField(target, entry);
            else if (entry.value.kind === 'map')
                this.walk(entry.value, target, path);
            else {
                this.problems.error(entry.value.pos, path, `${path} must be a mapping`, {
                    expected: `a mapping with keys such as ${[...target.keys()].slice(0, 4).join(', ')}`,
                    found: describeNode(entry.value)
                });
            }
        }
    }
    unknownKey(entry, parent, tree) {
        const path = parent ? `${parent}.${entry.key}` : entry.key;
        if (this.problems.isFull)
            return this.problems.error(entry.keyPos, path, 'unknown key');
        const sibling = closest(entry.key, tree.keys());
        const lower = entry.key.toLowerCase();
        // The API name, or the one field elsewhere with this last segment (`sampling` → tracing.sampling).
        const sameName = FIELDS.filter(f => f.path.split('.').pop()?.toLowerCase() === lower);
        const elsewhere = API_NAMES.get(lower)?.path ?? (sameName.length === 1 ? sameName[0].path : undefined);
        const suggestion = sibling ? (parent ? `${parent}.${sibling}` : sibling) : elsewhere;
        const where = parent ? ` in ${parent}` : '';
        const hint = suggestion ? ` (did you mean ${suggestion}?)` : '';
        this.problems.error(entry.keyPos, path, `unknown key ${JSON.stringify(entry.key)}${where}${hint}`, {
            expected: suggestion ? `a known key such as ${suggestion}` : `one of: ${[...tree.keys()].join(', ')}`,
            found: JSON.stringify(entry.key)
        });
    }
    checkField(field, entry) {
        const present = { entry };
        this.present.set(field.path, present);
        const node = entry.value;
        if (field.deprecated) {
            this.problems.warning(entry.keyPos, field.path, `${field.path} (${field.api}) is deprecated: ${field.deprecated}`);
        }
        if (field.secret && node.kind === 'scalar' && typeof node.value === 'string')
            this.secretTexts.push(node.value);
        if (hasReportedPart(node))
            return;
        if (field.mustInterpolate && !(node.kind === 'scalar' && node.env?.whole)) {
            this.problems.error(node.pos, field.path, `${field.path} must come from a secret, not from the file`, {
                expected: "${NAME}, with NAME mapped from a secret in the step's env: (e.g. ASM_CA_KEY: ${{ secrets.ASM_CA_KEY }})",
                found: node.kind === 'scalar' ? 'a value written in the file' : describeNode(node)
            });
            return;
        }
        present.checked = this.check(field, node);
    }
    fail(node, path, message, expected) {
        this.problems.error(node.pos, path, message, { expected, found: describeNode(node) });
        return undefined;
    }
    check(field, node) {
        const { path, rules = {} } = field;
        const wrongType = () => {
            const hint = field.type === 'boolean' &&
                node.kind === 'scalar' &&
                typeof node.value === 'string' &&
                /^(y|yes|n|no|on|off)$/i.test(node.value);
            const extra = hint ? ' (YAML 1.2: yes, no, on and off are strings)' : '';
            return this.fail(node, path, `${path} must be ${TYPE_EXPECTED[field.type]}${extra}`, TYPE_EXPECTED[field.type]);
        };
        switch (field.type) {
            case 'boolean': {
                const value = asBoolean(node);
                return value === undefined ? wrongType() : { kind: 'boolean', value };
            }
            case 'integer':
            case 'number': {
                const value = field.type === 'integer' ? asInteger(node) : asNumber(node);
                if (value === undefined)
                    return wrongType();
                return this.inRange(node, path, value, rules) ? { kind: 'number', value } : undefined;
            }
            case 'string':
            case 'quantity': {
                const value = asText(node, field.type === 'quantity');
                if (value === undefined)
                    return wrongType();
                return this.checkText(node, path, value, rules) ? { kind: 'text', value } : undefined;
            }
            case 'stringList': {
                const value = this.checkList(node, path, rules, item => {
                    const text = asText(item.node, false);
                    if (text === undefined)
                        return this.fail(item.node, item.path, `${item.path} must be a string`, 'a string');
                    return this.checkText(item.node, item.path, text, rules) ? text : undefined;
                });
                return value && { kind: 'list', value };
            }
            case 'portList': {
                const value = this.checkList(node, path, rules, item => {
                    const port = asInteger(item.node);
                    if (port === undefined)
                        return this.fail(item.node, item.path, `${item.path} must be a port number`, 'an integer');
                    return this.inRange(item.node, item.path, port, rules) ? port : undefined;
                });
                return value && { kind: 'ports', value };
            }
            case 'tags':
                return node.kind === 'map' ? this.checkTags(node, path, rules) : wrongType();
            case 'json':
                if (node.kind !== 'map')
                    return wrongType();
                if (rules.format === 'accessLogFormat')
                    checkAccessLogFormat(node, path, this.problems);
                if (rules.format === 'localityLbConfig')
                    checkLocalityConfig(node, path, this.problems);
                return { kind: 'json', value: nodeToJson(node) };
            case 'certificate':
            case 'certificates':
            case 'privateKey':
                return this.checkPem(field, node);
        }
    }
    inRange(node, path, value, rules) {
        if (rules.enum && !rules.enum.includes(value)) {
            return !!this.fail(node, path, `${path} must be one of ${rules.enum.join(', ')}`, `one of ${rules.enum.join(', ')}`);
        }
        const low = rules.min ?? -Infinity;
        const high = rules.max ?? Infinity;
        if (value < low || value > high) {
            return !!this.fail(node, path, `${path} is out of range`, `from ${low} to ${high}`);
        }
        return true;
    }
    checkText(node, path, value, rules) {
        if (rules.enum) {
            const ok = rules.enum.includes(value);
            const choices = rules.enum.map(v => JSON.stringify(v)).join(', ');
            return ok || !!this.fail(node, path, `${path} must be one of ${choices}`, `one of ${choices}`);
        }
        if (value === '')
            return !!this.fail(node, path, `${path} must not be empty`, 'a non-empty string');
        if (CONTROL.test(value)) {
            return !!this.fail(node, path, `${path} contains a control character or line break`, 'a single line of text');
        }
        const format = isStringFormat(rules.format) ? FORMATS[rules.format] : undefined;
        const problem = format?.check(value);
        if (!format || !problem)
            return true;
        const detail = { expected: format.expected, found: describeNode(node) };
        if (problem.warning) {
            this.problems.warning(node.pos, path, `${path}: ${problem.message}`, detail);
            return true;
        }
        this.problems.error(node.pos, path, `${path}: ${problem.message}`, detail);
        return false;
    }
    checkList(node, path, rules, checkItem) {
        if (node.kind !== 'seq')
            return this.fail(node, path, `${path} must be a list`, 'a YAML list such as [a, b]');
        const minItems = rules.minItems ?? 0;
        if (node.items.length < minItems) {
            return this.fail(node, path, `${path} needs at least ${minItems} item(s)`, `at least ${minItems} item(s)`);
        }
        const values = [];
        const seen = new Set();
        let ok = true;
        node.items.forEach((itemNode, i) => {
            const itemPath = `${path}[${i}]`;
            const value = checkItem({ node: itemNode, path: itemPath });
            if (value === undefined)
                ok = false;
            else if (rules.unique && seen.has(value)) {
                ok = false;
                this.fail(itemNode, itemPath, `${itemPath} repeats ${JSON.stringify(value)}`, 'each item once');
            }
            else {
                seen.add(value);
                values.push(value);
            }
        });
        return ok ? values : undefined;
    }
    /** Alibaba Cloud's tag rules (as for TagResources): key 1-128 characters, not starting with aliyun or acs:. */
    checkTags(map, path, rules) {
        const max = rules.maxItems ?? Infinity;
        let ok = true;
        if (map.entries.length > max) {
            ok = false;
            this.problems.error(map.pos, path, `${path} has ${map.entries.length} tags`, {
                expected: `at most ${max} tags`
            });
        }
        const tags = [];
        for (const entry of map.entries) {
            const tagPath = `${path}.${entry.key}`;
            const keyProblem = entry.key.length === 0 || entry.key.length > 128
                ? 'must have 1 to 128 characters'
                : /^(aliyun|acs:)/i.test(entry.key)
                    ? 'must not start with aliyun or acs: (reserved by Alibaba Cloud)'
                    : CONTROL.test(entry.key)
                        ? 'must not contain control characters'
                        : undefined;
            if (keyProblem) {
                ok = false;
                this.problems.error(entry.keyPos, tagPath, `tag key ${JSON.stringify(entry.key)} ${keyProblem}`, {
                    expected: 'a key of 1-128 characters, not starting with aliyun or acs:',
                    found: JSON.stringify(entry.key)
                });
            }
            const value = asText(entry.value, false);
            if (value === undefined || value.length > 128 || CONTROL.test(value)) {
                ok = false;
                this.fail(entry.value, tagPath, `tag ${JSON.stringify(entry.key)} needs a string value`, 'a string of at most 128 characters (quote numbers)');
            }
            else
                tags.push({ key: entry.key, value });
        }
        return ok ? { kind: 'tags', value: tags } : undefined;
    }
    checkPem(field, node) {
        const { path } = field;
        const text = asText(node, false);
        if (text === undefined)
            return this.fail(node, path, `${path} must be ${TYPE_EXPECTED[field.type]}`, TYPE_EXPECTED[field.type]);
        const decoded = decodePem(text);
        if (!decoded.ok)
            return this.fail(node, path, `${path} is ${decoded.problem}`, TYPE_EXPECTED[field.type]);
        if (field.type === 'privateKey') {
            const key = parsePrivateKey(decoded.value);
            if (!key.ok)
                return this.fail(node, path, `${path} is ${key.problem}`, TYPE_EXPECTED[field.type]);
            this.keys.set(path, key.value);
            return { kind: 'pem', value: decoded.value };
        }
        const certificates = parseCertificates(decoded.value);
        if (!certificates.ok)
            return this.fail(node, path, `${path}: ${certificates.problem}`, TYPE_EXPECTED[field.type]);
        const count = certificates.value.length;
        const [min, max] = field.type === 'certificate' ? [1, 1] : [field.rules?.minItems ?? 1, Infinity];
        if (count < min || count > max) {
            const expected = max === 1 ? 'exactly one certificate' : `at least ${min} certificates`;
            return this.fail(node, path, `${path} holds ${count} certificate(s)`, expected);
        }
        const chain = certificates.value;
        const unordered = chain.findIndex((cert, i) => i + 1 < chain.length && !cert.checkIssued(chain[i + 1]));
        if (unordered >= 0) {
            this.problems.warning(node.pos, path, `${path}: certificate ${unordered + 1} is not issued by the next one`, {
                expected: 'the chain in order: the CA certificate first, the root last'
            });
        }
        this.certificates.set(path, chain);
        return { kind: 'pem', value: decoded.value };
    }
    checkExtras(entry) {
        const { value: node } = entry;
        if (node.kind !== 'map') {
            this.fail(node, 'extraParameters', 'extraParameters must be a mapping', 'a mapping of API parameter name to value');
            return;
        }
        for (const extra of node.entries) {
            const path = `extraParameters.${extra.key}`;
            const mapped = API_NAMES.get(extra.key.toLowerCase());
            const problem = !EXTRA_NAME.test(extra.key)
                ? {
                    message: `${JSON.stringify(extra.key)} is not an API parameter name`,
                    expected: 'a name such as SomeFutureFlag'
                }
                : mapped
                    ? { message: `${extra.key} is mapped by the spec`, expected: `set it as ${mapped.path}` }
                    : RESERVED_NAMES.has(extra.key.toLowerCase())
                        ? {
                            message: `${extra.key} is reserved by the API protocol`,
                            expected: 'a CreateServiceMesh parameter name'
                        }
                        : undefined;
            if (problem) {
                this.problems.error(extra.keyPos, path, problem.message, { expected: problem.expected });
                continue;
            }
            const scalar = extra.value;
            if (hasReportedPart(scalar))
                continue;
            if (scalar.kind !== 'scalar' || scalar.value === null) {
                this.fail(scalar, path, `${path} must be a single value`, 'a string, number or boolean');
            }
            else
                this.extras.push({ name: extra.key, text: scalarText(scalar) });
        }
    }
    checkRequired() {
        if (!this.version) {
            this.problems.error(START, 'version', 'version is required', { expected: 'version: 1' });
        }
        else if (asInteger(this.version.value) !== 1) {
            this.fail(this.version.value, 'version', 'version must be 1', '1 (the only format version)');
        }
        for (const field of FIELDS) {
            if (!field.required || this.present.has(field.path))
                continue;
            const why = field.required === 'spec' ? 'it identifies the mesh' : `the API requires ${field.api}`;
            this.problems.error(this.nearestPosition(field.path), field.path, `${field.path} is required (${why})`, {
                expected: `${field.path} set`,
                found: 'not set'
            });
        }
    }
    /** Where to report a missing field: its closest present section, else the start of the file. */
    nearestPosition(path) {
        const sections = path.split('.').slice(0, -1);
        for (let n = sections.length; n > 0; n--) {
            const prefix = `${sections.slice(0, n).join('.')}.`;
            const sibling = [...this.present.entries()].find(([p]) => p.startsWith(prefix));
            if (sibling)
                return sibling[1].entry.keyPos;
        }
        return START;
    }
    /** true / false, or undefined when a condition's field is set but invalid (already reported). */
    holds(conditions) {
        let result = true;
        for (const { path, equals } of conditions) {
            const present = this.present.get(path);
            if (!present)
                return false;
            if (equals === undefined)
                continue;
            if (!present.checked)
                result = undefined;
            else if (present.checked.value !== equals)
                return false;
        }
        return result;
    }
    describeConditions(conditions) {
        const expected = conditions.map(c => c.equals === undefined ? `${c.path} set` : `${c.path}: ${c.equals}`);
        const found = conditions.map(c => {
            const checked = this.present.get(c.path)?.checked;
            if (!checked)
                return this.present.has(c.path) ? `${c.path} invalid` : `${c.path} not set`;
            return typeof checked.value === 'object' ? `${c.path} set` : `${c.path}: ${checked.value}`;
        });
        return { expected: expected.join(' and '), found: found.join(', ') };
    }
    crossRule(rule) {
        const subject = this.present.get(rule.path);
        switch (rule.kind) {
            case 'only': {
                if (!subject || (rule.value !== undefined && subject.checked?.value !== rule.value))
                    return;
                if (this.holds(rule.when) !== false)
                    return;
                const shown = rule.value === undefined ? rule.path : `${rule.path}: ${rule.value}`;
                const { expected, found } = this.describeConditions(rule.when);
                this.problems.error(subject.entry.keyPos, rule.path, `${shown} is only allowed with ${expected}`, {
                    expected,
                    found
                });
                return;
            }
            case 'needs': {
                if (subject || this.holds(rule.when) !== true)
                    return;
                const last = this.present.get(rule.when[rule.when.length - 1].path);
                const { expected } = this.describeConditions(rule.when);
                this.problems.error(last.entry.keyPos, rule.path, `${rule.path} is required with ${expected}`, {
                    expected: `${rule.path} set`,
                    found: 'not set'
                });
                return;
            }
            case 'notAbove': {
                const limit = this.present.get(rule.limit);
                if (subject?.checked?.kind !== 'text' || limit?.checked?.kind !== 'text')
                    return;
                if (quantityAmount(subject.checked.value) <= quantityAmount(limit.checked.value))
                    return;
                this.problems.error(subject.entry.value.pos, rule.path, `${rule.path} is above ${rule.limit}`, {
                    expected: `at most ${limit.checked.value}`,
                    found: subject.checked.value
                });
                return;
            }
            case 'keyMatchesCert': {
                const key = this.keys.get(rule.path);
                const certificate = this.certificates.get(rule.cert)?.[0];
                if (!key || !certificate || certificate.checkPrivateKey(key))
                    return;
                this.problems.error(subject.entry.value.pos, rule.path, `${rule.path} does not match ${rule.cert}`, {
                    expected: `the private key of the certificate in ${rule.cert}`,
                    found: 'a different key'
                });
            }
        }
    }
}
/** A value refused while parsing, or a `${NAME}` that could not be resolved, is already reported. */
const hasReportedPart = (node) => node.kind === 'scalar'
    ? node.invalid === true || node.env?.failed === true
    : node.kind === 'seq'
        ? node.items.some(hasReportedPart)
        : node.entries.some(e => hasReportedPart(e.value));
/** The scalar's text: a string as is, a number as written, a boolean as true/false. */
const scalarText = (node) => typeof node.value === 'number' ? node.source : String(node.value);
/** Strings, and for quantities also plain numbers (`cpu: 1`). */
function asText(node, numbersToo) {
    if (node.kind !== 'scalar')
        return undefined;
    if (typeof node.value === 'string')
        return node.value;
    return numbersToo && typeof node.value === 'number' ? node.source : undefined;
}
/**
 * A value written as exactly `${NAME}` is a string; for boolean and numeric fields its text is read with the
 * YAML 1.2 core rules, so `period: ${PERIOD}` works as a user would expect.
 */
const fromEnv = (node, pattern) => node.kind === 'scalar' && node.env?.whole && typeof node.value === 'string' && pattern.test(node.value)
    ? node.value
    : undefined;
function asBoolean(node) {
    if (node.kind === 'scalar' && typeof node.value === 'boolean')
        return node.value;
    const text = fromEnv(node, CORE_BOOLEAN);
    return text === undefined ? undefined : text.toLowerCase() === 'true';
}
function asInteger(node) {
    if (node.kind === 'scalar' && typeof node.value === 'number') {
        return Number.isSafeInteger(node.value) && CORE_INTEGER.test(node.source) ? node.value : undefined;
    }
    const text = fromEnv(node, /^[-+]?[0-9]+$/);
    return text === undefined ? undefined : Number(text);
}
function asNumber(node) {
    if (node.kind === 'scalar' && typeof node.value === 'number')
        return Number.isFinite(node.value) ? node.value : undefined;
    const text = fromEnv(node, DECIMAL);
    return text === undefined ? undefined : Number(text);
}

;// CONCATENATED MODULE: ./src/spec/index.ts
/**
 * The spec engine: a spec file in the workspace → diagnostics, values to mask, and (only when there is no
 * error) the exact CreateServiceMesh request. Pure and local: no network.
 */






/**
 * Reads and checks the spec. Rejects with an ActionError when the file cannot be read (outside the
 * workspace, missing, a directory, over 1 MiB); problems inside the file come back as diagnostics.
 */
async function loadSpec(options) {
    const { relative, bytes } = readSpecFile(options.workspace, options.specPath);
    return evaluateSpec(bytes, { file: relative, env: options.env });
}
/** The same for bytes already in memory (tests, benchmarks, fuzzing). Never throws on bad content. */
function evaluateSpec(bytes, options) {
    const parsed = parseSpec(bytes, options);
    const validated = parsed.root ? validateSpec(parsed.root, parsed.problems) : undefined;
    const diagnostics = parsed.problems.all();
    const result = {
        file: options.file,
        diagnostics,
        secrets: secretsToMask(parsed.envValues, validated?.secretTexts ?? [])
    };
    if (validated && !(0,src_diagnostics/* hasErrors */.C)(diagnostics))
        result.request = buildRequest(validated.values);
    return result;
}


/***/ })

};
