import { processIO } from './io.js';
import { main } from './main.js';

// A reader that goes away (`package-storage validate ... | head -1`) is no crash: the rest of the output is dropped
// and the command still ends with its own exit code.
for (const stream of [process.stdout, process.stderr])
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });

void main(process.argv.slice(2), processIO).then((code) => {
  process.exitCode = code;
});
