// The fake's GraphQL endpoint (POST /graphql): every document is parsed and validated against GitHub's published
// schema (@octokit/graphql-schema) and executed against that same schema, so a query naming a field GitHub does not
// have, a wrong argument or variable type, or a response the schema would not allow is a violation, as REST calls
// are against the OpenAPI description. Only the fields below are implemented; asking for any other is a violation
// too, so a new query in an action cannot pass unnoticed.
import {
  buildClientSchema,
  execute,
  Kind,
  OperationTypeNode,
  getOperationAST,
  GraphQLError,
  parse,
  validate,
  type DocumentNode,
  type GraphQLFieldResolver,
  type GraphQLSchema,
  type IntrospectionQuery,
} from 'graphql';
import { pullNodeId, pullNumberOfNodeId, repositoryNodeId, userId, type Objects } from './objects.js';
import type { Json } from './spec.js';
import { now, type GitHubState, type MergeMethod, type PullRecord } from './state.js';

let schema: Promise<GraphQLSchema> | undefined;

/**
 * GitHub's schema, built once per process from the introspection result the package ships (loaded on the first
 * GraphQL request only: a few hundred milliseconds).
 */
export function githubSchema(): Promise<GraphQLSchema> {
  schema ??= import('@octokit/graphql-schema').then(({ schema: published }) => {
    const json = published.json as { data?: IntrospectionQuery } & IntrospectionQuery;
    return buildClientSchema(json.data ?? json);
  });
  return schema;
}

/** An error GitHub itself answers with (`type` as GitHub sends it, e.g. UNPROCESSABLE, FORBIDDEN, NOT_FOUND). */
export class GitHubGraphQLError extends Error {
  constructor(
    readonly type: string,
    message: string,
  ) {
    super(message);
  }
}

export interface GraphQLContext {
  state: GitHubState;
  objects: Objects;
  actor: string;
  readOnly: boolean;
  violation(message: string): void;
}

type Resolved = Record<string, unknown>;
const zeroOid = '0'.repeat(40);
const methods: Record<string, MergeMethod> = { MERGE: 'merge', SQUASH: 'squash', REBASE: 'rebase' };

function actorObject(login: string): Resolved {
  return { __typename: login.endsWith('[bot]') ? 'Bot' : 'User', login: login.replace(/\[bot\]$/, '') };
}

/** GitHub's mergeStateStatus as far as the fake knows it: no check results, only required checks per branch. */
function mergeStateStatus(ctx: GraphQLContext, pr: PullRecord): string {
  if (pr.state !== 'open') return 'UNKNOWN';
  if (pr.mergeable === false) return 'DIRTY';
  if (pr.draft) return 'DRAFT';
  return ctx.state.rule(pr.base).requiredChecks.length > 0 ? 'BLOCKED' : 'CLEAN';
}

function pullObject(ctx: GraphQLContext, pr: PullRecord): Resolved {
  return {
    __typename: 'PullRequest',
    id: pullNodeId(pr.number),
    number: pr.number,
    title: pr.title,
    url: `https://github.com/${ctx.state.fullName}/pull/${pr.number}`,
    state: pr.merged ? 'MERGED' : pr.state === 'open' ? 'OPEN' : 'CLOSED',
    isDraft: pr.draft,
    headRefName: pr.head,
    headRefOid: pr.headSha,
    baseRefName: pr.base,
    mergeable: pr.mergeable === null ? 'UNKNOWN' : pr.mergeable ? 'MERGEABLE' : 'CONFLICTING',
    mergeStateStatus: mergeStateStatus(ctx, pr),
    viewerCanEnableAutoMerge: !ctx.readOnly && ctx.state.settings.allowAutoMerge && pr.state === 'open',
    viewerCanDisableAutoMerge: !ctx.readOnly && pr.autoMerge !== null,
    autoMergeRequest: pr.autoMerge && {
      __typename: 'AutoMergeRequest',
      mergeMethod: pr.autoMerge.method.toUpperCase(),
      enabledAt: pr.autoMerge.enabledAt,
      enabledBy: actorObject(pr.autoMerge.enabledBy),
      pullRequest: () => pullObject(ctx, pr),
    },
  };
}

