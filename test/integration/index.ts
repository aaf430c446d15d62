// Entry point of the integration suites run in a trusted workspace (see runSuites.ts).
import { runSuites } from './runSuites';

export function run(): Promise<void> {
  return runSuites(__dirname);
}
