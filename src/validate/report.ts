// What a validate run tells the maintainer, all from the checked target: annotations (workflow commands within
// GitHub's per-step limits, or every one on a check run), the outputs (`report` is the summary's Markdown), the job
// summary, the sticky PR comment, and the step's failure. The verdict decides the exit code; an annotation or
// comment GitHub refuses never changes it (a warning says what is missing).
import * as core from '@actions/core';
import { failed, findingJson, isViolation } from '../core/finding.js';
import type { Octokit, RepoRef } from '../github/api.js';
import { publishCheckRun } from '../github/checks.js';
import { writeSticky, type StickyResult } from '../github/comments.js';
import { errorMessage } from '../core/errors.js';
import { safeLine } from '../runner/sanitize.js';
import { checkRunAnnotations, planAnnotations, rankFindings } from './annotations.js';
import type { Checked } from './check.js';
import type { ValidateInputs } from './inputs.js';
import { md, plural } from './markdown.js';
import { adviceContext, commentBudget, renderReport, summaryBudget, verdict } from './summary.js';

export const checkRunName = 'package-storage policy';
/** Starts the sticky comment, so that the next run finds and updates it. */
export const commentMarker = '<!-- package-storage-actions validate report -->';

export interface ReportOptions {
  inputs: ValidateInputs;
  repo: RepoRef;
  runUrl?: string;
  /** Created only when the report needs the API (check run, comment). */
  octokit: () => Octokit;
}

function setOutputs(c: Checked, markdown: string): void {
  core.setOutput('result', failed(c.findings) ? 'fail' : 'pass');
  core.setOutput('violations', JSON.stringify(c.findings.filter(isViolation).map(findingJson)));
  core.setOutput('findings', JSON.stringify(c.findings.map(findingJson)));
  core.setOutput(
    'changes',
    JSON.stringify(
      c.changes.map((v) => ({
        package: v.name,
        version: v.version,
        change: v.kind,
        verdict: v.verdict,
        before: v.before ?? null,
        after: v.after ?? null,
      })),
    ),
  );
  core.setOutput('exact', c.exact ? JSON.stringify(c.exact) : '');
  core.setOutput('report', markdown);
}

/** Notes for the maintainer: a merge group checked whole, why an exception label approves nothing yet. */
function notes(c: Checked): string[] {
  return [
    ...c.target.notes,
    ...c.target.exceptions.filter((s) => s.note).map((s) => `PR #${s.pull}: ${s.note}`),
  ];
}

type Annotated = { kind: 'commands'; shown: number; omitted: number } | { kind: 'check-run'; url: string };

function annotateWithCommands(c: Checked, runUrl: string | undefined): Annotated {
  const where = `the job summary${runUrl ? ` of ${runUrl}` : ''} lists all`;
  const plan = planAnnotations(c.findings, notes(c), adviceContext(c), {
    // The step's failure message is itself an error annotation, the last one.
    errorSlots: failed(c.findings) ? 9 : 10,
    where,
  });
  for (const a of plan.annotations) {
    const properties: core.AnnotationProperties = {
      ...(a.title ? { title: a.title } : {}),
      ...(a.file ? { file: a.file } : {}),
      ...(a.line ? { startLine: a.line } : {}),
    };
    if (a.level === 'error') core.error(a.message, properties);
    else if (a.level === 'warning') core.warning(a.message, properties);
    else core.notice(a.message, properties);
  }
  return {
    kind: 'commands',
    shown: plan.annotations.filter((a) => a.level === 'error').length,
    omitted: plan.omitted.error,
  };
}

async function annotate(c: Checked, o: ReportOptions): Promise<Annotated> {
  if (o.inputs.annotations !== 'check-run') return annotateWithCommands(c, o.runUrl);
  const v = verdict(c);
  try {
    const result = await publishCheckRun(o.octokit(), o.repo, {
      name: checkRunName,
      headSha: c.target.headSha,
      conclusion: v.passed ? 'success' : 'failure',
      title: v.heading.replace(/^\S+ package-storage policy: /, ''),
      summary: renderReport(c, {
        budget: commentBudget,
        condensed: true,
        ...(o.runUrl ? { runUrl: o.runUrl } : {}),
      }),
      ...(o.runUrl ? { detailsUrl: o.runUrl } : {}),
      annotations: checkRunAnnotations(c.findings, adviceContext(c)),
    });
    if (result.kind === 'created') {
      core.info(
        `check run "${checkRunName}": ${result.annotations} annotations in ${result.requests} requests, ${result.url}`,
      );
      // Notes are no file's: they stay notices of the step.
      for (const note of notes(c)) core.notice(safeLine(note));
      return { kind: 'check-run', url: result.url };
    }
    core.notice(
      `annotations: check-run needs \`checks: write\` in the job's permissions (${safeLine(result.message)}); annotating with workflow commands instead, at most 10 errors and 10 warnings`,
    );
  } catch (error) {
    core.warning(
      `the check run could not be written (${safeLine(errorMessage(error))}); annotating with workflow commands instead`,
    );
  }
  return annotateWithCommands(c, o.runUrl);
}

