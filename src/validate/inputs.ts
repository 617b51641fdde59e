// The validate action's inputs, read and checked once, before anything is fetched: a wrong value is a usage error
// (exit 2) that names the input and the values it takes.
import * as core from '@actions/core';
import { configPath } from '../core/config.js';
import { oneOfInput } from '../runner/inputs.js';

/** Where the findings are annotated: workflow commands (10 errors and 10 warnings per step) or a check run (all). */
export const annotationModes = ['workflow-commands', 'check-run'] as const;
export type AnnotationMode = (typeof annotationModes)[number];

/** When the report is posted as a sticky PR comment. */
export const commentModes = ['never', 'on-failure', 'always'] as const;
export type CommentMode = (typeof commentModes)[number];

export interface ValidateInputs {
  token: string;
  /** The policy file's path on the default branch. */
  config: string;
  /** Where actions/checkout put the repository, relative to the workspace (or absolute). */
  repositoryPath: string;
  annotations: AnnotationMode;
  comment: CommentMode;
}

export function readInputs(): ValidateInputs {
  // The runner masks the token already (the job token, or a secret).
  return {
    token: core.getInput('github-token'),
    config: core.getInput('config') || configPath,
    repositoryPath: core.getInput('repository-path') || '.',
    annotations: oneOfInput('annotations', annotationModes, 'workflow-commands'),
    comment: oneOfInput('comment', commentModes, 'never'),
  };
}
