// npm run bench:signing — what signing adds to a document: per demo contract, the PDF conversion
// (real warm LibreOffice, as the runtime makes it), the final PDF's composition (signatures,
// stripes, certificate page: runtime/completion), the seal and the verification; then the ratio
// (compose + seal) / conversion. Target: under 0.2, i.e. sealing and the certificate page add
// under 20% to a document's end-to-end cost. Sequential, one core: the cost, not the throughput.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { PNG } from 'pngjs';
import { createPdfConverter } from '../../runtime/pdf/convert-to-pdf.ts';
import { sealPdf } from '../../runtime/sealing/seal-pdf.ts';
import { sealReason } from '../../runtime/sealing/seal-reason.ts';
import { verifyPdf } from '../../runtime/verification/verify-pdf.ts';
import { foreignIdentity } from '../support/seal-tools.ts';

const conversions = 10;
const composes = 20;
const seals = 50;
const verifications = 200;

async function timed(count: number, task: () => Promise<unknown> | unknown): Promise<number> {
  await task(); // warm: the first call pays for loading code and fonts
  const started = performance.now();
  for (let i = 0; i < count; i++) await task();
  return (performance.now() - started) / count;
}

function signaturePng(): Uint8Array {
  const png = new PNG({ width: 300, height: 100 });
  png.data.fill(0);
  for (let i = 3; i < png.data.length; i += 4) png.data[i] = (i >> 2) % 300 < 150 ? 255 : 0;
  return new Uint8Array(PNG.sync.write(png));
}

type Compose = (pdf: Uint8Array) => Promise<Uint8Array>;

/**
 * runtime/completion's composeFinalPdf (as the runtime calls it, worker included) or, with
 * inThread, composeFinalPdfNow (its CPU alone), if that part is in this tree; else undefined.
 */
async function loadCompose(inThread: boolean): Promise<Compose | undefined> {
  try {
    const composeFinalPdf = inThread
      ? (await import('../../runtime/completion/compose-final-pdf-now.ts')).composeFinalPdfNow
      : (await import('../../runtime/completion/compose-final-pdf.ts')).composeFinalPdf;
    const signer = (name: string, side: 'company' | 'counterparty') => ({
      name,
      side,
      partyIndex: 1,
      codeDestination: `${name.split(' ')[0]?.toLowerCase()}@example.com`,
      consentAt: '2026-12-01T10:00:00.000Z',
      codeConfirmedAt: '2026-12-01T10:01:00.000Z',
      signedAt: '2026-12-01T10:02:00.000Z',
      ip: '203.0.113.7',
      userAgent: 'Mozilla/5.0 bench',
      signaturePng: signaturePng(),
      stampPng: null,
      fields: {},
      signatureMethod: 'drawn',
    });
    return (pdf) =>
      composeFinalPdf({
        originalPdf: pdf,
        marks: [],
        signers: [signer('Ana Diretora', 'company'), signer('Bruno Cliente', 'counterparty')],
        envelopeId: 'env_bench',
        documentId: 'doc_bench',
        title: 'Service contract',
        senderCompany: 'Construtora São Paulo',
        originalSha256: createHash('sha256').update(pdf).digest('hex'),
        completedAt: '2026-12-01T10:02:00.000Z',
        verifyUrl: 'http://localhost:3000/verify/env_bench',
        language: 'en',
      });
  } catch (error) {
    console.log(`composeFinalPdf unavailable (${(error as Error).message}); benching the seal alone`);
    return undefined;
  }
}

const converter = createPdfConverter({ provider: 'warm', instances: 1, timeoutMs: 60_000 });
try {
  const docx = readFileSync('runtime/demo/templates/contract-standard.docx');
  const original = await converter.convert(docx);
  const conversionMs = await timed(conversions, () => converter.convert(docx));
  const compose = await loadCompose(false);
  const composeInThread = await loadCompose(true);
  const composed = compose ? await compose(original) : original;
  const composeMs = compose ? await timed(composes, () => compose(original)) : 0;
  const inThreadMs = composeInThread ? await timed(composes, () => composeInThread(original)) : 0;
  const identity = await foreignIdentity('inkflow seal — bench');
  const details = { reason: sealReason('env_bench'), name: 'inkflow seal', location: '', contactInfo: '' };
  const sealed = await sealPdf(composed, identity, details);
  const sealMs = await timed(seals, () => sealPdf(composed, identity, details));
  const verifyMs = await timed(verifications, () => verifyPdf(sealed, identity));
  if ((await verifyPdf(sealed, identity)).result !== 'intact')
    throw new Error('the benchmark sealed a PDF that does not verify');
  const ratio = (composeMs + sealMs) / conversionMs;
  const cpuRatio = ((composeInThread ? inThreadMs : composeMs) + sealMs) / conversionMs;
  const rows: [string, string][] = [
    ['demo contract PDF', `${original.length} bytes; final ${sealed.length} bytes`],
    ['conversion (LibreOffice, warm)', `${conversionMs.toFixed(1)} ms/doc`],
    ['compose (marks, stripes, certificate)', compose ? `${composeMs.toFixed(1)} ms/doc` : 'not measured'],
    ['compose, in-thread (its CPU alone)', composeInThread ? `${inThreadMs.toFixed(1)} ms/doc` : 'not measured'],
    ['seal', `${sealMs.toFixed(1)} ms/doc = ${(1000 / sealMs).toFixed(0)} seals/s`],
    ['verify', `${verifyMs.toFixed(2)} ms/doc = ${(1000 / verifyMs).toFixed(0)} verifications/s`],
    ['(compose + seal) / conversion', `${(ratio * 100).toFixed(1)}% (target < 20%)`],
    ['(compose in-thread + seal) / conversion', `${(cpuRatio * 100).toFixed(1)}%`],
  ];
  for (const [name, value] of rows) console.log(`${name.padEnd(40)} ${value}`);
  process.exitCode = ratio < 0.2 ? 0 : 1;
} finally {
  await converter.close();
}
