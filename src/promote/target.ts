// What this run is for, decided in one place from the event and the inputs: a promotion along one edge, or the
// cleanup of some channels (after a push to channel C: every channel less stable than C).
import { UsageError } from '../core/errors.js';
import { channelByBranch, channelsServing, type Policy } from '../core/policy.js';
import { parseSpecs, type PackageSpec } from '../core/selection.js';
import { branchOfRef } from '../git/git.js';
import type { RunContext } from '../runner/event.js';
import { safeLine } from '../runner/sanitize.js';
import type { PromoteInputs } from './inputs.js';

export type Target =
  | { kind: 'promote'; from: string; to: string; specs: PackageSpec[] }
  | { kind: 'cleanup'; channels: string[] };

export function targetOf(ctx: RunContext, inputs: PromoteInputs, policy: Policy): Target {
  const mode = inputs.mode === 'auto' ? (ctx.eventName === 'push' ? 'cleanup' : 'promote') : inputs.mode;
  if (mode === 'promote') {
    if (!inputs.from || !inputs.to) throw new UsageError('inputs `from` and `to` are required to promote');
    // parseSpecs says what an empty selection lacks.
    const specs = inputs.specs.length > 0 ? inputs.specs : parseSpecs([]);
    return { kind: 'promote', from: inputs.from, to: inputs.to, specs };
  }
  if (inputs.channels.length > 0) return { kind: 'cleanup', channels: inputs.channels };
  const pushed = channelByBranch(policy, branchOfRef(ctx.ref) ?? '');
  if (!pushed)
    throw new UsageError(
      `cleanup needs the \`channel\` input, or a push to a channel branch (got ${JSON.stringify(safeLine(ctx.ref))})`,
    );
  return {
    kind: 'cleanup',
    channels: channelsServing(policy, pushed)
      .filter((c) => c !== pushed)
      .map((c) => c.name),
  };
}
