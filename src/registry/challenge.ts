// WWW-Authenticate parsing (RFC 7235 challenges) and token scopes (distribution docs/spec/auth/scope.md).

export interface Challenge {
  /** Lower-cased scheme: `bearer`, `basic`, … */
  scheme: string;
  /** Lower-cased parameter names; quoted values unescaped. */
  params: Record<string, string>;
}

/**
 * Parses one or more challenges: `Bearer realm="…",service="…",scope="a b",error="insufficient_scope"`, `Basic
 * realm="x"`. Several headers, or several challenges in one header, are all returned in order.
 */
export function parseWwwAuthenticate(header: string | string[] | undefined): Challenge[] {
  if (header === undefined) return [];
  if (Array.isArray(header)) return header.flatMap((h) => parseWwwAuthenticate(h));
  const out: Challenge[] = [];
  const s = header;
  let i = 0;
  const skipWs = () => {
    while (i < s.length && (s[i] === ' ' || s[i] === '\t')) i++;
  };
  const readToken = (): string => {
    const start = i;
    while (i < s.length && /[!#$%&'*+\-.^_`|~0-9A-Za-z]/.test(s[i] ?? '')) i++;
    return s.slice(start, i);
  };
  let current: Challenge | undefined;
  while (i < s.length) {
    skipWs();
    if (s[i] === ',') {
      i++;
      continue;
    }
    const token = readToken();
    if (token === '') {
      i++; // Skip a stray character rather than loop forever on malformed input.
      continue;
    }
    skipWs();
    if (s[i] === '=' && current) {
      i++;
      skipWs();
      let value: string;
      if (s[i] === '"') {
        i++;
        value = '';
        while (i < s.length && s[i] !== '"') {
          if (s[i] === '\\' && i + 1 < s.length) i++;
          value += s[i];
          i++;
        }
        i++; // closing quote
      } else {
        const start = i;
        while (i < s.length && s[i] !== ',' && s[i] !== ' ' && s[i] !== '\t') i++;
        value = s.slice(start, i);
      }
      current.params[token.toLowerCase()] = value;
    } else if (s[i] === '=') {
      i++; // token68 without a scheme: malformed, ignore
    } else {
      current = { scheme: token.toLowerCase(), params: {} };
      out.push(current);
      // token68 credentials-style value (`Basic abc==`) are not used by registries; params follow instead.
    }
  }
  return out;
}

export interface Scope {
  type: string;
  name: string;
  actions: string[];
}

/** `repository:foo/bar:pull,push` → { type, name, actions }; the name may itself contain `:` (e.g. a port). */
export function parseScope(scope: string): Scope | undefined {
  const first = scope.indexOf(':');
  const last = scope.lastIndexOf(':');
  if (first <= 0 || last <= first) return undefined;
  const actions = scope
    .slice(last + 1)
    .split(',')
    .map((a) => a.trim())
    .filter(Boolean);
  return { type: scope.slice(0, first), name: scope.slice(first + 1, last), actions };
}

export function repositoryScope(repository: string, actions: readonly string[]): string {
  return `repository:${repository}:${[...actions].sort().join(',')}`;
}

/** Union of scopes, merged per resource, actions and resources sorted: a stable cache key and request order. */
export function mergeScopes(scopes: Iterable<string>): string[] {
  const byResource = new Map<string, Set<string>>();
  const unparsed = new Set<string>();
  for (const raw of scopes) {
    for (const s of raw.split(' ').filter(Boolean)) {
      const p = parseScope(s);
      if (!p) {
        unparsed.add(s);
        continue;
      }
      const key = `${p.type}:${p.name}`;
      const set = byResource.get(key) ?? new Set<string>();
      for (const a of p.actions) set.add(a);
      byResource.set(key, set);
    }
  }
  const merged = [...byResource].map(([k, a]) => `${k}:${[...a].sort().join(',')}`);
  return [...merged, ...unparsed].sort();
}

/** True when `have` grants every action of every scope in `need`. */
export function scopesCover(have: readonly string[], need: readonly string[]): boolean {
  const granted = new Map<string, Set<string>>();
  for (const s of have) {
    const p = parseScope(s);
    if (p) granted.set(`${p.type}:${p.name}`, new Set(p.actions));
  }
  return need.every((s) => {
    const p = parseScope(s);
    if (!p) return have.includes(s);
    const g = granted.get(`${p.type}:${p.name}`);
    return g !== undefined && (g.has('*') || p.actions.every((a) => g.has(a)));
  });
}
