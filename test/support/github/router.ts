// Maps a request onto one of GitHub's ~1,000 documented operations.
import {
  HTTP_METHODS,
  loadSpec,
  pointerToken,
  resolveRef,
  type HttpMethod,
  type OpenApiSpec,
  type OperationObject,
  type ParameterObject,
} from './spec.js';

export interface Route {
  template: string;
  method: HttpMethod;
  operationId: string;
  operation: OperationObject;
  /** JSON pointer of the operation inside the description. */
  pointer: string;
  parameters: Array<{ param: ParameterObject; pointer: string }>;
  regex: RegExp;
  pathParams: string[];
  literalSegments: number;
  multiSegment: boolean;
}

export interface RouteMatch {
  route: Route;
  pathParams: Record<string, string>;
}

export type MatchResult =
  { kind: 'match'; match: RouteMatch } | { kind: 'no-route' } | { kind: 'no-method'; templates: string[] };

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function buildRoutes(spec: OpenApiSpec): Route[] {
  const routes: Route[] = [];
  for (const [template, item] of Object.entries(spec.paths)) {
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      if (!operation) continue;
      const pointer = `/paths/${pointerToken(template)}/${method}`;
      const parameters = (operation.parameters ?? []).map((p, i) => {
        const r = resolveRef<ParameterObject>(spec, p);
        return { param: r.value, pointer: r.pointer ?? `${pointer}/parameters/${i}` };
      });
      const multi = new Set(parameters.filter((p) => p.param['x-multi-segment']).map((p) => p.param.name));
      const pathParams: string[] = [];
      let source = '^';
      let literalSegments = 0;
      for (const segment of template.split('/').slice(1)) {
        source += '/';
        // A segment is either literal or a single `{param}`; some carry a literal suffix, handled generically.
        const parts = segment.split(/(\{[^}]+\})/).filter(Boolean);
        if (parts.every((part) => !part.startsWith('{'))) literalSegments++;
        for (const part of parts) {
          const m = /^\{([^}]+)\}$/.exec(part);
          if (m?.[1]) {
            pathParams.push(m[1]);
            source += multi.has(m[1]) ? '(.+?)' : '([^/]+?)';
          } else {
            source += escapeRegex(part);
          }
        }
      }
      source += '/?$';
      routes.push({
        template,
        method,
        operationId: operation.operationId,
        operation,
        pointer,
        parameters,
        regex: new RegExp(source),
        pathParams,
        literalSegments,
        multiSegment: multi.size > 0,
      });
    }
  }
  // Literal-heavier templates first (`/pulls/comments` before `/pulls/{pull_number}`); any-depth parameters last.
  routes.sort(
    (a, b) =>
      b.literalSegments - a.literalSegments ||
      Number(a.multiSegment) - Number(b.multiSegment) ||
      a.pathParams.length - b.pathParams.length ||
      b.template.length - a.template.length,
  );
  return routes;
}

let cachedRoutes: Route[] | undefined;

export function routes(): Route[] {
  cachedRoutes ??= buildRoutes(loadSpec());
  return cachedRoutes;
}

export function matchRoute(method: string, pathname: string): MatchResult {
  const m = method.toLowerCase();
  const pathMatched: string[] = [];
  for (const route of routes()) {
    const found = route.regex.exec(pathname);
    if (!found) continue;
    if (route.method !== m) {
      pathMatched.push(route.template);
      continue;
    }
    const pathParams: Record<string, string> = {};
    route.pathParams.forEach((name, i) => {
      const raw = found[i + 1] ?? '';
      let value = raw;
      try {
        value = decodeURIComponent(raw);
      } catch {
        // Left raw: a malformed escape will fail parameter validation or lookup instead.
      }
      pathParams[name] = value;
    });
    return { kind: 'match', match: { route, pathParams } };
  }
  return pathMatched.length
    ? { kind: 'no-method', templates: [...new Set(pathMatched)] }
    : { kind: 'no-route' };
}

export function routeByOperationId(operationId: string): Route | undefined {
  return routes().find((r) => r.operationId === operationId);
}
