import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileFlows } from '../../engine/compile/compile-flow.ts';
import { exportColumns } from '../../engine/export/to-csv.ts';
import { checkAgainst, type ExportDocument } from '../../schemas/index.ts';
import { demoFlow } from '../support/examples.ts';
import { parseCsv } from './parse-csv.ts';
import { demoFlowFile, runCli, runInProcess, scratchDirectory, writeScratchFile } from './run-cli.ts';

const directory = scratchDirectory();
// A second flow whose condition text needs CSV quoting: a comma and double quotes.
const renamed = (() => {
  const flow = { ...demoFlow(), id: 'renewals', name: 'Renewals', version: 4 };
  const region = { fact: 'fields.region', operator: 'in', value: ['EU', 'UK, IE'] };
  flow.nodes = flow.nodes.map((node) =>
    node.type === 'condition'
      ? {
          ...node,
          data: { conditions: { all: [...('all' in node.data.conditions ? node.data.conditions.all : []), region] } },
        }
      : node,
  );
  return flow;
})();
const secondFlowFile = writeScratchFile(directory, 'renewals.json', renamed);

describe('inkflow export', () => {
  it('writes CSV with a header and one row per rule of every flow, that parses back', async () => {
    const run = await runCli('export', demoFlowFile, secondFlowFile, '--format', 'csv');
    expect(run.code).toBe(0);
    const ruleSet = compileFlows([demoFlow(), renamed]);
    const [header, ...rows] = parseCsv(run.stdout);
    expect(header).toEqual([...exportColumns]);
    expect(rows.map((row) => row[exportColumns.indexOf('ruleName')])).toEqual(ruleSet.rules.map((rule) => rule.name));
    const large = rows.find((row) => row.includes('renewals:enter-contract->send-contract-large'));
    expect(large).toEqual([
      'sales',
      'stage contract',
      'contract',
      'contract',
      'sendDocument',
      'contract-large',
      '1',
      'amount > 50000 AND fields.region in [EU, "UK, IE"]',
      'renewals',
      '4',
      'renewals:enter-contract->send-contract-large',
    ]);
    expect(run.stdout.split('\r\n')).toHaveLength(rows.length + 2);
  });

  it('writes JSON that matches export.schema.json, the default format', async () => {
    const run = await runCli('export', demoFlowFile);
    expect(run.code).toBe(0);
    const document = JSON.parse(run.stdout) as ExportDocument;
    expect(checkAgainst('export.schema.json', document).ok).toBe(true);
    expect(document.rules.map((rule) => rule.templateId)).toEqual([
      'contract-large',
      'contract-standard',
      'invoice',
      '',
      '',
    ]);
    expect(document.rules[1]?.conditions).toBe('NOT (amount > 50000)');
  });

  it('writes with -o the bytes it prints, the same on every run', async () => {
    const output = join(directory, 'export.csv');
    const [written, printed] = await Promise.all([
      runCli('export', demoFlowFile, '--format', 'csv', '-o', output),
      runInProcess('export', demoFlowFile, '--format', 'csv'),
    ]);
    expect(written.code).toBe(0);
    expect(written.stdout).toBe('');
    expect(readFileSync(output, 'utf8')).toBe(printed.stdout);
  });

  it('refuses two files with the same flow id, naming both', async () => {
    const copy = writeScratchFile(directory, 'copy.json', demoFlow());
    const run = await runInProcess('export', demoFlowFile, copy);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`inkflow: ${copy}: /id: flow id "sales-documents" is also the id of ${demoFlowFile}\n`);
  });
});
