import { processIO } from './io.js';
import { main } from './main.js';

void main(process.argv.slice(2), processIO).then((code) => {
  process.exitCode = code;
});
