// The policy file's schema is compiled ahead of time (scripts/policy-validator.js): the committed validator must be
// exactly what the schema compiles to, and behave as Ajv compiling the schema at run time does.
import { readFile } from 'node:fs/promises';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import schema from '../../schema/package-storage.schema.json' with { type: 'json' };
import compiled from '../../src/core/policy-validator.generated.js';

interface Generator {
  target: string;
  generate(): Promise<string>;
}

describe('the compiled policy schema', () => {
  it('is current: regenerating it from the schema gives the committed file (run node scripts/policy-validator.js)', async () => {
    // A plain-JS script (no types): its path through a variable keeps the compiler from resolving it.
    const script = '../../scripts/policy-validator.js';
    const generator = (await import(script)) as Generator;
    expect(await readFile(generator.target, 'utf8')).toBe(await generator.generate());
  });

  it.each([
    {},
    { channels: [{ name: 'production', overwrite: 'sometimes', bogus: 1 }] },
    { rules: { shadowed: 'fatal' }, limits: { 'file-bytes': 'lots' } },
    { exceptions: [{ package: 'apm', rules: [] }], identity: 'bytes' },
    'not a mapping',
  ])('reports what Ajv reports: %j', (value) => {
    const runtime = new Ajv({ allErrors: true, strict: false, verbose: true }).compile(schema);
    const validate = compiled as unknown as ((v: unknown) => boolean) & { errors?: unknown[] | null };
    expect(validate(value)).toBe(runtime(value));
    const shape = (errors: unknown[] | null | undefined): unknown =>
      (errors ?? []).map((e) => {
        const { instancePath, keyword, params } = e as Record<string, unknown>;
        return { instancePath, keyword, params };
      });
    expect(shape(validate.errors)).toEqual(shape(runtime.errors));
  });
});
