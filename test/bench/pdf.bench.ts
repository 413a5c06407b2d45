// PDF conversion throughput: the warm pool (1 and 2 instances) against cold libreoffice-convert,
// on the same 2-page contract with a 20-row table. Run: npx tsx test/bench/pdf.bench.ts
// Document counts: PDF_BENCH_WARM_DOCS (default 200), PDF_BENCH_COLD_DOCS (default 12).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPdfConverter, type PdfConverterConfig } from '../../runtime/pdf/convert-to-pdf.ts';
import { processesMentioning, residentMemoryMb } from '../../runtime/pdf/process-table.ts';
import { minimalDocx } from '../support/minimal-docx.ts';

interface Scenario {
  name: string;
  config: PdfConverterConfig;
  concurrency: number;
  documents: number;
}

interface Result {
  scenario: Scenario;
  startSeconds: number;
  seconds: number;
  failures: number;
  cpuSecondsPerPdf: number;
  peakRssMb: number;
  pages: number;
}

const clause =
  'The Supplier shall provide the services described in this agreement with the care and skill of a diligent ' +
  'professional, within the service levels of Annex 1, and shall inform the Customer without delay of any event ' +
  'that may affect their delivery. Either party may terminate this agreement by written notice of ninety days.';

function contractDocx(): Uint8Array {
  const paragraphs = ['SERVICE AGREEMENT No. D-1042', 'Between Acme Ltd (Supplier) and Globex Ltda (Customer)'];
  for (let index = 1; index <= 9; index++) paragraphs.push(`${index}. ${clause}`);
  const rows = [['#', 'Item', 'Quantity', 'Unit price', 'Total']];
  for (let index = 1; index <= 20; index++) {
    rows.push([String(index), `Support package ${index}`, String(index), '1,250.00 EUR', `${index * 1250}.00 EUR`]);
  }
  return minimalDocx(paragraphs, { table: rows });
}

const clockTicks = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }));

/** CPU seconds of the processes whose command line names `directory`, plus our reaped children. */
function cpuSeconds(directory: string): number {
  const ticksOf = (pid: number | 'self', fields: number[]) => {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const values = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      return fields.reduce((sum, field) => sum + Number(values[field - 3]), 0);
    } catch {
      return 0;
    }
  };
  // utime+stime (fields 14, 15) of live ones; cutime+cstime (16, 17) of ours covers cold soffices.
  const live = processesMentioning(directory).reduce((sum, pid) => sum + ticksOf(pid, [14, 15]), 0);
  return (live + ticksOf('self', [16, 17])) / clockTicks;
}

function sofficeRssMb(directory: string): number {
  const soffices = processesMentioning(directory).filter((pid) => {
    try {
      return readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === 'soffice.bin';
    } catch {
      return false;
    }
  });
  return residentMemoryMb(soffices);
}

function pageCount(pdf: Uint8Array, directory: string): number {
  const path = join(directory, 'sample.pdf');
  writeFileSync(path, pdf);
  return Number(/^Pages:\s+(\d+)/m.exec(execFileSync('pdfinfo', [path], { encoding: 'utf8' }))?.[1] ?? 0);
}

async function runScenario(scenario: Scenario, docx: Uint8Array): Promise<Result> {
  const workDir = mkdtempSync(join(tmpdir(), 'inkflow-pdf-bench-'));
  let peakRssMb = 0;
  const sampler = setInterval(() => {
    peakRssMb = Math.max(peakRssMb, sofficeRssMb(workDir));
  }, 100);
  const converter = createPdfConverter({ ...scenario.config, workDir, startTimeoutMs: 120_000 });
  try {
    const startedAt = performance.now();
    const sample = await converter.convert(docx); // warm-up: the pool's start is not throughput
    const startSeconds = (performance.now() - startedAt) / 1000;
    const pages = pageCount(sample, workDir);
    const cpuBefore = cpuSeconds(workDir);
    let next = 0;
    let failures = 0;
    const worker = async () => {
      while (next < scenario.documents) {
        next++;
        await converter.convert(docx).catch(() => failures++);
      }
    };
    const runStartedAt = performance.now();
    await Promise.all(Array.from({ length: scenario.concurrency }, worker));
    const seconds = (performance.now() - runStartedAt) / 1000;
    const cpuSecondsPerPdf = (cpuSeconds(workDir) - cpuBefore) / scenario.documents;
    return { scenario, startSeconds, seconds, failures, cpuSecondsPerPdf, peakRssMb, pages };
  } finally {
    clearInterval(sampler);
    await converter.close();
    rmSync(workDir, { recursive: true, force: true });
  }
}

function report(results: Result[]): void {
  const cold = results.find((result) => result.scenario.config.provider === 'cold');
  const rate = (result: Result) => (result.scenario.documents - result.failures) / result.seconds;
  console.table(
    results.map((result) => ({
      scenario: result.scenario.name,
      'in flight': result.scenario.concurrency,
      PDFs: result.scenario.documents,
      failed: result.failures,
      pages: result.pages,
      'start s': result.startSeconds.toFixed(1),
      'run s': result.seconds.toFixed(1),
      'PDFs/s': rate(result).toFixed(2),
      'PDFs/min': Math.round(rate(result) * 60),
      'CPU-s/PDF': result.cpuSecondsPerPdf.toFixed(3),
      'peak soffice RSS MB': Math.round(result.peakRssMb),
      'x cold': cold ? (rate(result) / rate(cold)).toFixed(1) : '-',
    })),
  );
}

async function main(): Promise<void> {
  const warmDocuments = Number(process.env.PDF_BENCH_WARM_DOCS ?? 200);
  const coldDocuments = Number(process.env.PDF_BENCH_COLD_DOCS ?? 12);
  const scenarios: Scenario[] = [
    { name: 'warm, 1 instance', config: { instances: 1 }, concurrency: 2, documents: warmDocuments },
    { name: 'warm, 2 instances', config: { instances: 2 }, concurrency: 4, documents: warmDocuments },
    { name: 'cold libreoffice-convert', config: { provider: 'cold' }, concurrency: 2, documents: coldDocuments },
  ];
  const docx = contractDocx();
  console.log(`${availableParallelism()} cores, load average before: ${loadavg().map((load) => load.toFixed(1))}`);
  const results: Result[] = [];
  for (const scenario of scenarios) {
    results.push(await runScenario(scenario, docx));
    console.log(`done: ${scenario.name} (load average ${loadavg()[0]?.toFixed(1)})`);
  }
  report(results);
}

await main();
