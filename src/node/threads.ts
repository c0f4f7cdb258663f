/**
 * Starting a worker thread on one of the package's own modules (Node only), from the built package
 * (ES module or CommonJS, the command line's bundle among them) or from the TypeScript source under
 * tsx (tests, benchmarks).
 *
 * @module
 */
import process from 'node:process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker, type TransferListItem, type WorkerOptions } from 'node:worker_threads';

/**
 * The file of the calling module, from its `import.meta.url` and its `__filename` (pass
 * `typeof __filename === 'string' ? __filename : undefined`): CommonJS has `__filename`, the file the
 * code was bundled into (its shim of `import.meta.url` names a chunk shared by the entry points,
 * which does not start the worker's part); an ES module, and the TypeScript source under a loader,
 * its URL.
 */
export function modulePath(metaUrl: string, filename: string | undefined): string {
  return filename !== undefined && filename.length > 0 ? filename : fileURLToPath(metaUrl);
}

/**
 * Starts a thread from a file. It inherits the parent's Node options, V8's among them (a heap size
 * such as `--max-old-space-size`), except when the parent runs a program given as text
 * (`--input-type`), which Node refuses for a thread started from a file: the options are then passed
 * without it, or, if the thread refuses one of those too (V8's options, `--title`: Node takes them
 * for the whole process, never for a thread), none. The thread runs one of the package's own
 * modules, which needs no loader.
 */
function fileThread(path: string, options: WorkerOptions): Worker {
  const argv = process.execArgv;
  const execArgv: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--input-type') i++;
    else if (!a.startsWith('--input-type=')) execArgv.push(a);
  }
  if (execArgv.length === argv.length) return new Worker(path, options);
  try {
    return new Worker(path, { ...options, execArgv });
  } catch (error) {
    if ((error as { code?: unknown }).code !== 'ERR_WORKER_INVALID_EXEC_ARGV') throw error;
    return new Worker(path, { ...options, execArgv: [] });
  }
}

/**
 * Starts a thread running the module at `path` with `workerData` (the module tells from it that it
 * runs as a worker).
 *
 * @param path - The module's file ({@link modulePath}).
 * @param data - The thread's `workerData` (copied by structured clone, less what `transfer` moves).
 * @param transfer - Objects moved to the thread, not copied (message ports, buffers).
 * @returns The worker.
 */
export function startThread(path: string, data: unknown, transfer: readonly TransferListItem[] = []): Worker {
  // The TypeScript source (tests, benchmarks) needs tsx's loader registered in the thread too.
  return path.endsWith('.ts')
    ? new Worker(
        `import('tsx/esm/api').then((m) => { m.register(); return import(${JSON.stringify(pathToFileURL(path).href)}); });`,
        { eval: true, workerData: data, transferList: [...transfer] },
      )
    : fileThread(path, { workerData: data, transferList: [...transfer] });
}