function repositoryObject(ctx: GraphQLContext): Resolved {
  return {
    __typename: 'Repository',
    id: repositoryNodeId(ctx.state.fullName),
    name: ctx.state.repo,
    nameWithOwner: ctx.state.fullName,
    autoMergeAllowed: ctx.state.settings.allowAutoMerge,
    mergeCommitAllowed: ctx.state.settings.allowMergeCommit,
    squashMergeAllowed: ctx.state.settings.allowSquashMerge,
    rebaseMergeAllowed: ctx.state.settings.allowRebaseMerge,
    mergeQueue: ({ branch }: { branch?: string | null }) => {
      const name = branch ?? ctx.state.o.defaultBranch;
      const entries = ctx.state.mergeQueues.get(name) ?? [];
      return {
        __typename: 'MergeQueue',
        id: Buffer.from(`010:MergeQueue${name}`).toString('base64'),
        entries: () => ({
          __typename: 'MergeQueueEntryConnection',
          totalCount: entries.length,
          nodes: entries.map((e, i) => {
            const pr = ctx.state.getPull(e.pull);
            return {
              __typename: 'MergeQueueEntry',
              id: Buffer.from(`015:MergeQueueEntry${e.head}`).toString('base64'),
              position: i + 1,
              state: 'AWAITING_CHECKS',
              enqueuedAt: e.enqueuedAt,
              solo: false,
              jump: false,
              headCommit: { __typename: 'Commit', oid: e.head },
              baseCommit: { __typename: 'Commit', oid: e.base },
              pullRequest: pr ? pullObject(ctx, pr) : null,
            };
          }),
        }),
      };
    },
    pullRequest: async ({ number }: { number: number }) => {
      const pr = ctx.state.getPull(number);
      if (!pr)
        throw new GitHubGraphQLError(
          'NOT_FOUND',
          `Could not resolve to a PullRequest with the number of ${number}.`,
        );
      await ctx.state.syncPull(number);
      return pullObject(ctx, pr);
    },
  };
}

async function pullById(ctx: GraphQLContext, id: string): Promise<PullRecord> {
  const n = pullNumberOfNodeId(id);
  const pr = n === undefined ? undefined : ctx.state.getPull(n);
  if (!pr)
    throw new GitHubGraphQLError('NOT_FOUND', `Could not resolve to a node with the global id of '${id}'`);
  await ctx.state.syncPull(pr.number);
  return pr;
}

function requireWrite(ctx: GraphQLContext): void {
  if (ctx.readOnly) throw new GitHubGraphQLError('FORBIDDEN', 'Resource not accessible by integration');
}

async function enableAutoMerge(ctx: GraphQLContext, input: Record<string, unknown>): Promise<Resolved> {
  requireWrite(ctx);
  const pr = await pullById(ctx, String(input.pullRequestId));
  const method = methods[typeof input.mergeMethod === 'string' ? input.mergeMethod : 'MERGE']!;
  const fail = (message: string): never => {
    throw new GitHubGraphQLError('UNPROCESSABLE', message);
  };
  if (!ctx.state.settings.allowAutoMerge) fail('Auto merge is not allowed for this repository');
  if (pr.state !== 'open') fail('Pull request Pull request is closed');
  const allowed = {
    merge: ctx.state.settings.allowMergeCommit,
    squash: ctx.state.settings.allowSquashMerge,
    rebase: ctx.state.settings.allowRebaseMerge,
  };
  if (!allowed[method]) fail(`Merge method ${method} merging is not allowed on this repository`);
  if (typeof input.expectedHeadOid === 'string' && input.expectedHeadOid !== pr.headSha)
    fail('Head sha does not match the expected head sha');
  // GitHub arms auto-merge only while something is pending; a PR that could merge now is refused.
  const status = mergeStateStatus(ctx, pr);
  if (status !== 'BLOCKED') fail(`Pull request Pull request is in ${status.toLowerCase()} status`);
  pr.autoMerge = { enabledBy: ctx.actor, method, enabledAt: now(), headSha: pr.headSha };
  return {
    clientMutationId: input.clientMutationId ?? null,
    actor: actorObject(ctx.actor),
    pullRequest: pullObject(ctx, pr),
  };
}

async function disableAutoMerge(ctx: GraphQLContext, input: Record<string, unknown>): Promise<Resolved> {
  requireWrite(ctx);
  const pr = await pullById(ctx, String(input.pullRequestId));
  if (!pr.autoMerge) throw new GitHubGraphQLError('UNPROCESSABLE', 'Pull request Auto merge is not enabled');
  pr.autoMerge = null;
  return {
    clientMutationId: input.clientMutationId ?? null,
    actor: actorObject(ctx.actor),
    pullRequest: pullObject(ctx, pr),
  };
}