async function comment(c: Checked, o: ReportOptions, summaryUrl: string | undefined): Promise<void> {
  const pull = c.target.pull;
  if (o.inputs.comment === 'never' || !pull) return;
  const pass = !failed(c.findings);
  if (o.inputs.comment === 'on-failure' && pass) {
    // A comment from an earlier failing run is marked resolved; none is created.
    const body = `${commentMarker}\n${renderReport(c, { budget: commentBudget - 500, condensed: true, ...(summaryUrl ? { runUrl: summaryUrl } : {}) }).replace(/^## ✅ /, '## ✅ Resolved — ')}`;
    return logSticky(await sticky(o, pull.number, body, true), pull.number);
  }
  const body = `${commentMarker}\n${renderReport(c, { budget: commentBudget - 500, condensed: true, ...(summaryUrl ? { runUrl: summaryUrl } : {}) })}`;
  logSticky(await sticky(o, pull.number, body, false), pull.number);
}

async function sticky(
  o: ReportOptions,
  pull: number,
  body: string,
  onlyIfPresent: boolean,
): Promise<StickyResult> {
  try {
    return await writeSticky(o.octokit(), o.repo, pull, commentMarker, body, { onlyIfPresent });
  } catch (error) {
    return { operation: 'forbidden', message: errorMessage(error) };
  }
}

function logSticky(r: StickyResult, pull: number): void {
  core.setOutput('comment', r.operation === 'forbidden' ? 'failed' : r.operation);
  if (r.operation === 'forbidden')
    core.warning(
      `the report comment on PR #${pull} was not written (${safeLine(r.message)}); \`comment\` needs \`pull-requests: write\` in the job's permissions`,
    );
  else if (r.operation !== 'none')
    core.info(
      `report comment on PR #${pull}: ${r.operation}${r.deleted ? `, ${r.deleted} duplicate(s) deleted` : ''} ${r.url}`,
    );
}

function failureMessage(c: Checked, annotated: Annotated): string {
  const errors = rankFindings(
    c.findings.filter((f) => f.severity === 'error'),
    c.target.channel,
  );
  const rules = [...new Set(errors.map((f) => f.rule))];
  const head = `package-storage policy: ${plural(errors.length, 'violation')} (${rules.slice(0, 6).join(', ')}${rules.length > 6 ? ', …' : ''})`;
  if (annotated.kind === 'check-run')
    return `${head}; every annotation is on the check run "${checkRunName}" (${annotated.url}), what to do in the job summary`;
  if (annotated.omitted === 0) return `${head}; see the annotations and the job summary`;
  return `${head}; ${annotated.shown} annotated here, ${annotated.omitted} more with what to do in the job summary`;
}

export async function report(c: Checked, o: ReportOptions): Promise<void> {
  const markdown = renderReport(c, { budget: summaryBudget, ...(o.runUrl ? { runUrl: o.runUrl } : {}) });
  const annotated = await annotate(c, o);
  setOutputs(c, markdown);
  if (process.env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(markdown, true).write();
  await comment(c, o, o.runUrl);
  if (failed(c.findings)) core.setFailed(safeLine(failureMessage(c, annotated)));
  else core.info(`package-storage policy: pass (${plural(c.changes.length, 'version change')} checked)`);
}

/** A run with nothing to check (not a channel branch, a deleted branch): a notice, outputs and a one-line summary. */
export async function reportSkip(reason: string): Promise<void> {
  core.notice(`Nothing to check: ${safeLine(reason)}.`);
  const markdown = `## package-storage policy: nothing to check\n\n${md(reason)}.`;
  core.setOutput('result', 'pass');
  for (const name of ['violations', 'findings', 'changes']) core.setOutput(name, '[]');
  core.setOutput('exact', '');
  core.setOutput('report', markdown);
  if (process.env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(markdown, true).write();
}
