#!/usr/bin/env node
// validate is run once per change and is over in about a tenth of a second. V8 meanwhile starts optimizing compiles
// of whatever got warm, and a process cannot exit before the compiles that are running finish (measured: 10 ms of a
// 10-package validate's 130 ms, spent after its work was done). For validate, a larger tier-up budget keeps the run
// in the interpreter and baseline tiers. The long commands keep V8's default (with this budget a 650-commit
// `audit --history` took 7 % longer).
import { setFlagsFromString } from 'node:v8';

if (process.argv[2] === 'validate') setFlagsFromString('--interrupt-budget=500000');
await import('../dist/cli/index.js');
