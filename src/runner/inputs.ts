import * as core from '@actions/core';

/** A list input: comma- or newline-separated, trimmed, empty entries dropped. */
export function listInput(name: string): string[] {
  return core
    .getInput(name)
    .split(/[\n,]/)
    .map((s) => s.trim())
    .filter(Boolean);
}
