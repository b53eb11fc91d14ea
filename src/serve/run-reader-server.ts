import type { Config } from '../config/config-schema.js';
import { type StartReaderServerOptions, startReaderServer } from './start-reader-server.js';

/**
 * `summarize serve` from start to stop: listens, says where, then on SIGTERM (systemd's stop) or Ctrl-C stops taking
 * connections, finishes the requests under way and closes the database before returning.
 */
export async function runReaderServer(config: Config, options: StartReaderServerOptions & { signals?: NodeJS.EventEmitter }): Promise<void> {
  const signals = options.signals ?? process;
  const server = await startReaderServer(config, options);
  options.log(`serving ${config.outputDir} and the readers' pages on ${server.url} (SIGTERM or Ctrl-C stops)`);
  const signal = await new Promise<string>((resolve) => {
    const stop = (name: string) => {
      signals.off('SIGTERM', stop);
      signals.off('SIGINT', stop);
      resolve(name);
    };
    signals.on('SIGTERM', stop);
    signals.on('SIGINT', stop);
  });
  options.log(`${signal}: stopping; finishing the requests under way`);
  await server.close();
  options.log('stopped');
}
