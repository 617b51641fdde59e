// The one error boundary of every action: whatever goes wrong ends the step with a clear one-line error and the
// documented exit code (2 for usage or configuration, 1 otherwise), never a stack trace.
import * as core from '@actions/core';
import { errorMessage, exitCodeOf, RefusedError } from '../core/errors.js';
import { safeLine } from './sanitize.js';

export async function actionBoundary(body: () => Promise<void>, cleanup?: () => void): Promise<void> {
  try {
    await body();
  } catch (error) {
    // A refused plan names each thing it could not do: one annotation each, then the one-line failure.
    if (error instanceof RefusedError)
      for (const r of error.refusals)
        core.error(safeLine(r.message), {
          title: `refused: ${r.package ? `${r.package}@${r.version ?? ''}` : (r.spec ?? 'selection')}`,
        });
    core.setFailed(safeLine(errorMessage(error).split('\n')[0] ?? ''));
    process.exitCode = exitCodeOf(error) === 2 ? 2 : 1;
  } finally {
    cleanup?.();
  }
}
