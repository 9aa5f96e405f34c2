export const id = 761;
export const ids = [761];
export const modules = {

/***/ 6761:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  evaluateSpec: () => (/* binding */ evaluateSpec),
  loadSpec: () => (/* binding */ loadSpec)
});

// EXTERNAL MODULE: ./src/diagnostics.ts
var src_diagnostics = __webpack_require__(4851);
// EXTERNAL MODULE: ./src/workspace.ts
var workspace = __webpack_require__(3338);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
// EXTERNAL MODULE: ./src/meshspec/input-text.ts
var input_text = __webpack_require__(9996);
;// CONCATENATED MODULE: ./src/meshspec/interpolate.ts
/** `${NAME}` references in string values, replaced from the environment; `$${` writes a literal `${`. */
const REFERENCE = /\$\$\{|\$\{([^}]*)\}?/g;
const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
/**
 * The runner's and the action's own variables (docs/contract.md §4.1): tokens, credentials, inputs. A spec
 * (perhaps from a pull request) never reads them, since they would be sent to the cloud. Case-blind,
 * because on Windows runners `${github_token}` reads GITHUB_TOKEN.
 */
const RESERVED = /^(ACTIONS|GITHUB|RUNNER|INPUT|ALIBABA_CLOUD)_/i;
const RESERVED_LIST = 'ACTIONS_*, GITHUB_*, RUNNER_*, INPUT_* or ALIBABA_CLOUD_*';
/** Where the run's credentials are: a variable with the same value is a copy of one under another name. */
const CREDENTIALS = [
    'INPUT_ACCESS-KEY-ID',
    'INPUT_ACCESS-KEY-SECRET',
    'INPUT_SECURITY-TOKEN',
    'INPUT_GITHUB-TOKEN',
    'ALIBABA_CLOUD_ACCESS_KEY_ID',
    'ALIBABA_CLOUD_ACCESS_KEY_SECRET',
    'ALIBABA_CLOUD_SECURITY_TOKEN',
    'ACTIONS_ID_TOKEN_REQUEST_TOKEN',
    'ACTIONS_RUNTIME_TOKEN',
    'GITHUB_TOKEN'
];
/** Shorter values ("true", "1") are too common to be taken for a copied credential. */
const MIN_CREDENTIAL_LENGTH = 8;
/** Why `name` may not be read from the spec; undefined when it may. */
function refusal(name, value, env) {
    const advice = "map a variable of your own in the step's env:";
    if (RESERVED.test(name))
        return `\${${name}} is a variable of the runner or of this action (${RESERVED_LIST}), which the spec may not read: ${advice}`;
    if (value === undefined || value.length < MIN_CREDENTIAL_LENGTH)
        return undefined;
    // Read without a property access: the CLI watches which variables are looked up to name the missing ones.
    const copied = CREDENTIALS.find(credential => Object.getOwnPropertyDescriptor(env, credential)?.value === value);
    return copied && `\${${name}} holds the same value as ${copied}, a credential of this run: ${advice}`;
}
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
                message: `${reference} is not a valid environment reference: write \${NAME} with NAME made of letters, digits and _, or $\${ for a literal \${`
            });
            result.value += reference;
            continue;
        }
        result.names.push(name);
        const value = env[name];
        const refused = refusal(name, value, env);
        if (refused) {
            result.problems.push({ index: match.index, reference, message: refused, refused: true });
            continue;
        }
        // An empty variable counts as missing: in a workflow, `${{ secrets.X }}` of an unset secret is empty.
        if (value === undefined || value === '') {
            result.problems.push({
                index: match.index,
                reference,
                message: `environment variable ${name} is not set or is empty: set it in the step's env:, for a secret as ${name}: \${{ secrets.${name} }}`
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

// EXTERNAL MODULE: ./src/meshspec/lines.ts
var meshspec_lines = __webpack_require__(7185);
// EXTERNAL MODULE: ./src/meshspec/rulebook.ts
var rulebook = __webpack_require__(3123);
;// CONCATENATED MODULE: ./src/meshspec/literals.ts

/** `$${` writes a literal `${`, so an expression after it is text. */
const EXPRESSION = /(?<!\$)\$\{\{(.*?)\}\}/g;
const BARE = /(?<!\$)\$([A-Za-z_][A-Za-z0-9_]*)/g;
const literals_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
function expressionAdvice(expression) {
    const [context, name, ...more] = expression.trim().split('.');
    if (more.length === 0 && name !== undefined && literals_NAME.test(name)) {
        if (context === 'env')
            return `write \${${name}} instead: the step's environment is read directly`;
        if (context === 'secrets' || context === 'vars') {
            return `map it into the step's env: as ${name}: \${{ ${context}.${name} }} and write \${${name}}`;
        }
    }
    return `map it into the step's env: as NAME: \${{ ${expression.trim()} }} and write \${NAME}`;
}
/** The expressions in a string value (errors) and its bare `$NAME`s (warnings). */
function literalProblems(value) {
    const problems = [];
    for (const [reference, expression] of value.matchAll(EXPRESSION)) {
        problems.push({
            rule: rulebook/* ENV_RULES */.Yl.expression,
            reference,
            message: `${reference} is not evaluated in the spec file, only in workflow files; ${expressionAdvice(expression)}`
        });
    }
    for (const [reference, name] of value.matchAll(BARE)) {
        problems.push({
            rule: rulebook/* ENV_RULES */.Yl.bareReference,
            reference,
            message: `${reference} is sent as written: only \${NAME} takes a value from the environment, so write \${${name}} to use the variable`
        });
    }
    return problems;
}

// EXTERNAL MODULE: ./src/meshspec/problems.ts
var meshspec_problems = __webpack_require__(4424);
;// CONCATENATED MODULE: ./src/meshspec/yaml-issues.ts

const indentOf = (line) => line.length - line.trimStart().length;
const isContent = (line) => line.trim() !== '' && !line.trimStart().startsWith('#');
/** The text of a line up to a comment. */
const withoutComment = (line) => line.replace(/\s#.*$/, '').trimEnd();
function offsetOfLine(source, line) {
    let offset = 0;
    for (let i = 1; i < line; i++)
        offset += source.lines[i - 1].length + 1;
    return offset;
}
/** The last quote or bracket still open at `end`; comments and quoted text are skipped. */
function openerBefore(text, end, kind) {
    const brackets = [];
    let quote;
    for (let i = 0; i < end; i++) {
        const c = text[i];
        if (quote) {
            if (c === '\\' && quote.char === '"')
                i++;
            else if (c === quote.char && quote.char === "'" && text[i + 1] === "'")
                i++;
            else if (c === quote.char)
                quote = undefined;
            continue;
        }
        const start = i === 0 || /[\s[{,:]/.test(text[i - 1]);
        if (c === '#' && (i === 0 || /\s/.test(text[i - 1]))) {
            const next = text.indexOf('\n', i);
            if (next < 0)
                break;
            i = next;
        }
        else if ((c === '"' || c === "'") && start)
            quote = { char: c, at: i };
        else if (c === '[' || c === '{')
            brackets.push(i);
        else if (c === ']' || c === '}')
            brackets.pop();
    }
    return kind === 'quote' ? quote?.at : brackets.at(-1);
}
/** "Nested mappings are not allowed in compact mappings": a second key on the line, or a deeper next line. */
function nestedMapping(source, at, line) {
    const text = source.lines[line - 1];
    const key = text.slice(0, text.indexOf(':')).trim();
    const rest = withoutComment(source.text.slice(at, at + text.length)).split('\n')[0];
    if (/:(\s|$)/.test(rest)) {
        const second = rest.slice(0, rest.indexOf(':')).trim();
        return {
            at,
            message: `line ${line} has two keys: put ${second}: on its own line, indented under ${key}:, or quote the value if the colon belongs to it`
        };
    }
    for (let next = line + 1; next <= source.lines.length; next++) {
        const candidate = source.lines[next - 1];
        if (!isContent(candidate))
            continue;
        if (indentOf(candidate) <= indentOf(text))
            return undefined;
        return {
            at: offsetOfLine(source, next) + indentOf(candidate),
            message: `line ${next} is indented deeper than the key above it; line it up with ${key} on line ${line}`
        };
    }
    return undefined;
}
/** "Implicit keys need to be on a single line": a missing space after a colon, or a list item among keys. */
function multilineKey(source, at, line) {
    const text = source.lines[line - 1];
    const glued = /^(\s*)([^\s:#'"]+):(\S.*)$/.exec(withoutComment(text));
    if (glued && !glued[3].includes(': ')) {
        return {
            at: offsetOfLine(source, line) + glued[1].length,
            message: `line ${line} needs a space after the colon: write ${glued[2]}: ${glued[3]}`
        };
    }
    if (source.text.startsWith('- ', at))
        return { at, message: `line ${line} is a list item among the keys of a mapping; indent it under a key` };
    return {
        at,
        message: `line ${line} runs on to the next line: a key ends on its own line with a colon and a space`
    };
}
function unclosed(source, issue, kind, what) {
    const opener = openerBefore(source.text, issue.pos[0], kind);
    if (opener === undefined)
        return undefined;
    const line = source.index.range(opener).line;
    if (line === source.index.range(issue.pos[0]).line) {
        const at = issue.pos[0];
        return {
            at,
            message: `the ${source.text[opener]} on line ${line} is not closed properly: check the brackets and commas after it`
        };
    }
    return { at: opener, message: `the ${source.text[opener]} on line ${line} is never closed${what}` };
}
/** The reworded message of one yaml error, or undefined to keep yaml's own. */
function reword(source, issue, line) {
    const at = issue.pos[0];
    const first = issue.message.split('\n')[0];
    if (/[[{,].*\$\{/.test(source.lines[line - 1] ?? '')) {
        return { at, message: "${NAME} inside [ ] or { } needs quotes: write {key: '${NAME}'}" };
    }
    switch (issue.code) {
        case 'BLOCK_AS_IMPLICIT_KEY':
            return nestedMapping(source, at, line);
        case 'MULTILINE_IMPLICIT_KEY':
            return multilineKey(source, at, line);
        case 'BAD_INDENT':
            if (first.startsWith('Flow '))
                return unclosed(source, issue, 'bracket', ': close it on its line, or indent the lines inside it');
            return {
                at,
                message: `line ${line} is not lined up with the keys above it: the keys of one mapping start at the same column`
            };
        case 'MISSING_CHAR':
            if (first.includes('quote'))
                return unclosed(source, issue, 'quote', '');
            return { at, message: `line ${line} has a key without a colon: write key: value` };
        case 'BAD_SCALAR_START': {
            const value = withoutComment(source.text.slice(at).split('\n')[0]);
            return {
                at,
                message: `a value cannot start with ${value[0]} unless it is quoted: write '${value.replace(/'/g, "''")}'`
            };
        }
        case 'UNEXPECTED_TOKEN': {
            const closer = /token in YAML stream: "([\]}])"/.exec(first)?.[1];
            if (!closer)
                return undefined;
            return {
                at,
                message: `the ${closer} on line ${line} closes nothing: remove it, or add the ${closer === ']' ? '[' : '{'} it belongs to`
            };
        }
        case 'BAD_ALIAS':
            return {
                at,
                message: `line ${line} starts a key with *, which YAML reads as an alias: quote the key, e.g. '*name': value`
            };
        case 'TAG_RESOLVE_FAILED':
            return { at, message: 'tags such as !secret are not supported: write plain YAML values' };
        case 'TAB_AS_INDENT':
            return { at, message: `line ${line} is indented with a tab: YAML allows only spaces there` };
        case 'BAD_DQ_ESCAPE': {
            const escape = /sequence (\S+)/.exec(first)?.[1] ?? 'this';
            return {
                at,
                message: `${escape} is not an escape in a double-quoted string: use single quotes, or double the backslash`
            };
        }
    }
    return undefined;
}
function reportYamlIssues(issues, text, index, problems) {
    const source = { text, lines: text.split('\n').map(l => l.replace(/\r$/, '')), index };
    const read = issues.map(issue => {
        const at = index.range(issue.pos[0], issue.pos[1]);
        return { issue, at, said: reword(source, issue, at.line) };
    });
    // Reworded errors first: where yaml reports several errors on a line, the one in plain words stays.
    const ordered = [...read.filter(r => r.said), ...read.filter(r => !r.said)];
    const lines = new Set();
    for (const { issue, at, said } of ordered) {
        const pos = said ? index.range(said.at, said.at + 1) : at;
        if (lines.has(pos.line) || lines.has(at.line))
            continue;
        lines.add(pos.line).add(at.line);
        problems.report(rulebook/* FILE_RULES */.hV.syntax, pos, '', said?.message ?? `YAML: ${issue.message.split('\n')[0]}`);
    }
}

;// CONCATENATED MODULE: ./src/meshspec/parse.ts
/**
 * Spec bytes → a tree of positioned nodes (tree.ts), with `${NAME}` interpolation. Hostile input is bounded
 * before and while YAML parses it: size, encoding, nesting depth and alias expansion.
 */









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
    const problems = new meshspec_problems/* Problems */.Zw(options.file);
    const parsed = { problems, envValues: [] };
    const text = (0,input_text/* decodeText */.g)(input, problems);
    if (text === undefined)
        return parsed;
    const docs = parseDocuments(text);
    if (typeof docs === 'string') {
        problems.report(rulebook/* FILE_RULES */.hV.bounds, meshspec_problems/* START */.d3, '', LIMIT_PROBLEMS[docs]);
        return parsed;
    }
    const lines = new meshspec_lines/* LineIndex */.r(text);
    const at = (offset, end = offset) => lines.range(offset, end);
    if (docs.length === 0 || docs[0].contents === null) {
        problems.report(rulebook/* FILE_RULES */.hV.rootMapping, meshspec_problems/* START */.d3, '', 'the spec file is empty', {
            expected: 'a YAML mapping with version, name, region, network'
        });
        return parsed;
    }
    for (const extra of docs.slice(1)) {
        const message = `the file holds ${docs.length} YAML documents; put one mesh per file`;
        problems.report(rulebook/* FILE_RULES */.hV.oneDocument, at(extra.range[0]), '', message);
    }
    const document = docs[0];
    const issues = [...document.errors, ...document.warnings];
    reportYamlIssues(issues, text, lines, problems);
    if (issues.length > 0)
        return parsed;
    const root = new TreeBuilder(text, problems, options.env, at).build(document.contents);
    parsed.envValues = root.envValues;
    if (root.node.kind !== 'map') {
        problems.report(rulebook/* FILE_RULES */.hV.rootMapping, root.node.pos, '', 'the spec must be a YAML mapping of key: value lines', {
            found: root.node.kind === 'seq' ? 'a list' : 'a single value'
        });
        return parsed;
    }
    parsed.root = root.node;
    return parsed;
}
const YAML_OPTIONS = {
    version: '1.2',
    schema: 'core',
    merge: false,
    // Duplicates are found below with a Set: yaml's own check compares every pair of keys (quadratic).
    uniqueKeys: false,
    strict: true
};
const DEPTH_MESSAGE = `the YAML nests deeper than ${MAX_NESTING} levels; a spec needs about 7`;
const LIMIT_PROBLEMS = {
    depth: DEPTH_MESSAGE,
    tokens: `the file holds more than ${MAX_TOKENS} YAML tokens; a spec has a few hundred keys and values`
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
        return { node: this.node(node, '', 0, false, meshspec_problems/* START */.d3), envValues: this.envValues };
    }
    node(node, path, depth, inAlias, fallback) {
        if (node === null)
            return { kind: 'scalar', value: null, source: '', pos: fallback };
        const pos = node.range ? this.at(node.range[0], node.range[1]) : fallback;
        if (depth > MAX_NESTING) {
            if (!this.depthReported)
                this.problems.report(rulebook/* FILE_RULES */.hV.bounds, pos, path, DEPTH_MESSAGE);
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
                    this.problems.report(rulebook/* FILE_RULES */.hV.plainKey, keyPos, path, 'a key must be a plain name, not a mapping or a list');
                    continue;
                }
                const key = typeof keyNode.value === 'string' ? keyNode.value : String(keyNode.source ?? keyNode.value);
                const childPath = path ? `${path}.${key}` : key;
                if (seen.has(key)) {
                    if (!inAlias) {
                        const message = `${childPath} appears twice; write each key once per mapping`;
                        this.problems.report(rulebook/* FILE_RULES */.hV.duplicateKey, keyPos, childPath, message);
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
            const message = `aliases expand to too many values, more than ${MAX_ALIAS_NODES}`;
            this.problems.report(rulebook/* FILE_RULES */.hV.bounds, pos, path, message);
            this.aliasLimitReported = true;
        }
        return false;
    }
    alias(name, pos, path, depth, inAlias) {
        // Counts the aliases written in the file; what they expand to is bounded by the alias budget.
        if (!inAlias && ++this.aliases > MAX_ALIASES) {
            if (this.aliases === MAX_ALIASES + 1) {
                this.problems.report(rulebook/* FILE_RULES */.hV.bounds, pos, path, `the file uses more than ${MAX_ALIASES} aliases`);
            }
            return emptyScalar(pos);
        }
        const target = this.anchors.get(name);
        if (!target) {
            this.problems.report(rulebook/* FILE_RULES */.hV.alias, pos, path, `alias *${name} has no anchor &${name} before it`);
            return emptyScalar(pos);
        }
        return this.node(target, path, depth, true, pos);
    }
    scalar(value, source, range, pos, path) {
        if (value !== null && !['string', 'number', 'boolean'].includes(typeof value)) {
            const message = 'a tagged value such as !!binary is not supported: write a plain string, number, boolean or null';
            this.problems.report(rulebook/* FILE_RULES */.hV.plainValue, pos, path, message);
            return emptyScalar(pos);
        }
        const written = source ?? String(value);
        const plain = { kind: 'scalar', value: value, source: written, pos };
        if (typeof value !== 'string' || !value.includes('$'))
            return plain;
        const literals = literalProblems(value);
        this.reportReferences(literals, range, pos, path);
        if (literals.some(p => p.rule.level === 'error'))
            return emptyScalar(pos);
        if (!value.includes('${'))
            return plain;
        const result = interpolate(value, this.env);
        this.envValues.push(...result.substituted);
        this.reportReferences(result.problems.map(p => ({ ...p, rule: p.refused ? rulebook/* ENV_RULES */.Yl.ownVariables : rulebook/* ENV_RULES */.Yl.reference })), range, pos, path);
        return {
            ...plain,
            value: result.value,
            env: { names: result.names, whole: result.whole, failed: result.problems.length > 0 }
        };
    }
    /** Reports problems of references in a scalar at the reference itself. */
    reportReferences(problems, range, pos, path) {
        const raw = range ? this.text.slice(range[0], range[1]) : '';
        for (const problem of problems) {
            const offset = raw.indexOf(problem.reference);
            const at = offset >= 0 && range ? this.at(range[0] + offset, range[0] + offset + problem.reference.length) : pos;
            const detail = problem.expected === undefined ? {} : { expected: problem.expected };
            this.problems.report(problem.rule, at, path, problem.message, detail);
        }
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

// EXTERNAL MODULE: ./src/fingerprint.ts
var fingerprint = __webpack_require__(2659);
// EXTERNAL MODULE: ./src/meshspec/fields.ts
var fields = __webpack_require__(8161);
;// CONCATENATED MODULE: ./src/meshspec/json-value.ts
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

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./src/meshspec/pem.ts
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
        return { ok: false, problem: 'is neither PEM, starting with -----BEGIN, nor Base64 of a PEM' };
    }
    return { ok: true, value: normalise(decoded) };
}
const toBase64 = (pem) => Buffer.from(pem, 'utf8').toString('base64');
function parseCertificates(pem) {
    const blocks = pem.match(CERTIFICATE_BLOCK) ?? [];
    if (blocks.length === 0)
        return { ok: false, problem: 'holds no -----BEGIN CERTIFICATE----- block' };
    const certificates = [];
    for (const [index, block] of blocks.entries()) {
        try {
            certificates.push(new external_node_crypto_.X509Certificate(block));
        }
        catch {
            return {
                ok: false,
                problem: `holds a certificate that cannot be read: number ${index + 1} of ${blocks.length}`
            };
        }
    }
    return { ok: true, value: certificates };
}
function parsePrivateKey(pem) {
    if (pem.includes('ENCRYPTED'))
        return { ok: false, problem: 'is an encrypted private key; remove its passphrase' };
    try {
        return { ok: true, value: (0,external_node_crypto_.createPrivateKey)({ key: pem, format: 'pem' }) };
    }
    catch {
        return { ok: false, problem: 'is not a private key that can be read' };
    }
}

;// CONCATENATED MODULE: ./src/meshspec/request.ts
/**
 * CONTRACT (filled in by the spec engine): a valid spec → the exact CreateServiceMesh wire parameters, and
 * for each the form that may be stored and shown. Outside the request itself a value that came from the
 * environment is only ever `${NAME} sha256:<fingerprint>`, and a URL's user info is `***`
 * (docs/contract.md §4.1): the fingerprint still changes when the value does, so diffs work.
 */




/** The mesh's identity: stored as written (it names the state key and is how the mesh is found). */
const IDENTITY = new Set(['name', 'region']);
/**
 * `scheme://user:password@` → `scheme://***@`. The user info runs to the last `@` before the host ends
 * (the URL parser's rule); characters that cannot be in it (quotes, brackets) end it early, so JSON
 * text around a URL stays as it is.
 */
const USER_INFO = /\b([a-z][a-z0-9+.-]*:\/\/)[^\s/?#"'<>\\[\]{}]*@/gi;
const redactUserInfo = (text) => text.replace(USER_INFO, '$1***@');
/** The names used at `path` or anywhere below it (list items, mapping keys), each once, in file order. */
function namesAt(paths, path) {
    const names = new Set();
    for (const [at, used] of paths) {
        if (at === path || at.startsWith(`${path}.`) || at.startsWith(`${path}[`))
            used.forEach(n => names.add(n));
    }
    return [...names];
}
/** The parameter as it may be stored and shown: see WireParameter.comparable. */
function protect(parameter, paths, fingerprinted) {
    if (IDENTITY.has(parameter.path))
        return parameter;
    const env = namesAt(paths, parameter.path);
    const print = fingerprinted ? parameter.comparable : (0,fingerprint/* fingerprint */.R)(parameter.comparable);
    if (env.length > 0) {
        const shown = env.map(name => `\${${name}}`).join(' ');
        return { ...parameter, comparable: `${shown} ${print}`, env, hidden: true };
    }
    const redacted = redactUserInfo(parameter.comparable);
    if (redacted !== parameter.comparable)
        return { ...parameter, comparable: `${redacted} ${print}`, hidden: true };
    return fingerprinted ? { ...parameter, hidden: true } : parameter;
}
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
        return (0,fingerprint/* fingerprint */.R)(wire);
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
/** Only what the file sets is sent; nothing is defaulted here. `env`: where the spec used `${NAME}`. */
function buildRequest(values, env = new Map()) {
    const request = {
        name: textOf(values, 'name'),
        region: textOf(values, 'region'),
        query: {},
        body: {},
        parameters: [],
        lifecycle: { preventDestroy: values.fields.get('lifecycle.preventDestroy')?.value === true }
    };
    for (const field of fields/* FIELDS */.cJ) {
        const checked = values.fields.get(field.path);
        if (!checked)
            continue;
        if (checked.kind === 'tags') {
            checked.value.forEach(({ key, value }, index) => {
                request.query[`Tag.${index + 1}.Key`] = key;
                request.query[`Tag.${index + 1}.Value`] = value;
                request.parameters.push(protect({ parameter: field.api, path: `tags.${key}`, wire: value, comparable: value, secret: false }, env, false));
            });
            continue;
        }
        const wire = wireText(field, checked);
        request.body[field.api] = wire;
        request.parameters.push(protect({
            parameter: field.api,
            path: field.path,
            wire,
            comparable: comparableText(field, checked, wire),
            secret: field.secret === true
        }, env, field.secret === true || field.fingerprint === true));
    }
    for (const { name, text } of values.extras) {
        request.body[name] = text;
        request.parameters.push(protect({ parameter: name, path: `extraParameters.${name}`, wire: text, comparable: text, secret: false }, env, false));
    }
    return request;
}

// EXTERNAL MODULE: ./src/meshspec/basis.ts
var basis = __webpack_require__(3024);
;// CONCATENATED MODULE: ./src/meshspec/safety.ts
/**
 * What in a spec could be turned against the runner rather than be wrong for the API, checked on the whole
 * tree after parsing, apart from the field rules:
 * - control characters and line breaks in mapping keys (anywhere) and in extraParameters values: keys end
 *   up in paths, diagnostics and log lines, where a line break could start a workflow command
 *   (docs/reference/runner-contract.md §1.3); other values are refused by the field rules already;
 * - path syntax in `name`, which becomes part of the default state key `<region>/<name>` (a file path on
 *   the state branch);
 * - names the API would likely refuse, as warnings: the API documents no naming rule
 *   (docs/reference/asm-lifecycle-api.md, ModifyServiceMeshName), so none of this is an error.
 */

const SAFETY_RULES = {
    keyControlCharacter: (0,basis/* rule */.Hu)('A key holds no control characters or line breaks.', (0,basis/* neverWorks */.R_)('keys are printed in paths and log lines, where a line break could start a workflow command (SECURITY.md)')),
    extraControlCharacter: (0,basis/* rule */.Hu)('An extraParameters value holds no control characters or line breaks.', (0,basis/* neverWorks */.R_)('parameters are single lines of text, and values are printed in logs (SECURITY.md)')),
    namePath: (0,basis/* rule */.Hu)('name is not path syntax (/, \\, . or ..): it is part of the default state key <region>/<name>.', (0,basis/* specFormat */.BI)('§2 (state-key)')),
    usualName: (0,basis/* rule */.Hu)('name has 1-63 letters, digits, Chinese characters, _ and -, and starts with a letter, digit or Chinese character.', (0,basis/* borrowed */.zF)('the usual Alibaba Cloud naming rule (the ASM API publishes none)', 'docs/reference/asm-lifecycle-api.md §b'))
};
// Line breaks (also U+0085, U+2028, U+2029), other C0/C1 controls and DEL.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\x00-\x1f\x7f-\x9f\u2028\u2029]/;
/**
 * The usual Alibaba Cloud resource name: 1-63 characters of letters, digits, CJK ideographs, `_` and `-`,
 * starting with a letter, digit or ideograph. UNVERIFIED for ASM (no published rule), hence a warning.
 */
const USUAL_NAME = /^[A-Za-z0-9\u4e00-\u9fff][A-Za-z0-9\u4e00-\u9fff_-]{0,62}$/u;
/** A key as it may appear in a message: quoted, line breaks escaped. */
const shown = (key) => JSON.stringify(key);
function checkSafety(root, problems) {
    checkKeys(root, '', problems);
    for (const entry of root.entries) {
        if (entry.key === 'name')
            checkName(entry.value, problems);
        if (entry.key === 'extraParameters' && entry.value.kind === 'map')
            checkExtraValues(entry.value, problems);
    }
}
function checkKeys(node, path, problems) {
    if (node.kind === 'seq')
        node.items.forEach((item, i) => checkKeys(item, `${path}[${i}]`, problems));
    if (node.kind !== 'map')
        return;
    for (const entry of node.entries) {
        const safe = !CONTROL.test(entry.key);
        const childPath = `${path ? `${path}.` : ''}${safe ? entry.key : shown(entry.key)}`;
        // Tag keys have their own rule (tags.ts), which reports them once.
        if (!safe && path !== 'tags')
            problems.report(SAFETY_RULES.keyControlCharacter, entry.keyPos, childPath, `the key ${shown(entry.key)} contains a control character or line break: write the key on one line`);
        checkKeys(entry.value, childPath, problems);
    }
}
function checkExtraValues(map, problems) {
    for (const { key, value } of map.entries) {
        if (value.kind !== 'scalar' || typeof value.value !== 'string' || !CONTROL.test(value.value))
            continue;
        problems.report(SAFETY_RULES.extraControlCharacter, value.pos, `extraParameters.${CONTROL.test(key) ? shown(key) : key}`, 'the value contains a control character or line break: write it on one line');
    }
}
function checkName(node, problems) {
    if (node.kind !== 'scalar' || typeof node.value !== 'string' || node.value === '')
        return;
    const name = node.value;
    const from = node.env ? 'the value of name' : `the name ${shown(name)}`;
    if (name === '.' || name === '..' || /[/\\]/.test(name)) {
        problems.report(SAFETY_RULES.namePath, node.pos, 'name', `${from} is path syntax, and name is part of the default state key <region>/<name>: use a name ` +
            'without / or \\ that is not . or .. (the state-key input can put keys in folders)');
        return;
    }
    if (!CONTROL.test(name) && !USUAL_NAME.test(name))
        problems.report(SAFETY_RULES.usualName, node.pos, 'name', `${from} is not like an Alibaba Cloud resource name (1-63 letters, digits, Chinese characters, _ and -, ` +
            'starting with a letter, digit or Chinese character); the API publishes no naming rule and may refuse it');
}

;// CONCATENATED MODULE: ./src/meshspec/secrets.ts
/** Every form in which a secret or environment-sourced value may show up, for masking (docs/contract.md §4.1). */

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
/** Every scalar that used `${NAME}`, by spec path (`tags.team`, `network.vSwitches[0]`), for the request builder. */
function environmentPaths(root) {
    const found = new Map();
    const walk = (node, path) => {
        if (node.kind === 'scalar') {
            if (node.env && node.env.names.length > 0)
                found.set(path, node.env.names);
        }
        else if (node.kind === 'seq')
            node.items.forEach((item, i) => walk(item, `${path}[${i}]`));
        else
            for (const entry of node.entries)
                walk(entry.value, path ? `${path}.${entry.key}` : entry.key);
    };
    if (root)
        walk(root, '');
    return found;
}

;// CONCATENATED MODULE: ./src/meshspec/tree.ts
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
        return 'an empty value';
    if (typeof value === 'boolean')
        return `the boolean ${value}`;
    if (typeof value === 'number')
        return `the number ${node.source}`;
    const shown = value.length > 60 ? `${value.slice(0, 57)}...` : value;
    return `the string ${JSON.stringify(shown)}`;
}

;// CONCATENATED MODULE: ./src/meshspec/context.ts


const TYPE_EXPECTED = {
    string: 'a string',
    boolean: 'true or false',
    integer: 'an integer',
    number: 'a number',
    quantity: 'a quantity: a string such as "500m", or a number',
    stringList: 'a YAML list such as [a, b]',
    portList: 'a YAML list of ports such as [80, 443]',
    tags: 'a mapping of tag keys to values',
    json: 'a mapping',
    certificate: 'a PEM certificate or Base64 of one',
    certificates: 'PEM certificates or Base64 of them',
    privateKey: 'a PEM private key or Base64 of one'
};
/** Reports a value of the wrong type, with a hint for the two mistakes YAML makes easy. */
function wrongType(problems, node, path, expected) {
    const text = node.kind === 'scalar' && typeof node.value === 'string' && !node.env ? node.value.trim() : '';
    const hint = expected === 'true or false' && /^(y|yes|n|no|on|off)$/i.test(text)
        ? `; YAML 1.2 reads ${text} as a string`
        : expected.startsWith('a mapping') && text.startsWith('{')
            ? ', not a string of JSON: remove the quotes around it, and YAML reads the JSON as a mapping'
            : '';
    problems.report(rulebook/* KEY_RULES */.on.type, node.pos, path, `${path} must be ${expected}${hint}`, {
        found: describeNode(node)
    });
    return undefined;
}

;// CONCATENATED MODULE: ./src/meshspec/scalars.ts
const CORE_BOOLEAN = /^(true|True|TRUE|false|False|FALSE)$/;
const CORE_INTEGER = /^[-+]?([0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$/;
const DECIMAL = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const scalars_CONTROL = /[\x00-\x1f\x7f]/;
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

;// CONCATENATED MODULE: ./src/meshspec/check-pem.ts
/** Certificates and keys of certificateAuthority: readable PEM (or Base64 of it), as many as the field holds. */




const PEM_RULES = {
    readable: (0,basis/* rule */.Hu)('A certificate or key is PEM, or Base64 of a PEM, that can be read; a key has no passphrase.', (0,basis/* neverWorks */.R_)('the API cannot use a certificate or key it cannot read')),
    single: (0,basis/* rule */.Hu)('cert and rootCert hold one certificate each.', (0,basis/* borrowed */.zF)("Istio's CA secrets, whose certificate files hold one certificate", 'docs/reference/asm-api.md §1.1')),
    order: (0,basis/* rule */.Hu)('certChain lists the CA certificate first and the root last.', (0,basis/* apiDocNote */.V$)('§6.7'))
};
function checkPem(field, node, ctx) {
    const { path } = field;
    const { problems } = ctx;
    const text = asText(node, false);
    if (text === undefined)
        return wrongType(problems, node, path, TYPE_EXPECTED[field.type]);
    const unreadable = (problem) => {
        problems.report(PEM_RULES.readable, node.pos, path, `${path} ${problem}`);
        return undefined;
    };
    const decoded = decodePem(text);
    if (!decoded.ok)
        return unreadable(decoded.problem);
    if (field.type === 'privateKey') {
        const key = parsePrivateKey(decoded.value);
        if (!key.ok)
            return unreadable(key.problem);
        ctx.keys.set(path, key.value);
        return { kind: 'pem', value: decoded.value };
    }
    const certificates = parseCertificates(decoded.value);
    if (!certificates.ok)
        return unreadable(certificates.problem);
    const chain = certificates.value;
    if (field.type === 'certificate' && chain.length > 1) {
        problems.report(PEM_RULES.single, node.pos, path, `${path} holds ${chain.length} certificates, where Istio's CA secret holds one; it is sent as written`);
    }
    for (const limit of field.rules ?? []) {
        if (limit.kind !== 'items' || chain.length >= (limit.min ?? 0))
            continue;
        problems.report(limit.basis, node.pos, path, `${path} holds ${chain.length} ${chain.length === 1 ? 'certificate' : 'certificates'}; the API doc wants a chain of at least ${limit.min}, from the CA to the root`);
        if (limit.basis.level === 'error')
            return undefined;
    }
    const unordered = chain.findIndex((cert, i) => i + 1 < chain.length && !cert.checkIssued(chain[i + 1]));
    if (unordered >= 0) {
        problems.report(PEM_RULES.order, node.pos, path, `${path} is out of order: certificate ${unordered + 1} is not issued by the next one; the API doc lists the chain from the CA certificate to the root, it is sent as written`);
    }
    ctx.certificates.set(path, chain);
    return { kind: 'pem', value: decoded.value };
}

// EXTERNAL MODULE: external "node:net"
var external_node_net_ = __webpack_require__(7030);
;// CONCATENATED MODULE: ./src/meshspec/suggest.ts
/** "Did you mean": the closest candidate by edit distance, ignoring case. */
/** Levenshtein distance where swapping two neighbouring letters also counts as one edit (a common typo). */
function editDistance(a, b) {
    let before = [];
    let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
        const current = [i];
        for (let j = 1; j <= b.length; j++) {
            const substitution = previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1);
            let best = Math.min(previous[j] + 1, current[j - 1] + 1, substitution);
            if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
                best = Math.min(best, before[j - 2] + 1);
            current.push(best);
        }
        before = previous;
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

;// CONCATENATED MODULE: ./src/meshspec/regions.ts
/**
 * RegionId: a typo of a known region is an error (it can never be meant), any other unknown region a warning
 * (Alibaba Cloud opens regions faster than this list is updated, and the API is the authority on them).
 */


/** Regions with an ASM endpoint (docs/reference/asm-api.md §6.1, from the API metadata's products.json). */
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
const METADATA = `${basis/* ASM_DOC */.VS} §6.1`;
const REGION_RULES = {
    typo: (0,basis/* rule */.Hu)('region is not a typo of a known ASM region (one letter off, swapped, wrong case, _ for -, no cn- prefix).', (0,basis/* neverWorks */.R_)('no two ASM regions are one letter apart, so this one is a typo')),
    closed: (0,basis/* rule */.Hu)('region is not one the API metadata lists as closed.', (0,basis/* borrowed */.zF)('the API metadata', METADATA)),
    unknown: (0,basis/* rule */.Hu)('region is one of the 25 regions of the API metadata, or else a new region the API may accept.', (0,basis/* borrowed */.zF)("the API metadata's region list", METADATA))
};
/**
 * The known region `value` is a typo of. Regions that differ only in digits are different regions
 * (ap-southeast-6 is not a typo of ap-southeast-5), so a digit edit never counts.
 */
function typoOf(value) {
    const normal = value.toLowerCase().replace(/[_\s]+/g, '-');
    const digitless = (text) => text.replace(/[0-9]/g, '');
    return KNOWN_REGIONS.find(known => known === normal ||
        (/^[a-z]{3,}/.test(normal) && known.endsWith(`-${normal}`)) ||
        (editDistance(normal, known) === 1 && digitless(normal) !== digitless(known)));
}
function checkRegion(value) {
    if (KNOWN_REGIONS.includes(value)) {
        if (!CLOSED_REGIONS.has(value))
            return undefined;
        return {
            rule: REGION_RULES.closed,
            message: 'is listed as closed for ASM in the API metadata; it is sent as written'
        };
    }
    const meant = typoOf(value);
    if (meant) {
        return {
            rule: REGION_RULES.typo,
            message: `is not a known ASM region; did you mean ${meant}?`
        };
    }
    return {
        rule: REGION_RULES.unknown,
        message: 'is not among the ASM regions of the API metadata; it is sent as written, in case the region is new'
    };
}

;// CONCATENATED MODULE: ./src/meshspec/formats.ts
/**
 * Value formats of the table (a `format` constraint of fields.ts, for strings and list items): check,
 * expectation, JSON Schema pattern, and the basis (basis.ts) that makes a mismatch an error or a warning.
 */



const DOC = (0,basis/* apiDoc */.LU)('§1.1');
const K8S = (0,basis/* borrowed */.zF)("Kubernetes' convention for resources", `${basis/* ASM_DOC */.VS} §6.4`);
const fromPattern = (pattern, expected, basis) => {
    const regex = new RegExp(pattern);
    return {
        expected,
        basis,
        ...(basis.level === 'error' ? { pattern } : {}),
        check: value => regex.test(value)
            ? undefined
            : { message: basis.level === 'warning' ? `is not ${expected}; ${SENT}` : `is not ${expected}` }
    };
};
const DNS_LABEL = '[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?';
const DNS_NAME = new RegExp(`^${DNS_LABEL}(\\.${DNS_LABEL})*\\.?$`);
const NUMBER_PART = '([0-9]+(\\.[0-9]*)?|\\.[0-9]+)';
/** Kubernetes' quantity grammar (docs/reference/asm-api.md §6.4), without the sign a resource cannot have. */
const QUANTITY_PATTERN = `^\\+?${NUMBER_PART}([KMGTPE]i|[numkMGTPE]|[eE][-+]?[0-9]+)?$`;
const SENT = 'it is sent as written';
const isDnsName = (value) => value.length <= 253 && DNS_NAME.test(value);
/** Every IPv6 address has a colon; node's IPv6 pattern is big enough that compiling it costs ms at start-up. */
const isIPv6Address = (value) => value.includes(':') && (0,external_node_net_.isIPv6)(value);
function checkCidr(value, expected) {
    const slash = value.indexOf('/');
    const address = slash < 0 ? value : value.slice(0, slash);
    const prefix = slash < 0 ? '' : value.slice(slash + 1);
    const maxPrefix = (0,external_node_net_.isIPv4)(address) ? 32 : isIPv6Address(address) ? 128 : -1;
    const problem = maxPrefix < 0
        ? `${address} is not an IP address`
        : slash < 0
            ? `it has no prefix length such as /${maxPrefix}`
            : !/^[0-9]{1,3}$/.test(prefix) || Number(prefix) > maxPrefix
                ? `the prefix length must be /0 to /${maxPrefix}`
                : undefined;
    return problem ? { message: `is not ${expected}: ${problem}` } : undefined;
}
const cidrFormat = (expected, any) => ({
    expected,
    basis: DOC,
    check: value => (any && value === '*' ? undefined : checkCidr(value, expected))
});
const FORMATS = {
    region: {
        expected: 'a region id such as cn-hangzhou',
        basis: REGION_RULES.unknown,
        rules: Object.values(REGION_RULES),
        check: value => checkRegion(value)
    },
    vpcId: fromPattern('^vpc-[a-z0-9]+$', "vpc- followed by lowercase letters and digits, like the ids in the API doc's examples", (0,basis/* borrowed */.zF)("the ids in the API doc's examples", `${basis/* ASM_DOC */.VS} §6.2`)),
    vswId: fromPattern('^vsw-[a-z0-9]+$', "vsw- followed by lowercase letters and digits, as Terraform's vSwitch validator expects", (0,basis/* borrowed */.zF)("Terraform's vSwitch validator", `${basis/* ASM_DOC */.VS} §6.2`)),
    cidr: cidrFormat('a CIDR such as 10.0.0.0/8 or fd00::/8', false),
    cidrOrAny: cidrFormat('a CIDR such as 10.0.0.0/8, or * for all', true),
    url: {
        expected: 'a URL such as http://prometheus:9090',
        basis: DOC,
        check(value) {
            if (!URL.canParse(value) || /\s/.test(value))
                return { message: 'is not a URL such as http://prometheus:9090' };
            return new URL(value).hostname ? undefined : { message: 'is a URL without a host' };
        }
    },
    httpUrl: {
        expected: 'an http:// or https:// URL',
        basis: (0,basis/* borrowed */.zF)('Prometheus, which serves http and https', 'docs/contract.md §4.2'),
        check: value => !URL.canParse(value) || /^https?:$/.test(new URL(value).protocol)
            ? undefined
            : { message: `does not use http or https, as a Prometheus address does; ${SENT}` }
    },
    host: {
        expected: 'a host name or IP address',
        basis: (0,basis/* borrowed */.zF)('RFC 1123 host names', 'docs/contract.md §4.2'),
        check: (value) => (0,external_node_net_.isIPv4)(value) || isIPv6Address(value) || isDnsName(value)
            ? undefined
            : { message: `is not a host name by RFC 1123 or an IP address; ${SENT}` }
    },
    dnsName: {
        expected: 'a DNS domain such as cluster.local',
        basis: (0,basis/* borrowed */.zF)('RFC 1123 domain names, as Kubernetes uses', `${basis/* ASM_DOC */.VS} §1.1`),
        check: (value) => isDnsName(value) ? undefined : { message: `is not a DNS domain such as cluster.local; ${SENT}` }
    },
    quantity: {
        expected: 'a Kubernetes quantity such as 500m, 1 or 128Mi',
        basis: (0,basis/* apiDoc */.LU)('§6.4'),
        pattern: QUANTITY_PATTERN,
        check: value => value.startsWith('-')
            ? { message: 'is negative: a resource amount cannot be' }
            : new RegExp(QUANTITY_PATTERN).test(value)
                ? undefined
                : { message: 'is not a Kubernetes quantity such as 500m, 1 or 128Mi' }
    },
    cpu: {
        expected: 'CPU in cores or millicores, such as 2 or 500m',
        basis: K8S,
        check: value => /^[^a-zA-Z]*m?$/.test(value)
            ? undefined
            : { message: `is not in cores or millicores such as 2 or 500m, as Kubernetes counts CPU; ${SENT}` }
    },
    memory: {
        expected: 'memory in bytes, such as 128Mi or 1Gi',
        basis: K8S,
        check: value => /[mun]$/.test(value)
            ? { message: `is in millibytes or smaller; Kubernetes counts memory in bytes such as 128Mi; ${SENT}` }
            : undefined
    },
    duration: fromPattern('^(0|([0-9]+(\\.[0-9]+)?(ns|us|µs|ms|s|m|h))+)$', 'a duration such as 30s, 1m or 500ms, as Go writes them', (0,basis/* borrowed */.zF)("Go's duration syntax, as in the API doc's example 30s", `${basis/* ASM_DOC */.VS} §1.1`))
};
const isStringFormat = (format) => format !== undefined && format in FORMATS;
const QUANTITY_SUFFIX = {
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
};
/** The amount a valid CPU or memory quantity stands for (cores or bytes), to compare requests with limits. */
function quantityAmount(text) {
    const match = /^\+?([0-9.]+)(.*)$/.exec(text);
    if (!match)
        return Number.NaN;
    const [, number, suffix] = match;
    const exponent = /^[eE]([-+]?[0-9]+)$/.exec(suffix);
    const scale = exponent ? 10 ** Number(exponent[1]) : QUANTITY_SUFFIX[suffix];
    return scale === undefined ? Number.NaN : Number(number) * scale;
}

;// CONCATENATED MODULE: ./src/meshspec/structured.ts
/** Shapes of the two mapping-valued parameters: AccessLogFormat (docs/reference/asm-api.md §6.5) and LocalityLBConf (§6.6). */



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
const ACCESS_LOG_RULES = {
    keys: (0,basis/* rule */.Hu)(`accessLog.format holds the ${ACCESS_LOG_KEYS.length} keys the API requires.`, (0,basis/* apiDoc */.LU)('§6.5')),
    values: (0,basis/* rule */.Hu)('Each accessLog.format value is a non-empty Envoy format string such as "%REQ(:METHOD)%".', (0,basis/* borrowed */.zF)("the API doc's example", `${basis/* ASM_DOC */.VS} §6.5`))
};
/** The CreateServiceMesh doc shows one example; the shape is Istio's, as the UpdateMeshFeature doc describes it. */
const ISTIO = (0,basis/* borrowed */.zF)("Istio's locality settings, as the UpdateMeshFeature doc describes them", `${basis/* ASM_DOC */.VS} §6.6`);
const LOCALITY_RULES = {
    shape: (0,basis/* rule */.Hu)('localityLoadBalancing.config sets failover or distribute, not both, and no other key.', ISTIO),
    entries: (0,basis/* rule */.Hu)('Each failover and distribute entry is a {from, to} mapping of localities.', ISTIO),
    weights: (0,basis/* rule */.Hu)('The weights of each distribute entry are whole numbers adding up to 100.', ISTIO)
};
/** Ends every locality warning: it names where the rule comes from. */
const AS_ISTIO = "as Istio's locality settings expect; it is sent as written";
const isNonEmptyString = (node) => node.kind === 'scalar' && typeof node.value === 'string' && node.value !== '';
function checkAccessLogFormat(map, path, problems) {
    for (const entry of map.entries) {
        if (isNonEmptyString(entry.value))
            continue;
        const at = `${path}.${entry.key}`;
        problems.report(ACCESS_LOG_RULES.values, entry.value.pos, at, `${at} is not an Envoy format string such as "%REQ(:METHOD)%", as in the API doc's example; it is sent as written`, { found: describeNode(entry.value) });
    }
    const missing = ACCESS_LOG_KEYS.filter(key => !map.entries.some(e => e.key === key));
    if (missing.length > 0) {
        problems.report(ACCESS_LOG_RULES.keys, map.pos, path, `${path} lacks ${missing.length} of the ${ACCESS_LOG_KEYS.length} keys the API requires: ${missing.join(', ')}`);
    }
}
/** Warns about the keys of a mapping that are not `known`; false when it is not a mapping. */
function structured_checkKeys(node, path, known, problems) {
    if (node.kind !== 'map') {
        problems.report(LOCALITY_RULES.entries, node.pos, path, `${path} is not a mapping of ${known.join(' and ')} ${AS_ISTIO}`, {
            found: describeNode(node)
        });
        return false;
    }
    for (const entry of node.entries) {
        if (known.includes(entry.key))
            continue;
        const at = `${path}.${entry.key}`;
        const suggestion = closest(entry.key, known);
        const hint = suggestion ? `did you mean ${suggestion}?` : `the keys are ${known.join(' and ')}`;
        problems.report(known.includes('from') ? LOCALITY_RULES.entries : LOCALITY_RULES.shape, entry.keyPos, at, `${at} is not a key of Istio's locality settings, it is sent as written; ${hint}`);
    }
    return true;
}
function checkLocality(map, key, path, problems) {
    const entry = map.entries.find(e => e.key === key);
    if (!entry) {
        problems.report(LOCALITY_RULES.entries, map.pos, path, `${path} has no ${key} locality, ${AS_ISTIO}`);
    }
    else if (!isNonEmptyString(entry.value)) {
        const at = `${path}.${key}`;
        problems.report(LOCALITY_RULES.entries, entry.value.pos, at, `${at} is not a locality such as cn-hangzhou ${AS_ISTIO}`, {
            found: describeNode(entry.value)
        });
    }
}
function eachRule(node, path, problems, check) {
    if (node.kind !== 'seq' || node.items.length === 0) {
        problems.report(LOCALITY_RULES.entries, node.pos, path, `${path} is not a non-empty list of {from, to} entries ${AS_ISTIO}`, {
            found: describeNode(node)
        });
        return;
    }
    node.items.forEach((item, i) => {
        const at = `${path}[${i}]`;
        if (structured_checkKeys(item, at, ['from', 'to'], problems))
            check(item, at);
    });
}
/** Istio's LocalityLoadBalancerSetting: failover or distribute (not both); distribute weights sum to 100. */
function checkLocalityConfig(map, path, problems) {
    structured_checkKeys(map, path, ['failover', 'distribute'], problems);
    const failover = map.entries.find(e => e.key === 'failover');
    const distribute = map.entries.find(e => e.key === 'distribute');
    if (!failover && !distribute) {
        problems.report(LOCALITY_RULES.shape, map.pos, path, `${path} sets neither failover nor distribute, ${AS_ISTIO}`);
    }
    if (failover && distribute) {
        problems.report(LOCALITY_RULES.shape, distribute.keyPos, `${path}.distribute`, `${path}.distribute is set beside failover, where Istio's locality settings take one of them; it is sent as written`);
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
                problems.report(LOCALITY_RULES.entries, rule.pos, at, `${at} has no to weights, ${AS_ISTIO}`);
            else
                checkWeights(to.value, `${at}.to`, problems);
        });
    }
}
/** A locality's weight: a whole number, not negative. */
const weightOf = (node) => node.kind === 'scalar' && typeof node.value === 'number' && Number.isInteger(node.value) && node.value >= 0
    ? node.value
    : undefined;
function checkWeights(node, path, problems) {
    if (node.kind !== 'map' || node.entries.length === 0) {
        problems.report(LOCALITY_RULES.weights, node.pos, path, `${path} does not map localities to weights ${AS_ISTIO}`, {
            found: describeNode(node)
        });
        return;
    }
    const bad = node.entries.find(entry => weightOf(entry.value) === undefined);
    if (bad) {
        const at = `${path}.${bad.key}`;
        problems.report(LOCALITY_RULES.weights, bad.value.pos, at, `${at} is not a whole-number weight ${AS_ISTIO}`, {
            found: describeNode(bad.value)
        });
        return;
    }
    const total = node.entries.reduce((sum, entry) => sum + (weightOf(entry.value) ?? 0), 0);
    if (total !== 100) {
        problems.report(LOCALITY_RULES.weights, node.pos, path, `${path} weights add up to ${total}, not 100 ${AS_ISTIO}`);
    }
}

;// CONCATENATED MODULE: ./src/meshspec/tags.ts
/** Tags: a mapping of key → value, sent in the query as Tag.N.Key / Tag.N.Value (docs/reference/asm-api.md §1.1). */




/** The CreateServiceMesh doc states no tag rules; these are Alibaba Cloud's, as the tagging APIs document them. */
const TAG_RULES_SOURCE = (0,basis/* borrowed */.zF)("Alibaba Cloud's tag rules", 'the TagResources documentation (not in this repository)');
const TAG_RULES = {
    key: (0,basis/* rule */.Hu)('A tag key has 1 to 128 characters and does not start with aliyun or acs:.', TAG_RULES_SOURCE),
    value: (0,basis/* rule */.Hu)('A tag value has at most 128 characters.', TAG_RULES_SOURCE)
};
const tags_SENT = "which Alibaba Cloud's tag rules do not allow; it is sent as written";
function keyProblem(key) {
    if (key.length === 0)
        return `is empty, ${tags_SENT}`;
    if (key.length > 128)
        return `has ${key.length} characters, more than 128, ${tags_SENT}`;
    if (/^(aliyun|acs:)/i.test(key))
        return `starts with aliyun or acs:, ${tags_SENT}`;
    return undefined;
}
/** One tag's value as text, or undefined when it cannot be one (reported). */
function tagValue(entry, path, problems) {
    const node = entry.value;
    if (node.kind !== 'scalar') {
        problems.report(rulebook/* KEY_RULES */.on.type, node.pos, path, `${path} must be a single value such as prod`, {
            found: describeNode(node)
        });
        return undefined;
    }
    const value = node.value === null ? '' : scalarText(node);
    if (scalars_CONTROL.test(value)) {
        problems.report(rulebook/* KEY_RULES */.on.controlCharacter, node.pos, path, `${path} holds a control character or line break`);
        return undefined;
    }
    if (value.length > 128)
        problems.report(TAG_RULES.value, node.pos, path, `${path} has a value of ${value.length} characters, more than 128, ${tags_SENT}`);
    return value;
}
function checkTags(map, path, rules, problems) {
    let ok = true;
    for (const limit of rules) {
        if (limit.kind !== 'items' || limit.max === undefined || map.entries.length <= limit.max)
            continue;
        problems.report(limit.basis, map.pos, path, `${path} has ${map.entries.length} tags, more than the ${limit.max} ${limit.basis.source} allows; they are sent as written`);
    }
    const tags = [];
    for (const entry of map.entries) {
        const tagPath = `${path}.${entry.key}`;
        if (scalars_CONTROL.test(entry.key)) {
            problems.report(rulebook/* KEY_RULES */.on.controlCharacter, entry.keyPos, tagPath, `${path} has a key with a control character or line break`);
            ok = false;
            continue;
        }
        const problem = keyProblem(entry.key);
        if (problem)
            problems.report(TAG_RULES.key, entry.keyPos, tagPath, `${tagPath}: the key ${problem}`);
        const value = tagValue(entry, tagPath, problems);
        if (value === undefined)
            ok = false;
        else
            tags.push({ key: entry.key, value });
    }
    return ok ? { kind: 'tags', value: tags } : undefined;
}

;// CONCATENATED MODULE: ./src/meshspec/check-value.ts










function checkValue(field, node, ctx) {
    const { path, rules = [] } = field;
    const { problems } = ctx;
    const typeError = () => wrongType(problems, node, path, TYPE_EXPECTED[field.type]);
    switch (field.type) {
        case 'boolean': {
            const value = asBoolean(node);
            return value === undefined ? typeError() : { kind: 'boolean', value };
        }
        case 'integer':
        case 'number': {
            const value = field.type === 'integer' ? asInteger(node) : asNumber(node);
            if (value === undefined)
                return typeError();
            return checkNumber(problems, node, path, value, rules) ? { kind: 'number', value } : undefined;
        }
        case 'string':
        case 'quantity': {
            const value = asText(node, field.type === 'quantity');
            if (value === undefined)
                return typeError();
            return checkText(problems, node, path, value, field) ? { kind: 'text', value } : undefined;
        }
        case 'stringList':
        case 'portList':
            return checkList(ctx, field, node);
        case 'tags':
            return node.kind === 'map' ? checkTags(node, path, rules, problems) : typeError();
        case 'json':
            if (node.kind !== 'map')
                return typeError();
            if (hasFormat(rules, 'accessLogFormat'))
                checkAccessLogFormat(node, path, problems);
            if (hasFormat(rules, 'localityLbConfig'))
                checkLocalityConfig(node, path, problems);
            return { kind: 'json', value: nodeToJson(node) };
        case 'certificate':
        case 'certificates':
        case 'privateKey':
            return checkPem(field, node, ctx);
    }
}
const hasFormat = (rules, format) => rules.some(r => r.kind === 'format' && r.format === format);
/** Reports a broken constraint; true when that refuses the value. */
function broken(problems, basis, node, path, message) {
    problems.report(basis, node.pos, path, message, { found: describeNode(node) });
    return basis.level === 'error';
}
const choicesOf = (values) => values.map(v => JSON.stringify(v)).join(', ');
function enumMessage(path, value, values, basis) {
    if (basis.level === 'warning') {
        return `${path} is not one of ${choicesOf(values)} that ${basis.source} lists; the API doc does not close the list, so it is sent as written`;
    }
    const meant = values.find(v => String(v).toLowerCase() === String(value).toLowerCase());
    return `${path} must be one of ${choicesOf(values)}${meant === undefined ? '' : `; did you mean ${JSON.stringify(meant)}?`}`;
}
function rangeMessage(path, value, rule) {
    const { min, max, basis } = rule;
    if (basis.level === 'warning') {
        const side = min !== undefined && value < min ? `below ${min}, the least` : `above ${max}, the most`;
        return `${path} is ${side} ${basis.source} allows; the API doc sets no limit, so it is sent as written`;
    }
    const bounds = min !== undefined && max !== undefined
        ? `from ${min} to ${max}`
        : min !== undefined
            ? `at least ${min}`
            : `at most ${max}`;
    return `${path} must be ${bounds}`;
}
/** Enum and range constraints of a number (or of one port of a list); false when an error refuses it. */
function checkNumber(problems, node, path, value, rules) {
    let ok = true;
    for (const rule of rules) {
        if (!ok)
            break;
        if (rule.kind === 'enum' && !rule.values.includes(value))
            ok = !broken(problems, rule.basis, node, path, enumMessage(path, value, rule.values, rule.basis));
        if (rule.kind === 'range' && (value < (rule.min ?? -Infinity) || value > (rule.max ?? Infinity)))
            ok = !broken(problems, rule.basis, node, path, rangeMessage(path, value, rule));
    }
    return ok;
}
/** Control characters, closed lists, emptiness and formats of a string; false when an error refuses it. */
function checkText(problems, node, path, value, field) {
    const rules = field.rules ?? [];
    if (scalars_CONTROL.test(value))
        return !broken(problems, rulebook/* KEY_RULES */.on.controlCharacter, node, path, `${path} holds a control character or line break`);
    const enums = rules.filter(r => r.kind === 'enum');
    const closed = enums.find(r => r.basis.level === 'error');
    if (closed && !closed.values.includes(value))
        return !broken(problems, closed.basis, node, path, enumMessage(path, value, closed.values, closed.basis));
    if (value === '' && !closed) {
        if (field.required) {
            problems.report(fields/* REQUIRED_BASIS */.he[field.required], node.pos, path, `${path} must not be empty`);
            return false;
        }
        problems.report(rulebook/* KEY_RULES */.on.emptyValue, node.pos, path, `${path} is empty and is sent as an empty parameter; leave the key out to leave it unset`);
        return true;
    }
    for (const open of enums) {
        if (open !== closed && !open.values.includes(value))
            broken(problems, open.basis, node, path, enumMessage(path, value, open.values, open.basis));
    }
    for (const rule of rules) {
        if (rule.kind !== 'format' || !isStringFormat(rule.format))
            continue;
        const format = FORMATS[rule.format];
        const problem = format.check(value);
        if (problem && broken(problems, problem.rule ?? format.basis, node, path, `${path} ${problem.message}`))
            return false;
    }
    return true;
}
function checkList(ctx, field, node) {
    const { problems } = ctx;
    const { path, rules = [] } = field;
    if (node.kind !== 'seq')
        return wrongType(problems, node, path, TYPE_EXPECTED[field.type]);
    let ok = true;
    for (const rule of rules) {
        if (rule.kind !== 'items')
            continue;
        const { min = 0, max = Infinity } = rule;
        if (node.items.length >= min && node.items.length <= max)
            continue;
        const count = node.items.length < min ? `at least ${min}` : `at most ${max}`;
        problems.report(rule.basis, node.pos, path, `${path} needs ${count} ${min === 1 ? 'item' : 'items'}`);
        ok &&= rule.basis.level !== 'error';
    }
    const unique = rules.find(r => r.kind === 'unique');
    const values = [];
    node.items.forEach((item, i) => {
        const at = `${path}[${i}]`;
        const value = field.type === 'portList' ? checkPort(problems, item, at, rules) : checkItem(problems, item, at, field);
        if (value === undefined) {
            ok = false;
            return;
        }
        const message = `${at} repeats ${JSON.stringify(value)}; an item listed twice is probably a mistake, it is sent as written`;
        if (unique && values.includes(value) && broken(problems, unique.basis, item, at, message))
            ok = false;
        values.push(value);
    });
    if (!ok)
        return undefined;
    return field.type === 'portList'
        ? { kind: 'ports', value: values }
        : { kind: 'list', value: values };
}
function checkPort(problems, node, path, rules) {
    const port = asInteger(node);
    if (port === undefined)
        return wrongType(problems, node, path, 'a port number');
    return checkNumber(problems, node, path, port, rules) ? port : undefined;
}
function checkItem(problems, node, path, field) {
    const text = asText(node, false);
    if (text === undefined)
        return wrongType(problems, node, path, 'a string');
    return checkText(problems, node, path, text, field) ? text : undefined;
}

;// CONCATENATED MODULE: ./src/meshspec/rules.ts
/**
 * Cross-field rules, next to the field table they refer to. Each carries its basis (basis.ts): the
 * CreateServiceMesh doc's "must"/"requires" notes are errors, its "only if" notes warnings that the API
 * ignores the value (docs/contract.md §4.2), and a rule from anywhere else a warning naming its source.
 */

const PREPAY = { path: 'billing.chargeType', equals: 'PrePay' };
const on = (path) => ({ path, equals: true });
const BILLING_NOTE = (0,basis/* apiDocNote */.V$)('§1.1, §6.9');
const SUBSCRIPTIONS = (0,basis/* borrowed */.zF)("Alibaba Cloud's subscription APIs", 'docs/contract.md §4.2');
const KUBERNETES = (0,basis/* borrowed */.zF)('Kubernetes, which refuses a request above its limit', `${basis/* ASM_DOC */.VS} §6.4`);
const resources = (component) => ['cpu', 'memory'].map(kind => ({
    kind: 'notAbove',
    path: `${component}.resources.requests.${kind}`,
    limit: `${component}.resources.limits.${kind}`,
    basis: KUBERNETES,
    note: 'Kubernetes refuses a request above its limit, but it is sent as written'
}));
/** ExistingCaType "1" is istio-ca-secret (cert + key), "2" is cacerts (root cert + root key): asm-api.md §6.7. */
const caType = (type, path) => ({
    kind: 'needs',
    path,
    when: [{ path: 'certificateAuthority.type', equals: type }],
    basis: (0,basis/* apiDoc */.LU)('§6.7'),
    note: `the API doc says ExistingCaType "${type}" needs ${type === '1' ? 'ExistingCaCert and ExistingCaKey' : 'ExistingRootCaCert and ExistingRootCaKey'}`
});
const keyNeedsCert = (path, cert) => [
    {
        kind: 'needs',
        path: cert,
        when: [{ path }],
        basis: (0,basis/* neverWorks */.R_)('a CA key is of no use without its certificate'),
        note: 'a CA key is of no use without its certificate'
    },
    {
        kind: 'keyMatchesCert',
        path,
        cert,
        basis: (0,basis/* neverWorks */.R_)('a CA signs with the private key of its own certificate'),
        note: `the key must be the private key of the certificate in ${cert}`
    }
];
const CROSS_RULES = [
    ...['billing.period', 'billing.autoRenew', 'billing.autoRenewPeriod'].map((path) => ({
        kind: 'only',
        path,
        when: [PREPAY],
        basis: BILLING_NOTE,
        note: 'the API doc says it applies only to PrePay, so the API ignores it'
    })),
    {
        kind: 'only',
        path: 'billing.autoRenewPeriod',
        when: [on('billing.autoRenew')],
        basis: SUBSCRIPTIONS,
        note: "Alibaba Cloud's subscription APIs use a renewal period only with auto-renewal, but it is sent as written"
    },
    {
        kind: 'needs',
        path: 'billing.period',
        when: [PREPAY],
        basis: SUBSCRIPTIONS,
        note: "Alibaba Cloud's subscription APIs need the length of a subscription, and the API doc states no default"
    },
    {
        kind: 'only',
        path: 'prometheus.url',
        when: [on('prometheus.customized')],
        basis: (0,basis/* borrowed */.zF)("the API doc's note that PrometheusUrl is used with CustomizedPrometheus", `${basis/* ASM_DOC */.VS} §1.1`),
        note: 'the API doc uses PrometheusUrl with CustomizedPrometheus, so the API probably ignores it'
    },
    {
        kind: 'needs',
        path: 'prometheus.url',
        when: [on('prometheus.customized')],
        basis: (0,basis/* borrowed */.zF)("Terraform's provider, which sends both", `${basis/* ASM_DOC */.VS} §5`),
        note: 'your own Prometheus needs its address, though the API doc does not require it'
    },
    {
        kind: 'only',
        path: 'kiali.enabled',
        value: true,
        when: [on('prometheus.enabled')],
        basis: (0,basis/* apiDoc */.LU)('§1.1'),
        note: 'the API doc says KialiEnabled requires Telemetry'
    },
    {
        kind: 'only',
        path: 'accessLog.format',
        when: [on('accessLog.enabled')],
        basis: (0,basis/* apiDocNote */.V$)('§6.5'),
        note: 'the API doc says AccessLogFormat is used only with access logs on, so the API ignores it'
    },
    ...['host', 'port'].map((part) => ({
        kind: 'needs',
        path: `accessLog.service.${part}`,
        when: [on('accessLog.service.enabled')],
        basis: (0,basis/* borrowed */.zF)('this action: logs are sent to a host and port', 'docs/contract.md §4.2'),
        note: `the access log service needs a ${part} to send to, though the API doc does not require it`
    })),
    {
        kind: 'only',
        path: 'localityLoadBalancing.config',
        when: [on('localityLoadBalancing.enabled')],
        basis: (0,basis/* borrowed */.zF)("Istio's locality settings, which act only when locality load balancing is on", `${basis/* ASM_DOC */.VS} §6.6`),
        note: 'Istio applies locality settings only with locality load balancing on, so they are probably ignored'
    },
    {
        kind: 'needs',
        path: 'configSource.nacosId',
        when: [on('configSource.enabled')],
        basis: (0,basis/* borrowed */.zF)('this action: a Nacos config source needs its instance', `${basis/* ASM_DOC */.VS} §1.1`),
        note: 'the config source needs the id of a Nacos instance, though the API doc does not require it'
    },
    ...resources('opa'),
    ...resources('proxy'),
    caType('1', 'certificateAuthority.cert'),
    caType('1', 'certificateAuthority.key'),
    caType('2', 'certificateAuthority.rootCert'),
    caType('2', 'certificateAuthority.rootKey'),
    ...keyNeedsCert('certificateAuthority.key', 'certificateAuthority.cert'),
    ...keyNeedsCert('certificateAuthority.rootKey', 'certificateAuthority.rootCert')
];

;// CONCATENATED MODULE: ./src/meshspec/cross.ts


function checkCrossRules(ctx) {
    for (const rule of CROSS_RULES)
        crossRule(rule, ctx);
}
/** true / false, or undefined when a condition's field is set but invalid (already reported). */
function holds(conditions, present) {
    let result = true;
    for (const { path, equals } of conditions) {
        const field = present.get(path);
        if (!field)
            return false;
        if (equals === undefined)
            continue;
        if (!field.checked)
            result = undefined;
        else if (field.checked.value !== equals)
            return false;
    }
    return result;
}
/** A value as YAML shows it: strings quoted, so `type: "2"` is not read as a number. */
const cross_shown = (value) => typeof value === 'string' ? JSON.stringify(value) : String(value);
function describeConditions(conditions, present) {
    const expected = conditions.map(c => c.equals === undefined ? `${c.path} set` : `${c.path}: ${cross_shown(c.equals)}`);
    const found = conditions.map(c => {
        const checked = present.get(c.path)?.checked;
        if (!checked)
            return present.has(c.path) ? `${c.path} invalid` : `${c.path} not set`;
        return typeof checked.value === 'object' ? `${c.path} set` : `${c.path}: ${cross_shown(checked.value)}`;
    });
    return { expected: expected.join(' and '), found: found.join(', ') };
}
function crossRule(rule, ctx) {
    const { problems, present } = ctx;
    const subject = present.get(rule.path);
    const error = rule.basis.level === 'error';
    switch (rule.kind) {
        case 'only': {
            if (!subject || (rule.value !== undefined && subject.checked?.value !== rule.value))
                return;
            if (holds(rule.when, present) !== false)
                return;
            const shown = rule.value === undefined ? rule.path : `${rule.path}: ${rule.value}`;
            const { expected, found } = describeConditions(rule.when, present);
            const message = `${shown} ${error ? 'needs' : 'is set without'} ${expected}; ${rule.note}`;
            return problems.report(rule.basis, subject.entry.keyPos, rule.path, message, { found });
        }
        case 'needs': {
            if (subject || holds(rule.when, present) !== true)
                return;
            const last = present.get(rule.when[rule.when.length - 1].path);
            const { expected } = describeConditions(rule.when, present);
            const message = `${rule.path} ${error ? 'is required' : 'is not set'} with ${expected}; ${rule.note}`;
            return problems.report(rule.basis, last.entry.keyPos, rule.path, message);
        }
        case 'notAbove': {
            const limit = present.get(rule.limit);
            if (subject?.checked?.kind !== 'text' || limit?.checked?.kind !== 'text')
                return;
            const [request, most] = [subject.checked.value, limit.checked.value];
            if (quantityAmount(request) <= quantityAmount(most))
                return;
            const message = `${rule.path} ${request} is above ${rule.limit} ${most}; ${rule.note}`;
            return problems.report(rule.basis, subject.entry.value.pos, rule.path, message);
        }
        case 'keyMatchesCert': {
            const key = ctx.keys.get(rule.path);
            const certificate = ctx.certificates.get(rule.cert)?.[0];
            if (!key || !certificate || certificate.checkPrivateKey(key))
                return;
            const message = `${rule.path} does not match ${rule.cert}; ${rule.note}`;
            return problems.report(rule.basis, subject.entry.value.pos, rule.path, message);
        }
    }
}

;// CONCATENATED MODULE: ./src/meshspec/extras.ts
/** extraParameters: raw CreateServiceMesh parameters this version does not map yet (docs/contract.md §4). */





const API_NAMES = new Map(fields/* FIELDS */.cJ.map(f => [f.api.toLowerCase(), f]));
/** Names the RPC protocol itself uses: an extra parameter with one of them would confuse the request. */
const RESERVED_NAMES = new Set(['Action', 'Version', 'Format', 'AccessKeyId', 'SecurityToken', 'Signature', 'SignatureMethod']
    .concat(['SignatureVersion', 'SignatureNonce', 'SignatureType', 'Timestamp'])
    .map(n => n.toLowerCase()));
const EXTRA_NAME = /^[A-Za-z][A-Za-z0-9]*$/;
/** The field a name means, ignoring case: `traceSampling` is TraceSampling. */
const fieldOfApiName = (name) => API_NAMES.get(name.toLowerCase());
function nameProblem(name, path) {
    const mapped = fieldOfApiName(name);
    if (!EXTRA_NAME.test(name))
        return {
            rule: rulebook/* EXTRA_RULES */.lE.name,
            message: `${path} is not an API parameter name: use letters and digits, such as SomeFutureFlag`
        };
    if (mapped)
        return { rule: rulebook/* EXTRA_RULES */.lE.mapped, message: `${path} is mapped by the spec: set it as ${mapped.path}` };
    if (RESERVED_NAMES.has(name.toLowerCase()))
        return {
            rule: rulebook/* EXTRA_RULES */.lE.reserved,
            message: `${path} is reserved by the API protocol: use only CreateServiceMesh parameters`
        };
    return undefined;
}
function checkExtras(entry, problems) {
    const { value: node } = entry;
    if (node.kind !== 'map') {
        wrongType(problems, node, 'extraParameters', 'a mapping of API parameter names to values');
        return [];
    }
    const extras = [];
    for (const extra of node.entries) {
        const path = `extraParameters.${extra.key}`;
        const problem = nameProblem(extra.key, path);
        if (problem) {
            problems.report(problem.rule, extra.keyPos, path, problem.message);
            continue;
        }
        const scalar = extra.value;
        if (hasReportedPart(scalar))
            continue;
        if (scalar.kind !== 'scalar' || scalar.value === null) {
            problems.report(rulebook/* EXTRA_RULES */.lE.name, scalar.pos, path, `${path} must be a single value: a string, number or boolean`, {
                found: describeNode(scalar)
            });
        }
        else
            extras.push({ name: extra.key, text: scalarText(scalar) });
    }
    return extras;
}

;// CONCATENATED MODULE: ./src/meshspec/validate.ts
/**
 * The spec tree → checked values, reporting every problem of docs/contract.md §4.2 at its line and column. Driven by
 * the field table (fields.ts) and the cross-field rules (rules.ts); nothing here knows a parameter by name.
 */










/** The known keys, in the order a listing shows them: version, the fields in table order, lifecycle, extraParameters. */
function buildKeyTree() {
    const root = new Map([['version', 'version']]);
    for (const field of [...fields/* FIELDS */.cJ, ...fields/* ACTION_FIELDS */.RQ]) {
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
    root.set('extraParameters', 'extraParameters');
    return root;
}
const KEY_TREE = buildKeyTree();
/** A name for the secret that a key field is written from, as in docs/contract.md §4 (`ASM_CA_KEY`). */
const secretName = (field) => `ASM_${field.api
    .replace(/^Existing/, '')
    .replace(/([a-z])([A-Z])/g, '$1_$2')
    .toUpperCase()}`;
function validateSpec(root, problems) {
    return new Validator(problems).run(root);
}
class Validator {
    ctx;
    extras = [];
    secretTexts = [];
    /** Keys an unknown key was probably meant to be: they are not reported missing as well. */
    meant = [];
    /** The line where the known keys of a section were listed, so that they are listed once. */
    listedAt = new Map();
    version;
    constructor(problems) {
        this.ctx = { problems, present: new Map(), certificates: new Map(), keys: new Map() };
    }
    run(root) {
        this.walk(root, KEY_TREE, '');
        this.checkRequired();
        checkCrossRules(this.ctx);
        const fields = new Map();
        for (const [path, { checked }] of this.ctx.present)
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
                this.extras.push(...checkExtras(entry, this.ctx.problems));
            else if (!(target instanceof Map))
                this.checkField(target, entry);
            else if (entry.value.kind === 'map')
                this.walk(entry.value, target, path);
            else {
                const keys = [...target.keys()].slice(0, 4).join(', ');
                wrongType(this.ctx.problems, entry.value, path, `a mapping with keys such as ${keys}`);
            }
        }
    }
    unknownKey(entry, parent, tree) {
        const { problems } = this.ctx;
        const path = parent ? `${parent}.${entry.key}` : entry.key;
        const message = `${path} is not a known key`;
        if (problems.isFull)
            return problems.report(rulebook/* KEY_RULES */.on.unknownKey, entry.keyPos, path, message);
        const sibling = closest(entry.key, tree.keys());
        const lower = entry.key.toLowerCase();
        // The API name, or the one field elsewhere with this last segment (`sampling` → tracing.sampling).
        const sameName = fields/* FIELDS */.cJ.filter(f => f.path.split('.').pop()?.toLowerCase() === lower);
        const elsewhere = fieldOfApiName(entry.key)?.path ?? (sameName.length === 1 ? sameName[0].path : undefined);
        const suggestion = sibling ? (parent ? `${parent}.${sibling}` : sibling) : elsewhere;
        if (suggestion)
            this.meant.push(suggestion);
        const where = parent ? `of ${parent}` : 'at the top level';
        const listed = this.listedAt.get(parent);
        const advice = suggestion
            ? `did you mean ${suggestion}?`
            : listed
                ? `line ${listed} lists the keys ${where}`
                : `the keys ${where} are ${[...tree.keys()].join(', ')}`;
        if (!suggestion && !listed)
            this.listedAt.set(parent, entry.keyPos.line);
        problems.report(rulebook/* KEY_RULES */.on.unknownKey, entry.keyPos, path, `${message}; ${advice}`);
    }
    checkField(field, entry) {
        const { problems } = this.ctx;
        const present = { entry };
        this.ctx.present.set(field.path, present);
        const node = entry.value;
        if (field.deprecated)
            problems.report(fields/* DEPRECATED */.GQ, entry.keyPos, field.path, `${field.path} is deprecated: ${field.deprecated}`);
        if (field.secret && node.kind === 'scalar' && typeof node.value === 'string')
            this.secretTexts.push(node.value);
        if (hasReportedPart(node))
            return;
        if (field.mustInterpolate && !(node.kind === 'scalar' && node.env?.whole)) {
            const name = secretName(field);
            const key = field.path.split('.').pop();
            problems.report(rulebook/* ENV_RULES */.Yl.fromSecret, node.pos, field.path, `${field.path} must come from a secret, not from the file: write ${key}: \${${name}} and set ${name}: \${{ secrets.${name} }} in the step's env:`, { found: node.kind === 'scalar' ? 'a value written in the file' : describeNode(node) });
            return;
        }
        present.checked = checkValue(field, node, this.ctx);
    }
    isMeant = (path) => this.meant.some(m => path === m || path.startsWith(`${m}.`));
    checkRequired() {
        const { problems } = this.ctx;
        const version = rulebook/* KEY_RULES */.on.version;
        if (!this.version) {
            if (!this.isMeant('version'))
                problems.report(version, meshspec_problems/* START */.d3, 'version', 'version is required: add version: 1');
        }
        else if (asInteger(this.version.value) !== 1) {
            problems.report(version, this.version.value.pos, 'version', 'version must be 1, the only format version', {
                found: describeNode(this.version.value)
            });
        }
        for (const field of fields/* FIELDS */.cJ) {
            if (!field.required || this.ctx.present.has(field.path) || this.isMeant(field.path))
                continue;
            const why = field.required === 'spec' ? 'it identifies the mesh' : `the API needs ${field.api}`;
            problems.report(fields/* REQUIRED_BASIS */.he[field.required], this.nearestPosition(field.path), field.path, `${field.path} is required: ${why}`);
        }
    }
    /** Where to report a missing field: its closest present section, else the start of the file. */
    nearestPosition(path) {
        const sections = path.split('.').slice(0, -1);
        for (let n = sections.length; n > 0; n--) {
            const prefix = `${sections.slice(0, n).join('.')}.`;
            const sibling = [...this.ctx.present.entries()].find(([p]) => p.startsWith(prefix));
            if (sibling)
                return sibling[1].entry.keyPos;
        }
        return meshspec_problems/* START */.d3;
    }
}

;// CONCATENATED MODULE: ./src/meshspec/index.ts
/**
 * The spec engine: a spec file in the workspace → diagnostics, values to mask, and (only when there is no
 * error) the exact CreateServiceMesh request. Pure and local: no network.
 */







/**
 * Reads and checks the spec. Rejects with an ActionError when the file cannot be read (outside the
 * workspace, missing, a directory); problems with what it holds, its size included, come back as diagnostics.
 */
async function loadSpec(options) {
    const { relative, bytes } = (0,workspace/* readSpecFile */.MB)(options.workspace, options.specPath);
    return evaluateSpec(bytes, { file: relative, env: options.env });
}
/** The same for bytes already in memory (tests, benchmarks, fuzzing). Never throws on bad content. */
function evaluateSpec(bytes, options) {
    const parsed = parseSpec(bytes, options);
    if (parsed.root)
        checkSafety(parsed.root, parsed.problems);
    const validated = parsed.root ? validateSpec(parsed.root, parsed.problems) : undefined;
    const diagnostics = parsed.problems.all();
    const result = {
        file: options.file,
        diagnostics,
        secrets: secretsToMask(parsed.envValues, validated?.secretTexts ?? [])
    };
    if (validated && !(0,src_diagnostics/* hasErrors */.C)(diagnostics))
        result.request = buildRequest(validated.values, environmentPaths(parsed.root));
    return result;
}


/***/ }),

/***/ 9996:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   g: () => (/* binding */ decodeText),
/* harmony export */   p: () => (/* binding */ MAX_SPEC_BYTES)
/* harmony export */ });
/* harmony import */ var node_buffer__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4573);
/* harmony import */ var node_buffer__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_buffer__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _lines_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7185);
/* harmony import */ var _problems_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4424);
/* harmony import */ var _rulebook_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3123);
/** The spec file's bytes → text: bounded in size, UTF-8 (RFC 3629) and printable as YAML 1.2 wants. */




const MAX_SPEC_BYTES = 1024 * 1024;
/** Bytes → text, or undefined with a diagnostic for oversized, binary or non-UTF-8 input. */
function decodeText(input, problems) {
    if (input.length > MAX_SPEC_BYTES) {
        // No size in `found`: a file is read only up to one byte past the limit (workspace.ts).
        problems.report(_rulebook_js__WEBPACK_IMPORTED_MODULE_2__/* .FILE_RULES */ .hV.size, _problems_js__WEBPACK_IMPORTED_MODULE_1__/* .START */ .d3, '', 'the spec file is larger than 1 MiB');
        return undefined;
    }
    const nul = input.indexOf(0);
    if (nul >= 0) {
        problems.report(_rulebook_js__WEBPACK_IMPORTED_MODULE_2__/* .FILE_RULES */ .hV.text, bytePosition(input, nul), '', 'the file contains NUL bytes: it looks binary, not a YAML text file');
        return undefined;
    }
    // The native check first: the byte loop below only has to find where a file goes wrong.
    const invalid = (0,node_buffer__WEBPACK_IMPORTED_MODULE_0__.isUtf8)(input) ? -1 : firstInvalidUtf8(input);
    if (invalid >= 0) {
        problems.report(_rulebook_js__WEBPACK_IMPORTED_MODULE_2__/* .FILE_RULES */ .hV.text, bytePosition(input, invalid), '', 'the file is not valid UTF-8', {
            found: `byte 0x${input[invalid].toString(16).padStart(2, '0')} at offset ${invalid}`
        });
        return undefined;
    }
    const text = new TextDecoder('utf-8').decode(input);
    // YAML 1.2 allows only printable characters (tab, line breaks and the printable Unicode ranges).
    // eslint-disable-next-line no-control-regex -- finding control characters is the point
    const control = /[\x01-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ufffe\uffff]/.exec(text);
    if (control) {
        problems.report(_rulebook_js__WEBPACK_IMPORTED_MODULE_2__/* .FILE_RULES */ .hV.text, new _lines_js__WEBPACK_IMPORTED_MODULE_3__/* .LineIndex */ .r(text).range(control.index, control.index + 1), '', 'the file contains a control character, which YAML 1.2 does not allow', {
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


/***/ }),

/***/ 7185:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   r: () => (/* binding */ LineIndex)
/* harmony export */ });
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


/***/ }),

