// Entry point of the suites run in an untrusted workspace, in Restricted Mode
// (`node test/runner/offline.mjs --restricted`; see ../runSuites.ts).
import { runSuites } from '../runSuites';

export function run(): Promise<void> {
  return runSuites(__dirname);
}
