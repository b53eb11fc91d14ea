import { execFileSync } from 'node:child_process';

/** eSpeak NG is installed here: the tests that speak for real run only then. */
export const hasEspeak = (() => {
  try {
    execFileSync('espeak-ng', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
