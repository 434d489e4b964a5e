// Worker thread entry: the TypeScript parse runs through tsx, like the rest of the program.
import { register } from 'tsx/esm/api';
register();
await import('./parse-worker.ts');
