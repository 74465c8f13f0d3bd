// Entry of the Action's main step (runs.main). It keeps the runner's credentials out of the
// process's environment block before anything else (see adapters/sealed-environment.ts), then
// loads the rest of the Action: a separate chunk, so the re-executed process is the only one that
// parses it. A dry run starts no step and is not sealed.
import { fileURLToPath } from 'node:url';
import { sealEnvironment } from './adapters/sealed-environment.ts';

if (process.env['INPUT_DRY-RUN'] !== 'true') sealEnvironment();
const { startMain } = await import('./action/main-entry.ts');
await startMain(fileURLToPath(import.meta.url));
