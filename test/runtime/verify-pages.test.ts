// The /verify pages over real HTTP: the upload form and its result, the QR code's envelope page,
// English and Brazilian Portuguese, a strict CSP with no script, and pages (not JSON, not the
// designer) for an unknown envelope or a file that is no PDF.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSealIdentity } from '../../runtime/sealing/seal-identity.ts';
import { sealPdf } from '../../runtime/sealing/seal-pdf.ts';
import { sealReason } from '../../runtime/sealing/seal-reason.ts';
import { smallPdf } from '../support/seal-tools.ts';
import { createTestServices, startTestServer } from '../support/test-services.ts';
import { insertSealedEnvelope } from '../support/verify-fixtures.ts';

const envelopeId = 'env_verify_pages';

function form(bytes: Uint8Array): FormData {
  const body = new FormData();
  body.append('file', new Blob([new Uint8Array(bytes)], { type: 'application/pdf' }), 'contract.pdf');
  return body;
}

describe('the /verify pages', () => {
  let services: Awaited<ReturnType<typeof createTestServices>>;
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let sealed: Uint8Array;

  beforeAll(async () => {
    services = await createTestServices();
    server = await startTestServer(services);
    const details = { reason: sealReason(envelopeId), name: 'inkflow seal', location: '', contactInfo: '' };
    sealed = await sealPdf(await smallPdf(), await loadSealIdentity(services), details);
    await insertSealedEnvelope(services, envelopeId, sealed);
  });
  afterAll(async () => {
    await server?.close();
    await services?.dispose();
  });

  it('shows an upload form with a label, a button and the size limit, under a strict CSP', async () => {
    const response = await fetch(`${server.url}/verify`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/html');
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("form-action 'self'");
    expect(csp).not.toContain('unsafe-inline');
    const html = await response.text();
    expect(html).toContain('<label for="file">PDF file</label>');
    expect(html).toContain('enctype="multipart/form-data"');
    expect(html).toContain('At most 30 MB.');
    expect(html).not.toContain('<script');
    expect(html).not.toMatch(/https?:\/\//);
    const css = await fetch(`${server.url}/verify.css`);
    expect(css.headers.get('content-type')).toContain('text/css');
  });

  it('speaks Brazilian Portuguese from Accept-Language or ?lang=', async () => {
    const byHeader = await fetch(`${server.url}/verify`, { headers: { 'accept-language': 'pt-BR,pt;q=0.9' } });
    expect(await byHeader.text()).toContain('Verificar um PDF assinado');
    const byQuery = await fetch(`${server.url}/verify?lang=pt-BR`);
    const html = await byQuery.text();
    expect(html).toContain('<html lang="pt-BR">');
    expect(html).toContain('No máximo 30 MB.');
  });

  it('renders the verdict of an uploaded file with the envelope, without emails or IPs', async () => {
    const response = await fetch(`${server.url}/verify?lang=en`, { method: 'POST', body: form(sealed) });
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('Intact: sealed by this instance');
    expect(html).toContain('Service contract');
    expect(html).toContain('Bruno Cliente');
    expect(html).not.toContain('@example.com');
    expect(html).not.toContain('203.0.113.7');
    const plain = await fetch(`${server.url}/verify?lang=pt-BR`, { method: 'POST', body: form(await smallPdf()) });
    expect(await plain.text()).toContain('Desconhecido');
  });

  it('opens the envelope page of the QR code, and compares a file with it', async () => {
    const page = await fetch(`${server.url}/verify/${envelopeId}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('Ana Diretora');
    expect(html).toContain(`action="/verify/${envelopeId}?lang=en"`);
    const same = await fetch(`${server.url}/verify/${envelopeId}`, { method: 'POST', body: form(sealed) });
    expect(await same.text()).toContain('Your file is the sealed PDF of this envelope.');
    const other = await fetch(`${server.url}/verify/${envelopeId}`, { method: 'POST', body: form(await smallPdf()) });
    expect(await other.text()).toContain('Your file is not the sealed PDF of this envelope.');
  });

  it('answers an unknown envelope and a deeper path with a 404 page of its own', async () => {
    for (const path of ['/verify/env_nope', '/verify/env_nope/more', '/verify/x?lang=pt-BR']) {
      const response = await fetch(`${server.url}${path}`);
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toContain('text/html');
      const html = await response.text();
      expect(html).toMatch(/No such envelope|Envelope não encontrado/);
      expect(html).not.toMatch(/\n\s+at /);
    }
  });

  it('answers a file that is no PDF with a page saying what to send', async () => {
    const response = await fetch(`${server.url}/verify`, {
      method: 'POST',
      body: form(new TextEncoder().encode('hi')),
    });
    expect(response.status).toBe(415);
    const html = await response.text();
    expect(html).toContain('This is not a PDF');
    expect(html).toContain('<a href="/verify?lang=en">');
  });

  it('escapes what it shows', async () => {
    await services.database.db
      .updateTable('envelopes')
      .set({ title: '<script>alert(1)</script>' })
      .where('id', '=', envelopeId)
      .execute();
    const html = await (await fetch(`${server.url}/verify/${envelopeId}`)).text();
    expect(html).not.toContain('<script>');
    expect(html).toContain('&#60;script&#62;');
  });
});
