// ajv over the whole description, compiled lazily per JSON pointer (compiling everything up front costs seconds).
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import * as formatsModule from 'ajv-formats';
import type { FormatsPlugin } from 'ajv-formats';
import { loadSpec, type Json, type JsonObject } from './spec.js';

// ajv-formats is CommonJS with `exports.default`; under NodeNext the default import is typed as the namespace.
const addFormats: FormatsPlugin =
  (formatsModule as unknown as { default: FormatsPlugin & { default?: FormatsPlugin } }).default.default ??
  (formatsModule as unknown as { default: FormatsPlugin }).default;

export const SPEC_ID = 'gh';

function configure(ajv: Ajv): Ajv {
  addFormats(ajv);
  ajv.addFormat('repo.nwo', /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/);
  ajv.addFormat('timestamp', true);
  ajv.addSchema(schemaDocument(), SPEC_ID);
  return ajv;
}

let lean: JsonObject | undefined;

/**
 * The description without what ajv does not need (examples, docs text outside schemas): ajv walks every key of
 * an added document, so this halves the cost of adding it. JSON pointers stay the same.
 */
function schemaDocument(): JsonObject {
  if (lean) return lean;
  const spec = loadSpec();
  const paths: JsonObject = {};
  for (const [template, item] of Object.entries(spec.paths)) {
    const ops: JsonObject = {};
    for (const [method, op] of Object.entries(item)) {
      if (!op || typeof op !== 'object' || !('responses' in op)) continue;
      const o = op as unknown as JsonObject;
      ops[method] = {
        parameters: o.parameters ?? [],
        requestBody: o.requestBody ?? null,
        responses: o.responses ?? {},
      };
    }
    paths[template] = ops;
  }
  const hooks: JsonObject = {};
  for (const [key, hook] of Object.entries(spec['x-webhooks'])) {
    hooks[key] = { post: { requestBody: (hook.post?.requestBody ?? null) as unknown as Json } };
  }
  const c = spec.components as unknown as JsonObject;
  lean = {
    paths,
    'x-webhooks': hooks,
    components: {
      schemas: c.schemas ?? {},
      responses: c.responses ?? {},
      parameters: c.parameters ?? {},
      requestBodies: c.requestBodies ?? {},
      headers: c.headers ?? {},
    },
  };
  return lean;
}

let bodyAjv: Ajv | undefined;
let paramAjv: Ajv | undefined;
const bodyCache = new Map<string, ValidateFunction>();
const paramCache = new Map<string, ValidateFunction>();

function getBodyAjv(): Ajv {
  bodyAjv ??= configure(new Ajv({ strict: false, allErrors: true, validateSchema: false, logger: false }));
  return bodyAjv;
}

/** Validator for the schema at a JSON pointer inside the description, e.g. `/components/schemas/pull-request`. */
export function validatorAt(pointer: string): ValidateFunction {
  let fn = bodyCache.get(pointer);
  if (!fn) {
    fn = getBodyAjv().compile({ $ref: `${SPEC_ID}#${pointer}` });
    bodyCache.set(pointer, fn);
  }
  return fn;
}

/** Validator for an inline schema whose `#/` references point into the description. */
export function validatorFor(key: string, schema: JsonObject, kind: 'body' | 'params'): ValidateFunction {
  const cache = kind === 'body' ? bodyCache : paramCache;
  let fn = cache.get(key);
  if (!fn) {
    const ajv =
      kind === 'body'
        ? getBodyAjv()
        : (paramAjv ??= configure(
            new Ajv({
              strict: false,
              allErrors: true,
              validateSchema: false,
              logger: false,
              coerceTypes: 'array',
              useDefaults: true,
            }),
          ));
    fn = ajv.compile(rebaseRefs(schema));
    cache.set(key, fn);
  }
  return fn;
}

function rebaseRefs(schema: JsonObject): JsonObject {
  return JSON.parse(JSON.stringify(schema).replace(/"\$ref":"#\//g, `"$ref":"${SPEC_ID}#/`)) as JsonObject;
}

export function formatErrors(errors: ErrorObject[] | null | undefined, limit = 8): string {
  if (!errors?.length) return '';
  // anyOf/oneOf report every failed branch; the deepest errors are the useful ones.
  const sorted = [...errors].sort((a, b) => b.instancePath.length - a.instancePath.length);
  const lines = sorted
    .slice(0, limit)
    .map((e) => `${e.instancePath || '(root)'} ${e.message ?? e.keyword} ${JSON.stringify(e.params)}`);
  if (errors.length > limit) lines.push(`… ${errors.length - limit} more`);
  return lines.join('; ');
}

export function validate(pointer: string, data: Json | undefined): string | undefined {
  const fn = validatorAt(pointer);
  return fn(data) ? undefined : formatErrors(fn.errors);
}
