// Module hooks for TypeScript sources (register.mjs): `./x.js` resolves to `./x.ts` where only the .ts exists, as
// the sources import one another; .ts files are stripped of their types by oxc (rolldown's transformer, which
// vitest's vite ships), without type checking.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { transformSync } from 'rolldown/experimental';

export async function resolve(specifier, context, next) {
  try {
    return await next(specifier, context);
  } catch (error) {
    const relative = specifier.startsWith('.') || specifier.startsWith('file:');
    if (error?.code !== 'ERR_MODULE_NOT_FOUND' || !relative || !specifier.endsWith('.js')) throw error;
    const url = new URL(`${specifier.slice(0, -3)}.ts`, context.parentURL);
    if (!existsSync(fileURLToPath(url))) throw error;
    return { url: url.href, format: 'module', shortCircuit: true };
  }
}

export async function load(url, context, next) {
  if (!url.startsWith('file:') || !url.endsWith('.ts')) return next(url, context);
  const path = fileURLToPath(url);
  const out = transformSync(path, await readFile(path, 'utf8'), {
    lang: 'ts',
    sourceType: 'module',
    sourcemap: false,
  });
  if (out.errors.length > 0) throw new Error(`${path}: ${out.errors.map((e) => e.message).join('; ')}`);
  return { format: 'module', source: out.code, shortCircuit: true };
}