/***/ 4424:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Zw: () => (/* binding */ Problems),
/* harmony export */   d3: () => (/* binding */ START)
/* harmony export */ });
/* unused harmony export MAX_DIAGNOSTICS */
const MAX_DIAGNOSTICS = 200;
class Problems {
    list = [];
    file;
    dropped = 0;
    constructor(file) {
        this.file = file;
    }
    /** A broken rule: an error or a warning as the rule's basis says (basis.ts). */
    report(rule, pos, path, message, detail = {}) {
        this.add(rule.level, pos, path, message, detail);
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


/***/ }),

/***/ 3123:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Yl: () => (/* binding */ ENV_RULES),
/* harmony export */   hV: () => (/* binding */ FILE_RULES),
/* harmony export */   lE: () => (/* binding */ EXTRA_RULES),
/* harmony export */   on: () => (/* binding */ KEY_RULES)
/* harmony export */ });
/* harmony import */ var _basis_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/**
 * The rules that hold for every spec, whatever field they meet: the file, YAML, keys, types and `${NAME}`.
 * Rules of one field live in its entry of the field table (fields.ts), cross-field rules in rules.ts, the
 * rules of the structured values beside their checks; docs/rules.md lists them all (rules-doc.ts).
 */

const LIMITS = (0,_basis_js__WEBPACK_IMPORTED_MODULE_0__/* .specFormat */ .BI)('§4.2');
const FILE_RULES = {
    size: (0,_basis_js__WEBPACK_IMPORTED_MODULE_0__/* .rule */ .Hu)('The file is at most 1 MiB.', LIMITS),
    text: (0,_basis_js__WEBPACK_IMPORTED_MODULE_0__/* .rule */ .Hu)('The file is UTF-8 text without NUL bytes or control characters (YAML 1.2).', LIMITS),
    syntax: (0,_basis_js__WEBPACK_IMPORTED_MODULE_0__/* .rule */ .Hu)('The file is valid YAML 1.2; the message points at the line of the mistake.', LIMITS),
    bounds: (0,_basis_js__WEBPACK_IMPORTED_MODULE_0__/* .rule */ .Hu)('At most 64 levels of nesting, 50,000 YAML tokens, 100 aliases and 10,000 values added by aliases.', LIMITS),
    oneDocument: (0,_basis_js__WEBPACK_IMPORTED_MODULE_0__/* .rule */ .Hu)('The file holds one YAML document (one mesh per file).', LIMITS),
    rootMapping: (0,_basis_js__WEBPACK_IMPORTED_MODULE_0__/* .rule */ .Hu)('The file is not empty and its top level is a mapping.', LIMITS),
    duplicateKey: (0,_basis_js__WEBPACK_IMPORTED_MODULE_0__/* .rule */ .Hu)('Each key appears once per mapping.', LIMITS),
    plainKey: (0,_basis_js__WEBPACK_IMPORTED_MODULE_0__/* .rule */ .Hu)('Keys are plain names, not mappings or lists.', LIMITS),
    plainValue: (0,_basis_js__WEBPACK_IMPORTED_MODULE_0__/* .rule */ .Hu)('Values are plain YAML: no tags such as !secret or !!binary.', LIMITS),
    alias: (0,_basis_js__WEBPACK_IMPORTED_MODULE_0__/* .rule */ .Hu)('An alias (*name) refers to an anchor (&name) defined before it.', LIMITS)
};
const KEY_RULES = {
    unknownKey: (0,_basis_js__WEBPACK_IMPORTED_MODULE_0__/* .rule */ .Hu)('Only known keys; the closest known key is suggested.', (0,_basis_js__WEBPACK_IMPORTED_MODULE_0__/* .specFormat */ .BI)('§4.2')),
    version: (0,_basis_js__WEBPACK_IMPORTED_MODULE_0__/* .rule */ .Hu)('version: 1 is set.', (0,_basis_js__WEBPACK_IMPORTED_MODULE_0__/* .specFormat */ .BI)('§4')),
    type: (0,_basis_js__WEBPACK_IMPORTED_MODULE_0__/* .rule */ .Hu)("Each value has its field's type: YAML 1.2 booleans (yes is a string), integers where the API takes " +
        'integers, a mapping for a section; a JSON string given for a mapping gets a hint to write YAML.', (0,_basis_js__WEBPACK_IMPORTED_MODULE_0__/* .specFormat */ .BI)('§4.2')),
    controlCharacter: (0,_basis_js__WEBPACK_IMPORTED_MODULE_0__/* .rule */ .Hu)('A value holds no control characters or line breaks (except certificates and keys).', (0,_basis_js__WEBPACK_IMPORTED_MODULE_0__/* .neverWorks */ .R_)('parameters are single lines of text, and values are printed in logs (SECURITY.md)')),
    emptyValue: (0,_basis_js__WEBPACK_IMPORTED_MODULE_0__/* .rule */ .Hu)('A string is not empty where the field lists no empty value; leave the key out to leave it unset.', (0,_basis_js__WEBPACK_IMPORTED_MODULE_0__/* .borrowed */ .zF)('this action: an empty parameter is probably a mistake', 'docs/contract.md §4.2'))
};
const ENV_RULES = {
    reference: (0,_basis_js__WEBPACK_IMPORTED_MODULE_0__/* .rule */ .Hu)('${NAME} is well formed and names a variable that is set and not empty.', (0,_basis_js__WEBPACK_IMPORTED_MODULE_0__/* .specFormat */ .BI)('§4.1')),
    expression: (0,_basis_js__WEBPACK_IMPORTED_MODULE_0__/* .rule */ .Hu)('${{ … }} does not appear in the file: expressions are evaluated in workflow files only.', (0,_basis_js__WEBPACK_IMPORTED_MODULE_0__/* .neverWorks */ .R_)('GitHub evaluates ${{ }} in the workflow, never in a file the action reads')),
    bareReference: (0,_basis_js__WEBPACK_IMPORTED_MODULE_0__/* .rule */ .Hu)('$NAME without braces is sent as written, not replaced.', (0,_basis_js__WEBPACK_IMPORTED_MODULE_0__/* .borrowed */ .zF)('this action: only ${NAME} is replaced', 'docs/contract.md §4.1')),
    ownVariables: (0,_basis_js__WEBPACK_IMPORTED_MODULE_0__/* .rule */ .Hu)("${NAME} names none of the runner's or the action's own variables (ACTIONS_*, GITHUB_*, RUNNER_*, " +
        "INPUT_*, ALIBABA_CLOUD_*), nor a variable holding one of the run's credentials.", (0,_basis_js__WEBPACK_IMPORTED_MODULE_0__/* .specFormat */ .BI)('§4.1')),
    fromSecret: (0,_basis_js__WEBPACK_IMPORTED_MODULE_0__/* .rule */ .Hu)('A CA private key comes from ${NAME}, never written in the file.', (0,_basis_js__WEBPACK_IMPORTED_MODULE_0__/* .specFormat */ .BI)('§4.1'))
};
const EXTRA_RULES = {
    mapped: (0,_basis_js__WEBPACK_IMPORTED_MODULE_0__/* .rule */ .Hu)('extraParameters does not name a parameter the spec maps.', (0,_basis_js__WEBPACK_IMPORTED_MODULE_0__/* .specFormat */ .BI)('§4.2')),
    reserved: (0,_basis_js__WEBPACK_IMPORTED_MODULE_0__/* .rule */ .Hu)('extraParameters does not name a parameter of the RPC protocol (Action, Signature, ...).', (0,_basis_js__WEBPACK_IMPORTED_MODULE_0__/* .neverWorks */ .R_)('it would break the signed request')),
    name: (0,_basis_js__WEBPACK_IMPORTED_MODULE_0__/* .rule */ .Hu)('An extra parameter is named with letters and digits, and its value is a single scalar.', (0,_basis_js__WEBPACK_IMPORTED_MODULE_0__/* .neverWorks */ .R_)('API parameter names are letters and digits, and their values single texts'))
};


