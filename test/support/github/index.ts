/**
 * Offline, contract-checked fake of the GitHub REST API backed by a real bare git repository.
 *
 *   const gh = await startFakeGitHub({ owner: 'acme', repo: 'storage', bareRepo });
 *   const octokit = getOctokit(gh.token, { baseUrl: gh.url });   // or runAction({ github: gh, … })
 *   …
 *   expect(gh.violations).toEqual([]);
 *   await gh.close();
 *
 * Every request is matched against GitHub's OpenAPI description (@octokit/openapi) and checked (route, auth,
 * parameters incl. unknown query parameters, body); every response is validated against the documented schema.
 * Operations without a handler answer 501 and are recorded, so a new API call cannot pass unnoticed.
 * Modules: spec (load + nullable), validators (ajv), router, state (git-backed), objects (responses from examples),
 * handlers (per operationId), server.
 */
export { startFakeGitHub } from './server.js';
export type { FakeGitHub, FakeGitHubOptions, RequestRecord } from './server.js';
export type { PullState, Role } from './state.js';
export { commitFiles, initBareRepo, refExists, revParse, setBranch } from './bare-repo.js';
export { loadSpec, normaliseNullable, example } from './spec.js';
export { validate, validatorAt, formatErrors } from './validators.js';
export { matchRoute, routes } from './router.js';
export { handlers } from './handlers.js';
