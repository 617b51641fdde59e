// Writes the job summaries of a failing and a passing validate run (the scenarios the report tests check) as
// Markdown into SUMMARY_DIR, for scripts/validate-summaries.js to render as GitHub shows them.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { cleanupTempDirs } from '../support/git.js';
import {
  failingChange,
  passingChange,
  storageRepository,
  validatePull,
  type Repository,
} from '../support/validate-scenarios.js';

const dir = process.env.SUMMARY_DIR ?? join(process.cwd(), '.tmp', 'summaries');
let r: Repository;

beforeAll(async () => {
  r = await storageRepository();
  await mkdir(dir, { recursive: true });
});
afterAll(async () => {
  await r.close();
  await cleanupTempDirs();
});

it('writes the failing summary', async () => {
  const { change, title, labels } = failingChange();
  const { run } = await validatePull(r, {
    base: 'production',
    change,
    title,
    labels,
    head: 'release-nginx-redis',
  });
  expect(run.exitCode).toBe(1);
  await writeFile(join(dir, 'validate-summary-failing.md'), run.summary);
});

it('writes the passing summary', async () => {
  const { change, title, head, user } = passingChange();
  const { run } = await validatePull(r, { base: 'production', change, title, head, user });
  expect(run.exitCode, run.stdout).toBe(0);
  await writeFile(join(dir, 'validate-summary-passing.md'), run.summary);
});
