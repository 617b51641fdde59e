// registry-version: a channel's Dockerfile pins the package-registry that serves it (`ARG PACKAGE_REGISTRY=`). A
// change to it is a notice naming the old and new registry; channels pinning different registries then is a
// warning (drift: the same packages validated and served by different registries).
import type { RuleContext } from './context.js';

export function registryVersionRule(ctx: RuleContext): void {
  const r = ctx.input.registry;
  if (!r?.changed || r.before === r.after) return;
  const { channel } = ctx;
  ctx.report(
    'registry-version',
    {
      path: 'Dockerfile',
      standalone: true,
      message: `the Dockerfile changes the package-registry that serves ${channel.name} from ${r.before ?? '(none)'} to ${r.after ?? '(none)'}`,
    },
    'notice',
  );
  const pins = [{ channel: channel.name, version: r.after }, ...r.others].filter(
    (p) => p.version !== undefined,
  );
  if (new Set(pins.map((p) => p.version)).size > 1)
    ctx.report('registry-version', {
      path: 'Dockerfile',
      standalone: true,
      message: `after this change the channels pin different package-registry versions (${pins.map((p) => `${p.channel} ${p.version}`).join(', ')}): the same packages would be validated and served by different registries`,
    });
}
