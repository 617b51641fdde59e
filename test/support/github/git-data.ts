// GitHub's git data API (trees, commits) done for real on the bare repository: `git mktree`, `hash-object`, so a
// branch an action builds through the API is ordinary git that tests read with git. Commits GitHub makes for a
// bot without custom author, committer or signature are signed by GitHub (verified); the fake records them and
// gives them a signature header, so "require signed commits" can be enforced on pushes (see `signed-commits.ts`).
import { basicError, type Handler, type HandlerContext, type HandlerResult } from './handlers.js';
import type { Json, JsonObject } from './spec.js';
import { userId } from './objects.js';

interface TreeEntry {
  mode: string;
  type: string;
  sha: string;
}

interface TreeInput {
  path: string;
  mode: string;
  type: string;
  sha?: string | null;
  content?: string;
}

const typeOfMode: Record<string, string> = {
  '100644': 'blob',
  '100755': 'blob',
  '120000': 'blob',
  '040000': 'tree',
  '160000': 'commit',
};

/** GitHub's answer to a tree entry or parent that names no such object. */
const badObject = (ctx: HandlerContext): HandlerResult => basicError(ctx, 422, 'GitRPC::BadObjectState');

async function objectType(ctx: HandlerContext, sha: string): Promise<string | undefined> {
  if (!/^[0-9a-f]{40}$/.test(sha)) return undefined;
  const r = await ctx.state.git(['cat-file', '-t', sha], { allowFail: true });
  return r.code === 0 ? r.stdout.trim() : undefined;
}

async function readTree(ctx: HandlerContext, sha: string): Promise<Map<string, TreeEntry>> {
  const r = await ctx.state.git(['ls-tree', '-z', sha]);
  const entries = new Map<string, TreeEntry>();
  for (const record of r.stdout.split('\0').filter(Boolean)) {
    const tab = record.indexOf('\t');
    const [mode, type, oid] = record.slice(0, tab).split(' ');
    entries.set(record.slice(tab + 1), { mode: mode!, type: type!, sha: oid! });
  }
  return entries;
}

async function mktree(ctx: HandlerContext, entries: Map<string, TreeEntry>): Promise<string> {
  const input = [...entries].map(([name, e]) => `${e.mode} ${e.type} ${e.sha}\t${name}\0`).join('');
  return (await ctx.state.git(['mktree', '-z'], { input })).stdout.trim();
}

class BadTree extends Error {
  constructor(readonly entry: TreeInput) {
    super(`no ${entry.type} ${String(entry.sha)} for ${entry.path}`);
  }
}

/** Applies entries (slash paths) to `base`; a subtree left empty disappears, as in git. */
async function build(
  ctx: HandlerContext,
  base: string | undefined,
  inputs: Array<{ segments: string[]; entry: TreeInput }>,
): Promise<string | undefined> {
  const entries = base ? await readTree(ctx, base) : new Map<string, TreeEntry>();
  const nested = new Map<string, Array<{ segments: string[]; entry: TreeInput }>>();
  for (const { segments, entry } of inputs) {
    const [first, ...rest] = segments as [string, ...string[]];
    if (rest.length > 0) {
      nested.set(first, [...(nested.get(first) ?? []), { segments: rest, entry }]);
      continue;
    }
    if (entry.sha === null) {
      entries.delete(first);
      continue;
    }
    let sha = entry.sha;
    if (entry.content !== undefined) {
      sha = (await ctx.state.git(['hash-object', '-w', '--stdin'], { input: entry.content })).stdout.trim();
    } else if (entry.type !== 'commit' && (await objectType(ctx, sha ?? '')) !== entry.type) {
      throw new BadTree(entry);
    }
    entries.set(first, { mode: entry.mode, type: entry.type, sha: sha! });
  }
  for (const [name, rest] of nested) {
    const current = entries.get(name);
    const sub = await build(ctx, current?.type === 'tree' ? current.sha : undefined, rest);
    if (sub) entries.set(name, { mode: '040000', type: 'tree', sha: sub });
    else entries.delete(name);
  }
  return entries.size > 0 ? mktree(ctx, entries) : undefined;
}

interface Person {
  name: string;
  email: string;
  date?: string;
}

function identity(ctx: HandlerContext): Person {
  const login = ctx.actor;
  return { name: login, email: `${userId(login)}+${login}@users.noreply.github.com` };
}

function gitDate(iso: string | undefined): { git: string; iso: string } {
  const date = iso ? new Date(iso) : new Date();
  const seconds = Math.floor(date.getTime() / 1000);
  return { git: `${seconds} +0000`, iso: new Date(seconds * 1000).toISOString().replace('.000Z', 'Z') };
}

function person(v: unknown): Person | undefined {
  if (!v || typeof v !== 'object') return undefined;
  const o = v as Record<string, unknown>;
  return {
    name: String(o.name),
    email: String(o.email),
    ...(typeof o.date === 'string' ? { date: o.date } : {}),
  };
}

const fakeSignature = [
  '-----BEGIN PGP SIGNATURE-----',
  '',
  'wsBcBAABCAAQBQJmZmFrZQkQ4aEGaXRodWIAAAAAZmFrZS1naXRodWItd2ViLWZsb3c=',
  '=fake',
  '-----END PGP SIGNATURE-----',
].join('\n');

