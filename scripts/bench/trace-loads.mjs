// Preloaded with `node --import <this file>`: appends the URL of every module the ESM loader
// loads (the entry, its chunks, node: built-ins) to the file named by BENCH_LOADS_FILE.
import { appendFileSync } from 'node:fs';
import { registerHooks } from 'node:module';

const file = process.env.BENCH_LOADS_FILE;
if (file) {
  registerHooks({
    load(url, context, nextLoad) {
      appendFileSync(file, `${url}\n`);
      return nextLoad(url, context);
    },
  });
}
