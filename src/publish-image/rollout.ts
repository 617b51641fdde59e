// Restarting the serving deployment of each channel whose image changed, so environments stop serving stale
// packages after a merge. kubectl runs with an argument list, never through a shell.
import { execFile } from 'node:child_process';
import { UsageError } from '../core/errors.js';

export interface RolloutTarget {
  channel: string;
  deployment: string;
}

export interface RolloutResult extends RolloutTarget {
  namespace: string;
  exitCode: number;
  output: string;
}

const dnsName = /^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/;

/**
 * Deployments per channel from a spec: a template with `{channel}` (`package-registry-{channel}-vanilla`) and/or lines
 * `channel=deployment` that override it for one channel.
 */
export function rolloutTargets(spec: string, channels: readonly string[]): RolloutTarget[] {
  let template: string | undefined;
  const explicit = new Map<string, string>();
  for (const line of spec
    .split(/[\n,]/)
    .map((l) => l.trim())
    .filter(Boolean)) {
    const eq = line.indexOf('=');
    if (eq === -1) template = line;
    else explicit.set(line.slice(0, eq).trim(), line.slice(eq + 1).trim());
  }
  const targets: RolloutTarget[] = [];
  for (const channel of channels) {
    const deployment = explicit.get(channel) ?? template?.replaceAll('{channel}', channel);
    if (!deployment) continue;
    if (deployment.length > 253 || !dnsName.test(deployment))
      throw new UsageError(
        `rollout deployment ${JSON.stringify(deployment)} for ${channel} is not a valid Kubernetes name`,
      );
    targets.push({ channel, deployment });
  }
  return targets;
}

export function validNamespace(namespace: string): string {
  if (namespace.length > 63 || !/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(namespace))
    throw new UsageError(
      `rollout namespace ${JSON.stringify(namespace)} is not a valid Kubernetes namespace`,
    );
  return namespace;
}

function run(
  command: string,
  args: string[],
  timeoutMs: number,
): Promise<{ exitCode: number; output: string }> {
  return new Promise((resolve) => {
    execFile(
      command,
      args,
      { timeout: timeoutMs, maxBuffer: 1 << 20, shell: false },
      (error, stdout, stderr) => {
        const output = `${stdout}${stderr}`.trim();
        if (!error) return resolve({ exitCode: 0, output });
        const code = typeof error.code === 'number' ? error.code : -1;
        resolve({ exitCode: code, output: output || error.message });
      },
    );
  });
}

/** `kubectl rollout restart deployment <name> -n <namespace>` for each target; all are tried, results returned. */
export async function rollout(o: {
  kubectl: string;
  namespace: string;
  targets: RolloutTarget[];
  timeoutMs?: number;
}): Promise<RolloutResult[]> {
  const namespace = validNamespace(o.namespace);
  const results: RolloutResult[] = [];
  for (const t of o.targets) {
    const r = await run(
      o.kubectl,
      ['rollout', 'restart', 'deployment', t.deployment, '-n', namespace],
      o.timeoutMs ?? 120_000,
    );
    results.push({ ...t, namespace, ...r });
  }
  return results;
}
