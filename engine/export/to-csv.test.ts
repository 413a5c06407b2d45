import { describe, expect, it } from 'vitest';
import { type ExportRow, loadSchema } from '../../schemas/index.ts';
import { parseCsv } from '../../test/cli/parse-csv.ts';
import { csvCell, exportColumns, toCsv } from './to-csv.ts';

const row = (overrides: Partial<ExportRow> = {}): ExportRow => ({
  pipelineId: 'sales',
  trigger: 'stage contract',
  stageId: 'contract',
  documentType: 'contract',
  action: 'sendDocument',
  templateId: 'contract-large',
  priority: 1,
  conditions: 'amount > 50000',
  flowId: 'sales-documents',
  flowVersion: 2,
  ruleName: 'sales-documents:a->b',
  ...overrides,
});

describe('toCsv', () => {
  it('has the columns of export.schema.json, in its order', () => {
    const schema = loadSchema('export.schema.json') as {
      definitions: { exportRow: { properties: object; required: string[] } };
    };
    expect(exportColumns).toEqual(Object.keys(schema.definitions.exportRow.properties));
    expect([...exportColumns].sort()).toEqual([...schema.definitions.exportRow.required].sort());
  });

  it('writes a header and one CRLF-terminated line per row, unquoted when nothing needs quoting', () => {
    expect(toCsv([row()])).toBe(
      'pipelineId,trigger,stageId,documentType,action,templateId,priority,conditions,flowId,flowVersion,ruleName\r\n' +
        'sales,stage contract,contract,contract,sendDocument,contract-large,1,amount > 50000,sales-documents,2,sales-documents:a->b\r\n',
    );
    expect(toCsv([])).toBe(`${exportColumns.join(',')}\r\n`);
  });

  it('quotes fields with commas, quotes and line breaks, doubling the quotes', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('cr\rhere')).toBe('"cr\rhere"');
    expect(csvCell('plain text')).toBe('plain text');
    expect(csvCell(42)).toBe('42');
  });

  it('neutralises cells a spreadsheet would run as a formula', () => {
    expect(csvCell('=HYPERLINK("http://evil.example","x")')).toBe('"\'=HYPERLINK(""http://evil.example"",""x"")"');
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-2')).toBe("'-2");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\tx')).toBe("'\tx");
    expect(csvCell('a=b')).toBe('a=b');
  });

  it('reads back field for field, whatever the fields hold', () => {
    const tricky = row({
      conditions: 'title = "a, b" AND NOT (fields.region in [EU, "x\r\ny"])',
      ruleName: 'flow:"quoted"->action',
      templateId: '',
    });
    const records = parseCsv(toCsv([row(), tricky]));
    expect(records[0]).toEqual([...exportColumns]);
    expect(records).toHaveLength(3);
    expect(records[2]).toEqual(exportColumns.map((column) => String(tricky[column])));
  });
});
