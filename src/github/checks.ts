// A check run carrying every annotation of a report (the Checks API: `checks: write`). Workflow commands reach at
// most 10 errors and 10 warnings per step; a check run takes any number, 50 per request, each update appending to
// the ones already there. A token that may not create check runs (no `checks: write`, a fork PR's read-only token)
// is not a failure: the caller falls back to workflow commands.
import { apiError, type Octokit, type RepoRef } from './api.js';

export interface CheckAnnotation {
  path: string;
  start_line: number;
  end_line: number;
  annotation_level: 'notice' | 'warning' | 'failure';
  message: string;
  title?: string;
  raw_details?: string;
}

export interface CheckRunReport {
  name: string;
  headSha: string;
  conclusion: 'success' | 'failure' | 'neutral';
  title: string;
  /** Markdown, at most 65,535 characters (the caller condenses). */
  summary: string;
  detailsUrl?: string;
  annotations: readonly CheckAnnotation[];
}

export type CheckRunResult =
  | { kind: 'created'; id: number; url: string; annotations: number; requests: number }
  | { kind: 'forbidden'; message: string };

/** Annotations per request: the Checks API's limit. */
export const annotationBatch = 50;

const statusOf = (error: unknown): number | undefined => (error as { status?: number }).status;

export async function publishCheckRun(
  octokit: Octokit,
  repo: RepoRef,
  report: CheckRunReport,
): Promise<CheckRunResult> {
  const batches: Array<readonly CheckAnnotation[]> = [];
  for (let i = 0; i < report.annotations.length; i += annotationBatch)
    batches.push(report.annotations.slice(i, i + annotationBatch));
  const output = (batch: readonly CheckAnnotation[] | undefined) => ({
    title: report.title,
    summary: report.summary,
    ...(batch?.length ? { annotations: [...batch] } : {}),
  });
  const last = Math.max(batches.length - 1, 0);
  let created: { id: number; html_url: string | null };
  try {
    const { data } = await octokit.rest.checks.create({
      ...repo,
      name: report.name,
      head_sha: report.headSha,
      ...(report.detailsUrl ? { details_url: report.detailsUrl } : {}),
      // Done in one request when every annotation fits in it; otherwise completed with the last batch.
      ...(last === 0 ? { conclusion: report.conclusion } : { status: 'in_progress' as const }),
      output: output(batches[0]),
    });
    created = data;
  } catch (error) {
    if (statusOf(error) === 403 || statusOf(error) === 404)
      return { kind: 'forbidden', message: apiError(error, 'creating a check run').message };
    throw apiError(error, 'creating a check run');
  }
  for (let i = 1; i <= last; i++) {
    try {
      await octokit.rest.checks.update({
        ...repo,
        check_run_id: created.id,
        ...(i === last ? { conclusion: report.conclusion } : {}),
        output: output(batches[i]),
      });
    } catch (error) {
      throw apiError(error, `adding annotations ${i * annotationBatch + 1}– to check run ${created.id}`);
    }
  }
  return {
    kind: 'created',
    id: created.id,
    url: created.html_url ?? '',
    annotations: report.annotations.length,
    requests: last + 1,
  };
}
