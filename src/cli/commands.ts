// Every command but validate, with the error boundary they run in: its own bundle (dist/cli/commands.js), loaded
// by main.ts when one of them runs. They bring the registry client, Octokit and the image builder, which a
// validate run (once per change, in hooks and CI) never needs and should not pay to load. The boundary comes from
// here too: an error class of this bundle is only `instanceof` this bundle's classes.
import { auditCommand, auditUsage } from './audit.js';
import { demoCommand, demoUsage } from './demo/main.js';
import { indexCommand, indexUsage } from './index-command.js';
import { invoke, type Command } from './invoke.js';
import { cleanupCommand, cleanupUsage, promoteCommand, promoteUsage } from './promote.js';
import { publishImageCommand, publishUsage } from './publish-image.js';
import { releaseCommand, releaseUsage } from './release.js';
import { rollbackCommand, rollbackUsage } from './rollback.js';

export { invoke };

export const commandModules: Record<string, { run: Command; usage: string }> = {
  audit: { run: auditCommand, usage: auditUsage },
  promote: { run: promoteCommand, usage: promoteUsage },
  cleanup: { run: cleanupCommand, usage: cleanupUsage },
  'publish-image': { run: publishImageCommand, usage: publishUsage },
  rollback: { run: rollbackCommand, usage: rollbackUsage },
  index: { run: indexCommand, usage: indexUsage },
  release: { run: releaseCommand, usage: releaseUsage },
  demo: { run: demoCommand, usage: demoUsage },
};
