// Imported first by the Action's main entry, so that it runs before any other module's code:
// re-executes the process with the credentials out of its environment block, where a step could
// read them through /proc (see adapters/sealed-environment.ts).
import { sealEnvironment } from '../adapters/sealed-environment.ts';

sealEnvironment();
