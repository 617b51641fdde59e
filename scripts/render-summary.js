// Renders a job summary (the GitHub-flavoured Markdown an action writes to GITHUB_STEP_SUMMARY) to a PNG the way
// GitHub shows it: GFM with inline HTML (marked), GitHub's own Markdown stylesheet (github-markdown-css), in headless
// Chromium. `<details>` blocks can be opened for the picture with --open-details.
// Usage: node scripts/render-summary.js SUMMARY.md OUT.png [--width 1012] [--open-details] [--title TEXT]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { marked } from 'marked';

const require = createRequire(import.meta.url);
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    width: { type: 'string', default: '1012' },
    'open-details': { type: 'boolean', default: false },
    title: { type: 'string', default: 'Job summary' },
    chromium: { type: 'string', default: process.env.CHROMIUM ?? 'chromium' },
  },
});
const [input, output] = positionals;
if (!input || !output) {
  console.error(
    'usage: node scripts/render-summary.js SUMMARY.md OUT.png [--width 1012] [--open-details] [--title TEXT]',
  );
  process.exit(2);
}

const css = readFileSync(require.resolve('github-markdown-css/github-markdown-light.css'), 'utf8');
let body = marked.parse(readFileSync(input, 'utf8'), { gfm: true, async: false });
if (values['open-details']) body = body.replaceAll('<details>', '<details open>');
const escape = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
const page = `<!doctype html><html><head><meta charset="utf-8"><title>pending</title><style>${css}
body { margin: 0; background: #f6f8fa; font-family: -apple-system, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif; }
.frame { margin: 16px; border: 1px solid #d0d7de; border-radius: 6px; background: #fff; }
.frame > h3 { margin: 0; padding: 12px 16px; font-size: 14px; border-bottom: 1px solid #d0d7de; }
.markdown-body { padding: 16px 24px; }
</style></head><body><div class="frame"><h3>${escape(values.title)}</h3><article class="markdown-body">${body}</article></div>
<script>document.title = String(Math.ceil(document.documentElement.getBoundingClientRect().height));</script>
</body></html>`;

const dir = mkdtempSync(join(tmpdir(), 'render-summary-'));
try {
  const html = join(dir, 'summary.html');
  writeFileSync(html, page);
  // Flags that keep Chromium off the network (this machine has none) and out of the user's profile.
  const flags = [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--hide-scrollbars',
    `--user-data-dir=${join(dir, 'profile')}`,
  ];
  const width = Number(values.width);
  const chromium = (args) => {
    const result = spawnSync(values.chromium, [...flags, ...args], { encoding: 'utf8', timeout: 120_000 });
    if (result.status !== 0) {
      console.error(`chromium failed (${result.status}): ${result.stderr.split('\n').slice(-5).join('\n')}`);
      process.exit(1);
    }
    return result.stdout;
  };
  // First pass: the page's height at this width (the script writes it into the title); then the picture.
  const dom = chromium([`--window-size=${width},800`, '--dump-dom', `file://${html}`]);
  const height = Number(/<title>(\d+)<\/title>/.exec(dom)?.[1] ?? 1200);
  chromium([`--window-size=${width},${height + 32}`, `--screenshot=${resolve(output)}`, `file://${html}`]);
  console.log(`wrote ${output} (${width}x${height + 32})`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