/**
 * `updateRefs`: one atomic `git update-ref --stdin` transaction, each update conditional on `beforeOid` (the zero
 * id: the ref must not exist), fast-forward only unless `force`. Protected branches that require signed commits
 * refuse commits GitHub did not sign. (The error texts are the fake's; clients should not depend on them.)
 */
async function updateRefs(ctx: GraphQLContext, input: Record<string, unknown>): Promise<Resolved> {
  requireWrite(ctx);
  if (input.repositoryId !== repositoryNodeId(ctx.state.fullName))
    throw new GitHubGraphQLError(
      'NOT_FOUND',
      `Could not resolve to a node with the global id of '${String(input.repositoryId)}'`,
    );
  const updates = input.refUpdates as Array<{
    name: string;
    afterOid: string;
    beforeOid?: string | null;
    force?: boolean;
  }>;
  const lines: string[] = ['start'];
  for (const u of updates) {
    const oid = /^[0-9a-f]{40}$/;
    if (!u.name.startsWith('refs/') || !oid.test(u.afterOid) || (u.beforeOid && !oid.test(u.beforeOid)))
      throw new GitHubGraphQLError('UNPROCESSABLE', `Invalid ref update for ${u.name}`);
    const current = (await ctx.state.readRef(u.name))?.sha;
    if (u.beforeOid && u.beforeOid !== (current ?? zeroOid))
      throw new GitHubGraphQLError(
        'UNPROCESSABLE',
        `A ref update failed: ${u.name} is at ${current ?? 'nothing'}, not ${u.beforeOid}`,
      );
    if (u.afterOid === zeroOid) {
      lines.push(`delete ${u.name} ${current ?? ''}`.trimEnd());
      continue;
    }
    if (!(await ctx.state.commitExists(u.afterOid)))
      throw new GitHubGraphQLError('UNPROCESSABLE', `Could not resolve ${u.afterOid} to a commit`);
    if (current && !u.force) {
      const ff = await ctx.state.git(['merge-base', '--is-ancestor', current, u.afterOid], {
        allowFail: true,
      });
      if (ff.code !== 0)
        throw new GitHubGraphQLError('UNPROCESSABLE', `${u.name} cannot be updated: not a fast-forward`);
    }
    const branch = u.name.startsWith('refs/heads/') ? u.name.slice('refs/heads/'.length) : undefined;
    if (branch && ctx.state.rule(branch).requireSignedCommits) {
      const unsigned = await ctx.state.unsignedCommits(u.afterOid);
      if (unsigned.length > 0)
        throw new GitHubGraphQLError(
          'UNPROCESSABLE',
          `Protected branch update failed for ${u.name}: Commits must have verified signatures.`,
        );
    }
    lines.push(`update ${u.name} ${u.afterOid} ${current ?? zeroOid}`);
  }
  lines.push('prepare', 'commit');
  const r = await ctx.state.git(['update-ref', '--stdin'], {
    input: `${lines.join('\n')}\n`,
    allowFail: true,
  });
  if (r.code !== 0) throw new GitHubGraphQLError('UNPROCESSABLE', `A ref update failed: ${r.stderr.trim()}`);
  for (const u of updates)
    if (u.afterOid === zeroOid && u.name.startsWith('refs/heads/'))
      await ctx.state.deleteBranchEffects(u.name.slice('refs/heads/'.length));
  return { clientMutationId: input.clientMutationId ?? null };
}

function roots(ctx: GraphQLContext): { query: Resolved; mutation: Resolved } {
  return {
    query: {
      repository: ({ owner, name }: { owner: string; name: string }) => {
        if (
          owner.toLowerCase() !== ctx.state.owner.toLowerCase() ||
          name.toLowerCase() !== ctx.state.repo.toLowerCase()
        )
          throw new GitHubGraphQLError(
            'NOT_FOUND',
            `Could not resolve to a Repository with the name '${owner}/${name}'.`,
          );
        return repositoryObject(ctx);
      },
      // The account the token acts as (`github-actions[bot]` for the job token, `<app>[bot]` for an App's).
      viewer: { __typename: 'User', login: ctx.actor, databaseId: userId(ctx.actor) },
      node: async ({ id }: { id: string }) => {
        if (id === repositoryNodeId(ctx.state.fullName)) return repositoryObject(ctx);
        return pullObject(ctx, await pullById(ctx, id));
      },
    },
    mutation: {
      enablePullRequestAutoMerge: ({ input }: { input: Record<string, unknown> }) =>
        enableAutoMerge(ctx, input),
      disablePullRequestAutoMerge: ({ input }: { input: Record<string, unknown> }) =>
        disableAutoMerge(ctx, input),
      updateRefs: ({ input }: { input: Record<string, unknown> }) => updateRefs(ctx, input),
    },
  };
}

