// Validates a Compose file without a Docker engine:
//   1. against the Compose Specification JSON Schema (the copy shipped in the pinned dclint package),
//   2. against the project's own rules: every service has a healthcheck, every depends_on waits for
//      service_healthy, every image has a concrete tag, and the files the Compose file points at exist.
// Usage: node validate.mjs [path/to/docker-compose.yml]   (exit 0 = valid, 1 = violations, 2 = cannot run)
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import yaml from 'js-yaml';

const here = dirname(fileURLToPath(import.meta.url));
// By file path: dclint's "exports" map hides schemas/ from require.resolve and import.
const SCHEMA_PATH = join(here, 'node_modules', 'dclint', 'schemas', 'compose.schema.json');
const PROHIBITED_TAGS = new Set(['latest', 'stable', 'edge', 'nightly', 'dev', 'beta', 'canary', 'lts']);

const composePath = resolve(process.argv[2] ?? join(here, '..', '..', 'docker-compose.yml'));
const composeDir = dirname(composePath);

function fail(message) {
  console.error(message);
  process.exit(2);
}

function loadSchema() {
  if (!existsSync(SCHEMA_PATH)) fail(`Compose schema not found at ${SCHEMA_PATH}: run "npm ci" in ${here}`);
  const schema = JSON.parse(readFileSync(SCHEMA_PATH, 'utf8'));
  // Ajv 8 does not know the draft-07 meta-schema URL spelled with https; the schema validates fine without it.
  delete schema.$schema;
  return schema;
}

function loadCompose() {
  if (!existsSync(composePath)) fail(`${composePath}: no such file`);
  try {
    return yaml.load(readFileSync(composePath, 'utf8'), { filename: composePath });
  } catch (e) {
    console.error(`${composePath}: invalid YAML: ${e.message}`);
    process.exit(1);
  }
}

function schemaErrors(schema, doc) {
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  const validate = ajv.compile(schema);
  if (validate(doc)) return [];
  return validate.errors.map((e) => {
    const where = e.instancePath || '/';
    const detail = e.params?.additionalProperty !== undefined ? ` ("${e.params.additionalProperty}")`
      : e.params?.allowedValues ? ` (${e.params.allowedValues.join(', ')})` : '';
    return `${where}: ${e.message}${detail}`;
  });
}

// Splits "registry:5000/org/name:tag@sha256:..." into its tag and digest.
function imageTag(image) {
  const [ref, digest] = image.split('@');
  const lastSlash = ref.lastIndexOf('/');
  const colon = ref.indexOf(':', lastSlash + 1);
  return { tag: colon === -1 ? '' : ref.slice(colon + 1), digest: digest ?? '' };
}

function healthcheckIsOn(healthcheck) {
  if (!healthcheck || healthcheck.disable === true) return false;
  const test = healthcheck.test;
  if (test === undefined) return false;
  return !(Array.isArray(test) ? test[0] === 'NONE' : test === 'NONE');
}

function projectRuleViolations(doc) {
  const problems = [];
  const services = doc?.services ?? {};
  for (const [name, service] of Object.entries(services)) {
    const at = `/services/${name}`;
    if (service === null || typeof service !== 'object') continue; // the schema reports it

    if (!healthcheckIsOn(service.healthcheck)) {
      problems.push(`${at}: every service needs a healthcheck (with a test, not disabled)`);
    }

    if (service.image !== undefined) {
      const { tag, digest } = imageTag(String(service.image));
      if (!tag && !digest) problems.push(`${at}/image: "${service.image}" has no tag: pin a version`);
      else if (PROHIBITED_TAGS.has(tag.toLowerCase())) {
        problems.push(`${at}/image: "${service.image}" uses the floating tag ":${tag}": pin a version`);
      }
    }

    const dependsOn = service.depends_on;
    if (Array.isArray(dependsOn)) {
      problems.push(`${at}/depends_on: use the long form with "condition: service_healthy" for ${dependsOn.join(', ')}`);
    } else if (dependsOn && typeof dependsOn === 'object') {
      for (const [dependency, options] of Object.entries(dependsOn)) {
        if (options?.condition !== 'service_healthy') {
          problems.push(`${at}/depends_on/${dependency}: condition must be service_healthy (is ${options?.condition ?? 'missing'})`);
        }
        const target = services[dependency];
        if (!target) {
          problems.push(`${at}/depends_on/${dependency}: no such service`);
        } else if (target.profiles?.length && !(service.profiles ?? []).some((p) => target.profiles.includes(p))) {
          problems.push(`${at}/depends_on/${dependency}: depends on a service that only runs under profiles ${target.profiles.join(', ')}`);
        }
      }
    }

    if (service.build !== undefined) {
      const build = typeof service.build === 'string' ? { context: service.build } : service.build;
      const context = resolve(composeDir, build.context ?? '.');
      const dockerfile = resolve(context, build.dockerfile ?? 'Dockerfile');
      if (!existsSync(context)) problems.push(`${at}/build/context: ${build.context} does not exist`);
      else if (build.dockerfile_inline === undefined && !existsSync(dockerfile)) {
        problems.push(`${at}/build/dockerfile: ${build.dockerfile ?? 'Dockerfile'} does not exist in ${build.context ?? '.'}`);
      }
    }

    for (const volume of service.volumes ?? []) {
      const source = typeof volume === 'string' ? volume.split(':')[0] : volume?.source;
      const isBind = typeof volume === 'string' ? /^[.~/]/.test(source) : volume?.type === 'bind';
      if (isBind && source && !source.includes('$') && !existsSync(resolve(composeDir, source))) {
        problems.push(`${at}/volumes: bind-mount source ${source} does not exist`);
      }
    }
  }
  return problems;
}

const doc = loadCompose();
const errors = [
  ...schemaErrors(loadSchema(), doc).map((e) => `schema: ${e}`),
  ...projectRuleViolations(doc).map((e) => `rule: ${e}`),
];
if (errors.length > 0) {
  for (const e of errors) console.error(`${composePath}: ${e}`);
  console.error(`${composePath}: ${errors.length} problem(s)`);
  process.exit(1);
}
console.log(`${basename(composePath)}: valid against the Compose Specification`);