export const gitDataHandlers: Record<string, Handler> = {
  'git/create-tree': async (ctx) => {
    const body = ctx.body as { tree: TreeInput[]; base_tree?: string };
    if (body.base_tree !== undefined && (await objectType(ctx, body.base_tree)) !== 'tree')
      return badObject(ctx);
    const inputs: Array<{ segments: string[]; entry: TreeInput }> = [];
    for (const entry of body.tree) {
      const segments = entry.path.split('/');
      if (segments.some((s) => s === '' || s === '.' || s === '..'))
        return basicError(ctx, 422, `tree.path ${entry.path} is invalid`);
      if (typeOfMode[entry.mode] !== entry.type)
        return basicError(ctx, 422, `tree.mode ${entry.mode} does not match tree.type ${entry.type}`);
      if ((entry.sha === undefined) === (entry.content === undefined) && entry.sha !== null)
        return basicError(ctx, 422, 'tree.sha or tree.content is required (not both)');
      inputs.push({ segments, entry });
    }
    let sha: string;
    try {
      sha =
        (await build(ctx, body.base_tree, inputs)) ??
        (await ctx.state.git(['mktree', '-z'], { input: '' })).stdout.trim();
    } catch (e) {
      if (e instanceof BadTree) return badObject(ctx);
      throw e;
    }
    const entries = await readTree(ctx, sha);
    const sizes = new Map<string, number>();
    const blobs = [...entries.values()].filter((e) => e.type === 'blob');
    if (blobs.length > 0) {
      const r = await ctx.state.git(['cat-file', '--batch-check=%(objectname) %(objectsize)'], {
        input: blobs.map((b) => `${b.sha}\n`).join(''),
      });
      for (const line of r.stdout.split('\n').filter(Boolean)) {
        const [oid, size] = line.split(' ');
        sizes.set(oid!, Number(size));
      }
    }
    const api = `${ctx.apiUrl}/repos/${ctx.state.fullName}/git`;
    return {
      status: 201,
      body: {
        sha,
        url: `${api}/trees/${sha}`,
        truncated: false,
        tree: [...entries].map(([path, e]) => ({
          path,
          mode: e.mode,
          type: e.type,
          sha: e.sha,
          ...(e.type === 'blob' ? { size: sizes.get(e.sha) ?? 0 } : {}),
          url: `${api}/${e.type === 'tree' ? 'trees' : 'blobs'}/${e.sha}`,
        })),
      },
      headers: { location: `${api}/trees/${sha}` },
    };
  },

  'git/create-commit': async (ctx) => {
    const body = ctx.body as {
      message: string;
      tree: string;
      parents?: string[];
      author?: unknown;
      committer?: unknown;
      signature?: string;
    };
    if ((await objectType(ctx, body.tree)) !== 'tree') return badObject(ctx);
    for (const p of body.parents ?? []) if ((await objectType(ctx, p)) !== 'commit') return badObject(ctx);
    const custom = body.author !== undefined || body.committer !== undefined || body.signature !== undefined;
    // GitHub signs what a bot creates without custom author, committer or signature, as the web-flow committer.
    const verified = !custom && ctx.actor.endsWith('[bot]');
    const author = person(body.author) ?? identity(ctx);
    const committer: Person =
      person(body.committer) ?? (verified ? { name: 'GitHub', email: 'noreply@github.com' } : author);
    const authorDate = gitDate(author.date);
    const committerDate = gitDate(committer.date ?? author.date);
    const headers = [
      `tree ${body.tree}`,
      ...(body.parents ?? []).map((p) => `parent ${p}`),
      `author ${author.name} <${author.email}> ${authorDate.git}`,
      `committer ${committer.name} <${committer.email}> ${committerDate.git}`,
    ];
    const payload = `${headers.join('\n')}\n\n${body.message}`;
    const signature = body.signature ?? (verified ? fakeSignature : undefined);
    const text = signature
      ? `${headers.join('\n')}\ngpgsig ${signature.split('\n').join('\n ')}\n\n${body.message}`
      : payload;
    const sha = (
      await ctx.state.git(['hash-object', '-t', 'commit', '-w', '--stdin'], { input: text })
    ).stdout.trim();
    if (verified) await ctx.state.recordVerified(sha);
    const api = `${ctx.apiUrl}/repos/${ctx.state.fullName}`;
    const html = `https://github.com/${ctx.state.fullName}`;
    const commit: JsonObject = {
      sha,
      node_id: Buffer.from(`06:Commit${sha}`).toString('base64'),
      url: `${api}/git/commits/${sha}`,
      html_url: `${html}/commit/${sha}`,
      author: { name: author.name, email: author.email, date: authorDate.iso },
      committer: { name: committer.name, email: committer.email, date: committerDate.iso },
      tree: { sha: body.tree, url: `${api}/git/trees/${body.tree}` },
      message: body.message,
      parents: (body.parents ?? []).map((p): Json => ({
        sha: p,
        url: `${api}/git/commits/${p}`,
        html_url: `${html}/commit/${p}`,
      })),
      verification: {
        verified,
        reason: verified ? 'valid' : signature ? 'unknown_key' : 'unsigned',
        signature: signature ?? null,
        payload: signature ? payload : null,
        verified_at: verified ? committerDate.iso : null,
      },
    };
    return { status: 201, body: commit, headers: { location: `${api}/git/commits/${sha}` } };
  },
};
