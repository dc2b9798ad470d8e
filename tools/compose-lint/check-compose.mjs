// Checks a Compose file the way `docker compose config` would, without Docker: YAML with anchors and
// merge keys, ${VAR} interpolation (shell environment, then the .env file next to the compose file),
// the Compose Specification JSON schema (the copy dclint ships), and the cross-references the schema
// cannot express. Exit code 0 when valid, 1 with one line per problem otherwise.
//   node check-compose.mjs path/to/compose.yml
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import Ajv from 'ajv';
import { parse } from 'yaml';

const require = createRequire(import.meta.url);
const file = process.argv[2];
if (!file) {
  console.error('usage: node check-compose.mjs compose.yml');
  process.exit(2);
}
const dir = path.dirname(path.resolve(file));
const problems = [];

// --- variables: the shell wins over .env, as in Compose ---------------------------------------------
const vars = {};
const dotenv = path.join(dir, '.env');
if (existsSync(dotenv)) {
  for (const line of readFileSync(dotenv, 'utf8').split(/\r?\n/)) {
    const m = line.match(/^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/);
    if (m) vars[m[1]] = m[2].replace(/^(['"])(.*)\1$/, '$2');
  }
}
Object.assign(vars, process.env);

// ${VAR}, ${VAR:-default}, ${VAR-default}, ${VAR:?error}, ${VAR?error}, ${VAR:+alt}, ${VAR+alt}, $VAR, $$.
function interpolate(text, where) {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c !== '$') { out += c; continue; }
    const next = text[i + 1];
    if (next === '$') { out += '$'; i++; continue; }
    if (next === '{') {
      let depth = 1;
      let j = i + 2;
      for (; j < text.length && depth > 0; j++) {
        if (text[j] === '{') depth++;
        else if (text[j] === '}') depth--;
      }
      if (depth !== 0) {
        problems.push(`${where}: unclosed \${ in "${text}"`);
        return text;
      }
      const body = text.slice(i + 2, j - 1);
      const m = body.match(/^([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?+])([\s\S]*))?$/);
      if (!m) {
        problems.push(`${where}: invalid interpolation "\${${body}}"`);
        return text;
      }
      const [, name, op, arg] = m;
      const value = vars[name];
      const set = value !== undefined;
      const nonEmpty = set && value !== '';
      const ok = op && op.startsWith(':') ? nonEmpty : set;
      if (!op) out += set ? value : '';
      else if (op.endsWith('-')) out += ok ? value : interpolate(arg, where);
      else if (op.endsWith('+')) out += ok ? interpolate(arg, where) : '';
      else if (op.endsWith('?')) {
        if (!ok) problems.push(`${where}: required variable ${name} is missing: ${arg}`);
        out += ok ? value : '';
      }
      i = j - 1;
      continue;
    }
    const m = text.slice(i + 1).match(/^[A-Za-z_][A-Za-z0-9_]*/);
    if (m) {
      out += vars[m[0]] ?? '';
      i += m[0].length;
    } else {
      out += '$';
    }
  }
  return out;
}

function interpolateAll(node, where) {
  if (typeof node === 'string') return interpolate(node, where);
  if (Array.isArray(node)) return node.map((v, k) => interpolateAll(v, `${where}[${k}]`));
  if (node && typeof node === 'object') {
    const out = {};
    for (const [k, v] of Object.entries(node)) out[k] = interpolateAll(v, where ? `${where}.${k}` : k);
    return out;
  }
  return node;
}

// --- parse -------------------------------------------------------------------------------------------
let model;
try {
  model = parse(readFileSync(file, 'utf8'), { merge: true, uniqueKeys: true, prettyErrors: true });
} catch (e) {
  console.error(`${file}: invalid YAML: ${e.message}`);
  process.exit(1);
}
model = interpolateAll(model, '');

// --- schema ------------------------------------------------------------------------------------------
const schemaFile = path.join(path.dirname(require.resolve('dclint/package.json')), 'schemas', 'compose.schema.json');
const schema = JSON.parse(readFileSync(schemaFile, 'utf8'));
delete schema.$schema; // draft-07, Ajv's default; its https spelling is not registered in Ajv
const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false });
const validate = ajv.compile(schema);
if (!validate(model)) {
  for (const e of validate.errors) {
    problems.push(`schema: ${e.instancePath || '/'} ${e.message}${e.params && e.params.additionalProperty ? ` (${e.params.additionalProperty})` : ''}`);
  }
}

// --- references --------------------------------------------------------------------------------------
const services = model.services || {};
const volumes = model.volumes || {};
const networks = model.networks || {};
const names = Object.keys(services);

