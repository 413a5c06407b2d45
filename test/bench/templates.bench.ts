// Template inspection cost and what it does to the event loop: the same heavy (allowed) templates
// inspected in-process (the baseline: what uploads did before the worker pool) and on the pool.
// Prints inspection time and the event loop's worst delay while it ran, and their ratios.
// Run: npx tsx test/bench/templates.bench.ts   (TEMPLATE_BENCH_MB, default "1,2,3.9")
import { inspectTemplate } from '../../runtime/documents/render/inspect-template.ts';
import { TemplateWorkerPool } from '../../runtime/documents/render/template-worker-pool.ts';
import { largeXmlDocx } from '../support/template-bombs.ts';

interface Figure {
  ms: number;
  worstLoopDelayMs: number;
}

async function measure(run: () => Promise<unknown>): Promise<Figure> {
  // A 5 ms ticker: the longest gap between its ticks is how long the loop was held.
  let last = performance.now();
  let worst = 0;
  const ticker = setInterval(() => {
    const now = performance.now();
    worst = Math.max(worst, now - last);
    last = now;
  }, 5);
  const started = performance.now();
  await run();
  const ms = performance.now() - started;
  clearInterval(ticker);
  worst = Math.max(worst, performance.now() - last);
  return { ms, worstLoopDelayMs: worst };
}

const sizes = (process.env.TEMPLATE_BENCH_MB ?? '1,2,3.9').split(',').map(Number);
const pool = new TemplateWorkerPool({ size: 1 });
await pool.run({ kind: 'inspect', bytes: largeXmlDocx(0.1) }, 60_000); // start the worker first
console.log('XML MB | in-process ms | worst loop delay ms | pool ms | worst loop delay ms | loop delay ratio');
for (const megabytes of sizes) {
  const bytes = largeXmlDocx(megabytes, 200);
  const inProcess = await measure(() => inspectTemplate(bytes));
  const pooled = await measure(() => pool.run({ kind: 'inspect', bytes }, 120_000));
  const ratio = pooled.worstLoopDelayMs / inProcess.worstLoopDelayMs;
  console.log(
    [
      megabytes,
      inProcess.ms.toFixed(0),
      inProcess.worstLoopDelayMs.toFixed(0),
      pooled.ms.toFixed(0),
      pooled.worstLoopDelayMs.toFixed(0),
      ratio.toFixed(3),
    ].join(' | '),
  );
}
await pool.close();