/***/ }),

/***/ 3338:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FK: () => (/* binding */ isInside),
/* harmony export */   MB: () => (/* binding */ readSpecFile)
/* harmony export */ });
/* unused harmony export readBoundedFile */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8262);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3916);
/* harmony import */ var _meshspec_input_text_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9996);
/**
 * The workspace: what is inside it (for the spec file and the state file), and the spec file read safely
 * from there (no escapes through `..`, absolute paths or links). Synchronous on purpose: a few small reads at
 * start-up, with nothing to overlap them with; the first async fs call would also pay for starting libuv's
 * thread pool.
 */




const code = (error) => error?.code;
/**
 * Whether `child` is `parent` or below it (both absolute and resolved). The folder itself counts as
 * inside: a caller that needs a file below it refuses the folder on its own terms ("is a directory").
 */
function isInside(parent, child) {
    const relative = node_path__WEBPACK_IMPORTED_MODULE_1___default().relative(parent, child);
    return relative === '' || (!relative.startsWith('..') && !node_path__WEBPACK_IMPORTED_MODULE_1___default().isAbsolute(relative));
}
function readSpecFile(workspace, specPath) {
    if (!workspace) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ActionError */ .l('GITHUB_WORKSPACE is not set', 'Run the action in a GitHub Actions job (or set GITHUB_WORKSPACE).');
    }
    if (!specPath.trim())
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ActionError */ .l('the spec input is empty', 'Set spec: to the path of the mesh spec file.');
    if (specPath.includes('\0'))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ActionError */ .l('the spec path contains a NUL character', 'Fix the spec input.');
    const root = node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(workspace);
    const candidate = node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(root, specPath);
    const relative = node_path__WEBPACK_IMPORTED_MODULE_1___default().relative(root, candidate).split((node_path__WEBPACK_IMPORTED_MODULE_1___default().sep)).join('/');
    const advice = `Give spec: as a path relative to the workspace (${root}), without .. leaving it.`;
    if (!isInside(root, candidate)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ActionError */ .l(`the spec path ${JSON.stringify(specPath)} points outside the workspace`, advice);
    }
    let real;
    try {
        real = node_fs__WEBPACK_IMPORTED_MODULE_0__.realpathSync.native(candidate);
    }
    catch (error) {
        if (code(error) === 'ENOENT' || code(error) === 'ENOTDIR') {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ActionError */ .l(`spec file not found: ${relative} (tried ${candidate})`, 'Check the spec input, and run actions/checkout before this step.');
        }
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ActionError */ .l(`cannot resolve the spec path ${relative}: ${code(error) ?? String(error)}`, advice);
    }
    const realRoot = realRootOf(root);
    if (!isInside(realRoot, real)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ActionError */ .l(`the spec path ${relative} is a link to a file outside the workspace`, advice);
    }
    try {
        return { relative, bytes: readRegularFile(real, relative, advice) };
    }
    catch (error) {
        if (error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ActionError */ .l)
            throw error;
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ActionError */ .l(`cannot read the spec file ${relative}: ${code(error) ?? String(error)}`, advice);
    }
}
function realRootOf(root) {
    try {
        return node_fs__WEBPACK_IMPORTED_MODULE_0__.realpathSync.native(root);
    }
    catch {
        return root;
    }
}
function readRegularFile(real, relative, advice) {
    const info = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(real);
    if (info.isDirectory()) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ActionError */ .l(`the spec path ${relative} is a directory`, 'Point spec: at the YAML file itself.');
    }
    if (!info.isFile())
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ActionError */ .l(`the spec path ${relative} is not a regular file`, advice);
    return readBoundedFile(real);
}
/**
 * A spec file's bytes, at most one byte more than MAX_SPEC_BYTES: enough for the spec engine to refuse
 * a larger file (meshspec/input-text.ts), whatever its size, without ever reading it whole. Not zero-filled: only the bytes read are
 * returned, and the pages never written cost no memory.
 */
function readBoundedFile(file) {
    const fd = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.openSync)(file, 'r');
    try {
        const buffer = Buffer.allocUnsafe(_meshspec_input_text_js__WEBPACK_IMPORTED_MODULE_3__/* .MAX_SPEC_BYTES */ .p + 1);
        let length = 0;
        while (length < buffer.length) {
            const bytesRead = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readSync)(fd, buffer, length, buffer.length - length, length);
            if (bytesRead === 0)
                break;
            length += bytesRead;
        }
        return buffer.subarray(0, length);
    }
    finally {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.closeSync)(fd);
    }
}


/***/ })

};
