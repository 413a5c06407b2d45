import { describe, expect, it } from 'vitest';
import { attachment } from './content-disposition.ts';

describe('attachment', () => {
  it('keeps a plain name and adds its RFC 5987 form', () => {
    expect(attachment('inkflow-rules.csv')).toBe(
      `attachment; filename="inkflow-rules.csv"; filename*=UTF-8''inkflow-rules.csv`,
    );
  });

  it('makes quotes, separators, controls and non-ASCII safe in the fallback and keeps them encoded', () => {
    const header = attachment('Contrato "São Paulo"/../\r\nx.pdf');
    expect(header).toMatch(/^attachment; filename="[A-Za-z0-9._ ()-]+"; filename\*=UTF-8''[A-Za-z0-9%._~!-]+$/);
    expect(header).toContain('filename="Contrato _Sao Paulo__..___x.pdf"');
    expect(header).toContain("filename*=UTF-8''Contrato%20%22S%C3%A3o%20Paulo%22%2F..%2F%0D%0Ax.pdf");
  });

  it('never gives an empty or dot-leading fallback', () => {
    expect(attachment('...')).toContain('filename="download"');
    expect(attachment('.env')).toContain('filename="env"');
  });
});
