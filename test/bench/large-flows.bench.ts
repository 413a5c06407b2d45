// The 5,000-node flows of each shape (test/support/large-flows.ts) through validate, compile and
// createEvaluator: CPU time and heap growth per shape, and the ratio to the same shape at 500
// nodes (about 10× is linear; the ladder used to double per node, the fan-out to grow as n²).
// Run by `npm run bench:engine` (after the evaluator table), or alone: npx tsx test/bench/large-flows.bench.ts
import { compileFlow } from '../../engine/compile/compile-flow.ts';
import { createEvaluator } from '../../engine/evaluate/create-evaluator.ts';
import { hasErrors, validateFlow } from '../../engine/validation/validate-flow.ts';
import type { Flow } from '../../schemas/index.ts';
import {
  chainFlow,
  deepChainFlow,
  fanOutFlow,
  hubFlow,
  ladderFlow,
  manyTriggersFlow,
  webhookFanOutFlow,
} from '../support/large-flows.ts';

const shapes: Record<string, (nodes: number) => Flow> = {
  chain: chainFlow,
  ladder: ladderFlow,
  'fan-out (one type)': (nodes) => fanOutFlow(nodes),
  'fan-out (webhooks)': webhookFanOutFlow,
  'deep nesting chain': deepChainFlow,
  'many triggers': manyTriggersFlow,
  'hub (triggers × actions)': hubFlow,
};

interface Figures {
  cpuMs: number;
  heapMb: number;
  findings: number;
  answerKb: number;
  rules: number | '-';
}

const gc = (globalThis as { gc?: () => void }).gc;

function measure(flow: Flow): Figures {
  gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  let heapPeak = heapBefore;
  const sample = () => {
    heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
  };
  const start = process.cpuUsage();
  const { diagnostics } = validateFlow(flow);
  sample();
  let rules: number | '-' = '-';
  if (!hasErrors(diagnostics)) {
    const ruleSet = compileFlow(flow);
    sample();
    createEvaluator(ruleSet);
    sample();
    rules = ruleSet.rules.length;
  }
  const cpu = process.cpuUsage(start);
  return {
    cpuMs: (cpu.user + cpu.system) / 1000,
    heapMb: (heapPeak - heapBefore) / 1024 / 1024,
    findings: diagnostics.length,
    answerKb: JSON.stringify(diagnostics).length / 1024,
    rules,
  };
}

export function benchLargeFlows(): void {
  console.log('\nflows at the limit: validate + compile + createEvaluator (compile only when valid)');
  console.log(
    `${gc ? '' : '(run node with --expose-gc for steadier heap figures) '}heap = growth of heapUsed, sampled after each step`,
  );
  const header = ['shape', 'nodes', 'CPU-ms', 'vs 500', 'heap MB', 'findings', 'answer KB', 'rules'];
  const lines: string[][] = [];
  // A warm-up round, so that the 500-node figure measures the code rather than the JIT.
  for (const build of Object.values(shapes)) measure(build(500));
  for (const [name, build] of Object.entries(shapes)) {
    const small = measure(build(500));
    const large = measure(build(5_000));
    lines.push([
      name,
      '5000',
      large.cpuMs.toFixed(0),
      `${(large.cpuMs / Math.max(1, small.cpuMs)).toFixed(1)}×`,
      large.heapMb.toFixed(0),
      String(large.findings),
      large.answerKb.toFixed(1),
      String(large.rules),
    ]);
  }
  const widths = header.map((cell, column) =>
    Math.max(cell.length, ...lines.map((line) => (line[column] as string).length)),
  );
  const format = (cells: string[]) => cells.map((cell, column) => cell.padStart(widths[column] as number)).join(' | ');
  console.log(format(header));
  console.log(widths.map((width) => '-'.repeat(width)).join('-|-'));
  for (const line of lines) console.log(format(line));
}

if (import.meta.url === `file://${process.argv[1]}`) benchLargeFlows();