export interface GraphQLAnswer {
  status: number;
  body: Json;
  /** The operation's top-level fields, e.g. `enablePullRequestAutoMerge`. */
  fields?: string[];
}

const violationAnswer = (message: string): GraphQLAnswer => ({
  status: 200,
  body: { errors: [{ message }] },
});

/** Answers one POST /graphql body; every contract problem is reported through `ctx.violation`. */
export async function answerGraphQL(raw: unknown, ctx: GraphQLContext): Promise<GraphQLAnswer> {
  const request = raw as { query?: unknown; variables?: unknown; operationName?: unknown } | undefined;
  if (!request || typeof request.query !== 'string') {
    ctx.violation('GraphQL request without a `query` string');
    return {
      status: 400,
      body: { message: 'Problems parsing JSON', documentation_url: 'https://docs.github.com/graphql' },
    };
  }
  const extra = Object.keys(request).filter((k) => !['query', 'variables', 'operationName'].includes(k));
  if (extra.length) ctx.violation(`GraphQL request with unknown keys: ${extra.join(', ')}`);
  let document: DocumentNode;
  try {
    document = parse(request.query);
  } catch (e) {
    ctx.violation(`GraphQL syntax error: ${(e as Error).message}`);
    return violationAnswer((e as Error).message);
  }
  const github = await githubSchema();
  const errors = validate(github, document);
  if (errors.length > 0) {
    const message = errors.map((e) => e.message).join('; ');
    ctx.violation(`GraphQL document does not match GitHub's schema: ${message}`);
    return violationAnswer(message);
  }
  const operationName = typeof request.operationName === 'string' ? request.operationName : undefined;
  const operation = getOperationAST(document, operationName);
  if (!operation) {
    ctx.violation('GraphQL request names no single operation');
    return violationAnswer('No operation to execute');
  }
  const variables = (request.variables ?? {}) as Record<string, unknown>;
  const declared = new Set((operation.variableDefinitions ?? []).map((d) => d.variable.name.value));
  // GraphQL ignores variables the operation does not declare; a typo would go unnoticed (like unknown query parameters).
  for (const name of Object.keys(variables))
    if (!declared.has(name)) ctx.violation(`GraphQL variable $${name} is not declared by the operation`);

  const implemented: GraphQLFieldResolver<unknown, unknown> = (source, args, _context, info) => {
    const object = (source ?? {}) as Resolved;
    if (!(info.fieldName in object)) {
      ctx.violation(`GraphQL field ${info.parentType.name}.${info.fieldName} is not implemented by the fake`);
      return null;
    }
    const value = object[info.fieldName];
    return typeof value === 'function' ? (value as (a: unknown) => unknown)(args) : value;
  };
  const root = roots(ctx);
  const result = await execute({
    schema: github,
    document,
    operationName,
    variableValues: variables,
    rootValue: operation.operation === OperationTypeNode.MUTATION ? root.mutation : root.query,
    fieldResolver: implemented,
    typeResolver: (value) => (value as Resolved).__typename as string,
  });
  const body: Record<string, Json> = {};
  if (result.data !== undefined) body.data = result.data as Json;
  if (result.errors?.length) {
    body.errors = result.errors.map((e: GraphQLError) => {
      const github = e.originalError instanceof GitHubGraphQLError ? e.originalError : undefined;
      if (!github) ctx.violation(`GraphQL execution error: ${e.message}`);
      return {
        ...(github ? { type: github.type } : {}),
        ...(e.path ? { path: e.path as Json } : {}),
        ...(e.locations ? { locations: e.locations as unknown as Json } : {}),
        message: e.message,
      };
    });
  }
  const fields = operation.selectionSet.selections.flatMap((sel) =>
    sel.kind === Kind.FIELD ? [sel.name.value] : [],
  );
  return { status: 200, body, fields };
}
