import type { ProgressReporter } from '../run/progress-reporter.js';

export interface Interrupts {
  /** Aborted by the first Ctrl-C: start no new papers. */
  stopSignal: AbortSignal;
  /** Aborted by a second Ctrl-C or SIGTERM: abandon the papers in flight. */
  abortSignal: AbortSignal;
  dispose(): void;
}

/** Turns Ctrl-C and SIGTERM into the run's two signals, telling the person what each one does. */
export function watchInterrupts(reporter: ProgressReporter, target: NodeJS.Process = process): Interrupts {
  const stopController = new AbortController();
  const abortController = new AbortController();
  const onSignal = (signal: NodeJS.Signals) => {
    if (signal === 'SIGINT' && !stopController.signal.aborted) {
      reporter.warn('interrupted: starting no new papers; waiting for those in flight (Ctrl-C again to abandon them)');
      stopController.abort();
      return;
    }
    reporter.warn('interrupted: abandoning the papers in flight');
    stopController.abort();
    abortController.abort();
  };
  target.on('SIGINT', onSignal);
  target.on('SIGTERM', onSignal);
  return {
    stopSignal: stopController.signal,
    abortSignal: abortController.signal,
    dispose() {
      target.off('SIGINT', onSignal);
      target.off('SIGTERM', onSignal);
    },
  };
}
