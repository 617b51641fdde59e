// Lets worker threads started by source under test run TypeScript: vitest transforms the modules it loads itself,
// but a worker_threads Worker is plain Node. vitest.config.ts passes `--import` of this file to the test processes,
// and workers inherit it (a Worker's execArgv defaults to its parent's). Only worker threads get the hooks: the test
// process's own imports are vitest's, and hooks there would only slow every import down.
import { register } from 'node:module';
import { isMainThread } from 'node:worker_threads';

if (!isMainThread) register('./hooks.mjs', import.meta.url);
