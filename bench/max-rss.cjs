/* global process */
// Preloaded (`node --require bench/max-rss.cjs …`) by bench/plan.bench.ts: on exit, tells the
// process's peak resident set on standard error, on a line of its own.
process.on('exit', () => {
  process.stderr.write(`\nbench-max-rss-kb ${process.resourceUsage().maxRSS}\n`);
});
