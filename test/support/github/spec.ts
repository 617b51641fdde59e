// Loads GitHub's published OpenAPI description (the non-dereferenced file: the package entry would parse all
// ten variants, ~385 MB) and rewrites OpenAPI 3.0 `nullable` into JSON Schema that ajv understands.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export interface RefObject {
  $ref: string;
}
export interface ParameterObject {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: JsonObject;
  'x-multi-segment'?: boolean;
}
export interface MediaTypeObject {
  schema?: JsonObject;
  examples?: Record<string, { $ref?: string; value?: Json }>;
}
export interface RequestBodyObject {
  required?: boolean;
  content: Record<string, MediaTypeObject>;
}
export interface ResponseObject {
  description?: string;
  content?: Record<string, MediaTypeObject>;
  headers?: Record<string, Json>;
}
export interface OperationObject {
  operationId: string;
  parameters?: Array<ParameterObject | RefObject>;
  requestBody?: RequestBodyObject | RefObject;
  responses: Record<string, ResponseObject | RefObject>;
  externalDocs?: { url: string };
}
export type PathItem = Partial<Record<HttpMethod, OperationObject>> & { parameters?: unknown };
export type HttpMethod = 'get' | 'put' | 'post' | 'delete' | 'patch' | 'head' | 'options';
export const HTTP_METHODS: readonly HttpMethod[] = [
  'get',
  'put',
  'post',
  'delete',
  'patch',
  'head',
  'options',
];

export interface OpenApiSpec {
  openapi: string;
  info: { version: string };
  paths: Record<string, PathItem>;
  'x-webhooks': Record<string, { post?: { requestBody?: RequestBodyObject } }>;
  components: {
    schemas: Record<string, JsonObject>;
    examples: Record<string, { value: Json }>;
    parameters: Record<string, ParameterObject>;
    responses: Record<string, ResponseObject>;
    requestBodies?: Record<string, RequestBodyObject>;
  };
}

const require = createRequire(import.meta.url);

export function specPath(): string {
  return require.resolve('@octokit/openapi/generated/api.github.com.json');
}

let cached: OpenApiSpec | undefined;

/** The parsed and nullable-normalised description, cached per process (parse + normalise ≈ 150 ms). */
export function loadSpec(): OpenApiSpec {
  if (!cached) {
    const doc = JSON.parse(readFileSync(specPath(), 'utf8')) as Json;
    normaliseNullable(doc);
    cached = doc as unknown as OpenApiSpec;
  }
  return cached;
}

function isObject(v: Json | undefined): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * In place: `nullable: true` + `type` -> `type: [t, 'null']` (and `null` added to `enum`); without a plain `type`
 * (under allOf/oneOf/anyOf/$ref) -> `anyOf: [schema, {type: 'null'}]`. ajv rejects `nullable` without `type`.
 * Example payloads are data, not schemas, so they are left alone.
 */
export function normaliseNullable(node: Json): void {
  if (Array.isArray(node)) {
    for (const item of node) normaliseNullable(item);
    return;
  }
  if (!isObject(node)) return;
  for (const [key, value] of Object.entries(node)) {
    if (key === 'example' || key === 'examples') continue;
    normaliseNullable(value);
  }
  if (!('nullable' in node) || typeof node.nullable !== 'boolean') return;
  const nullable = node.nullable;
  delete node.nullable;
  if (!nullable) return;
  const combined = 'allOf' in node || 'oneOf' in node || 'anyOf' in node || '$ref' in node;
  if (typeof node.type === 'string' && !combined) {
    node.type = [node.type, 'null'];
    if (Array.isArray(node.enum) && !node.enum.includes(null)) node.enum.push(null);
    return;
  }
  const inner: JsonObject = { ...node };
  for (const key of Object.keys(node)) delete node[key];
  node.anyOf = [inner, { type: 'null' }];
}

/** JSON pointer for a path template: `/` -> `~1`, `~` -> `~0`, braces percent-encoded (the pointer is a URI fragment). */
export function pointerToken(s: string): string {
  return s.replace(/~/g, '~0').replace(/\//g, '~1').replace(/\{/g, '%7B').replace(/\}/g, '%7D');
}

export function resolveRef<T>(spec: OpenApiSpec, value: T | RefObject): { value: T; pointer?: string } {
  if (typeof value === 'object' && value !== null && '$ref' in value && typeof value.$ref === 'string') {
    const ref = value.$ref;
    if (!ref.startsWith('#/')) throw new Error(`external $ref not supported: ${ref}`);
    let cur: unknown = spec;
    for (const raw of ref.slice(2).split('/')) {
      const part = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
      cur = (cur as Record<string, unknown> | undefined)?.[part];
    }
    if (cur === undefined) throw new Error(`unresolvable $ref ${ref}`);
    return { value: cur as T, pointer: ref.slice(1) };
  }
  return { value: value as T };
}

/** A deep copy of one of GitHub's documented examples (`components.examples[name].value`). */
export function example<T = Json>(name: string): T {
  const ex = loadSpec().components.examples[name];
  if (!ex) throw new Error(`no example ${name} in the OpenAPI description`);
  return structuredClone(ex.value) as T;
}