function dockerfileOf(svc) {
  if (!svc.build) return null;
  const build = typeof svc.build === 'string' ? { context: svc.build } : svc.build;
  const context = path.resolve(dir, build.context || '.');
  return { context, dockerfile: path.resolve(context, build.dockerfile || 'Dockerfile') };
}

function hasHealthcheck(name) {
  const svc = services[name];
  if (svc.healthcheck) return !svc.healthcheck.disable;
  const built = dockerfileOf(svc);
  return Boolean(built && existsSync(built.dockerfile)
    && /^\s*HEALTHCHECK\s+(?!NONE)/mi.test(readFileSync(built.dockerfile, 'utf8')));
}

const published = new Map();
for (const [name, svc] of Object.entries(services)) {
  const at = `services.${name}`;
  if (!svc.image && !svc.build) problems.push(`${at}: neither image nor build`);

  const built = dockerfileOf(svc);
  if (built) {
    if (!existsSync(built.context) || !statSync(built.context).isDirectory()) {
      problems.push(`${at}.build.context: ${built.context} is not a directory`);
    } else if (!existsSync(built.dockerfile)) {
      problems.push(`${at}.build.dockerfile: ${built.dockerfile} does not exist`);
    }
  }

  let deps = svc.depends_on || [];
  if (!Array.isArray(deps)) deps = Object.entries(deps).map(([k, v]) => ({ name: k, ...v }));
  else deps = deps.map((k) => ({ name: k }));
  for (const dep of deps) {
    if (!names.includes(dep.name)) problems.push(`${at}.depends_on: undefined service "${dep.name}"`);
    else if (dep.name === name) problems.push(`${at}.depends_on: depends on itself`);
    else if (dep.condition === 'service_healthy' && !hasHealthcheck(dep.name)) {
      problems.push(`${at}.depends_on.${dep.name}: service_healthy, but "${dep.name}" has no healthcheck`);
    }
  }

  for (const [k, v] of (svc.volumes || []).entries()) {
    const spec = typeof v === 'string' ? parseShortVolume(v) : { type: v.type, source: v.source };
    const where = `${at}.volumes[${k}]`;
    if (spec.type === 'volume' && spec.source && !(spec.source in volumes)) {
      problems.push(`${where}: undefined volume "${spec.source}"`);
    }
    if (spec.type === 'bind' && !existsSync(path.resolve(dir, spec.source))) {
      problems.push(`${where}: bind source ${path.resolve(dir, spec.source)} does not exist`);
    }
  }

  const svcNetworks = Array.isArray(svc.networks) ? svc.networks : Object.keys(svc.networks || {});
  for (const n of svcNetworks) {
    if (n !== 'default' && !(n in networks)) problems.push(`${at}.networks: undefined network "${n}"`);
  }

  for (const p of svc.ports || []) {
    const text = typeof p === 'object' ? `${p.host_ip || ''}:${p.published || ''}:${p.target}` : String(p);
    const parts = text.split(':');
    if (parts.length < 2) continue;
    const hostPort = parts[parts.length - 2];
    const hostIp = parts.length > 2 ? parts.slice(0, -2).join(':') : '';
    if (!/^\d+(-\d+)?$/.test(hostPort) && hostPort !== '') problems.push(`${at}.ports: bad host port in "${text}"`);
    const key = `${hostIp || '*'}:${hostPort}`;
    if (hostPort && published.has(key)) problems.push(`${at}.ports: ${key} already published by ${published.get(key)}`);
    published.set(key, name);
  }

  if (svc.environment && !Array.isArray(svc.environment)) {
    for (const [k, v] of Object.entries(svc.environment)) {
      if (v !== null && typeof v === 'object') problems.push(`${at}.environment.${k}: not a scalar`);
    }
  }
}

// depends_on cycles
const state = {};
function visit(name, trail) {
  if (state[name] === 'done') return;
  if (state[name] === 'open') {
    problems.push(`depends_on cycle: ${[...trail, name].join(' -> ')}`);
    return;
  }
  state[name] = 'open';
  const deps = services[name].depends_on || [];
  for (const d of Array.isArray(deps) ? deps : Object.keys(deps)) if (services[d]) visit(d, [...trail, name]);
  state[name] = 'done';
}
names.forEach((n) => visit(n, []));

function parseShortVolume(text) {
  const parts = text.split(':');
  if (parts.length === 1) return { type: 'anonymous' };
  const source = parts[0];
  const bind = source.startsWith('.') || source.startsWith('/') || source.startsWith('~');
  return { type: bind ? 'bind' : 'volume', source };
}

if (problems.length) {
  for (const p of problems) console.error(`${file}: ${p}`);
  process.exit(1);
}
console.log(`${file}: valid (${names.length} services: ${names.join(', ')})`);
