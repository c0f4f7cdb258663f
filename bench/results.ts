/**
 * bench/results.json holds every benchmark's latest figures, each under its own key; a benchmark
 * replaces its own and keeps the others'.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

const file = new URL('./results.json', import.meta.url);

/**
 * Writes a benchmark's rows under its key, stamped with the date and Node's version.
 *
 * @param key - The benchmark's key (`plans`, `outcomes`, `assignment`).
 * @param value - What to keep under it (its rows and anything else it reports).
 */
export function saveResults(key: string, value: Record<string, unknown>): void {
  const previous = existsSync(file)
    ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>)
    : {};
  previous[key] = { date: new Date().toISOString(), node: process.version, ...value };
  writeFileSync(file, `${JSON.stringify(previous, null, 2)}\n`);
}
