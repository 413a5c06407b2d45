// npm run bench:signing — what signing adds to a document: per demo contract, the document's own
// making as the runtime does it (render the DOCX with the example deal, convert it on the warm
// LibreOffice pool, locate the signature marks), then the final PDF's composition with those marks
// (signatures, stamp, field, stripes, certificate page and the seal's empty signature:
// runtime/completion, in its worker), the seal (the CMS) and the verification; then the ratios (compose + seal) / document and / conversion alone.
// Target: under 0.2, i.e. sealing and the certificate page add under 20% to a document's
// end-to-end cost. Sequential, one at a time: the cost, not the throughput. Each figure is the
// median of its runs, as the machine is shared.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { PNG } from 'pngjs';
import { composeFinalPdf } from '../../runtime/completion/compose-final-pdf.ts';
import { composeFinalPdfNow } from '../../runtime/completion/compose-final-pdf-now.ts';
import type { FinalPdfInput, FinalSigner } from '../../runtime/completion/final-pdf-input.ts';
import { locateMarks } from '../../runtime/documents/locate-marks.ts';
import { buildTemplateData } from '../../runtime/documents/render/build-template-data.ts';
import { renderDocxInWorker } from '../../runtime/documents/render/template-in-worker.ts';
import { createPdfConverter } from '../../runtime/pdf/convert-to-pdf.ts';
import { sealPdf, sealPreparedPdf } from '../../runtime/sealing/seal-pdf.ts';
import { sealReason } from '../../runtime/sealing/seal-reason.ts';
import { normalizePng } from '../../runtime/signing/normalize-png.ts';
import { verifyPdf } from '../../runtime/verification/verify-pdf.ts';
import type { SignatureMark } from '../../schemas/index.ts';
import { exampleEvent } from '../support/examples.ts';
import { foreignIdentity } from '../support/seal-tools.ts';

const conversions = 10;
const composes = 20;
const seals = 50;
const verifications = 200;

// Each task runs 20 times unmeasured first: the runtime keeps its render worker, office instances
// and composing worker, so what an envelope pays is the warmed cost (V8 takes about 20 runs to
// settle on pdf-lib's parser; the first composition in a new worker is printed apart).
async function timed(count: number, task: () => Promise<unknown> | unknown): Promise<number> {
  for (let i = 0; i < 20; i++) await task();
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const started = performance.now();
    await task();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] as number;
}

/** A drawn signature as the signer's page posts it (RGBA), then as the runtime stores it. */
function signaturePng(): Uint8Array {
  const png = new PNG({ width: 300, height: 100 });
  png.data.fill(0);
  for (let i = 3; i < png.data.length; i += 4) png.data[i] = (i >> 2) % 300 < 150 ? 255 : 0;
  const stored = normalizePng(new Uint8Array(PNG.sync.write(png)));
  if (!stored) throw new Error('the bench signature does not decode');
  return stored;
}

const signer = (name: string, side: 'company' | 'counterparty', stamp: boolean): FinalSigner => ({
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
  stampPng: stamp ? signaturePng() : null,
  fields: side === 'counterparty' ? { passportNumber: 'FZ123456' } : {},
  signatureMethod: 'drawn',
});

function finalInput(pdf: Uint8Array, marks: SignatureMark[]): FinalPdfInput {
  return {
    originalPdf: pdf,
    marks,
    signers: [signer('Ana Diretora', 'company', true), signer('Bruno Cliente', 'counterparty', false)],
    envelopeId: 'env_bench',
    documentId: 'doc_bench',
    title: 'Service contract',
    senderCompany: 'Construtora São Paulo',
    originalSha256: createHash('sha256').update(pdf).digest('hex'),
    completedAt: '2026-12-01T10:02:00.000Z',
    verifyUrl: 'http://localhost:3000/verify/env_bench',
    language: 'en',
    seal: details,
  };
}

const details = {
  reason: sealReason('env_bench'),
  name: 'inkflow seal',
  location: '',
  contactInfo: '',
  signingTime: new Date('2026-12-01T10:02:00Z'),
};

const event = exampleEvent('contract');
const data = buildTemplateData({
  event,
  ourCompany: { name: 'Construtora São Paulo' },
  signers: [],
  documentType: 'contract',
  documentId: 'doc_bench',
  now: new Date('2026-12-01T10:00:00Z'),
});
const converter = createPdfConverter({ provider: 'warm', instances: 1, timeoutMs: 60_000 });
try {
  const template = readFileSync('runtime/demo/templates/contract-standard.docx');
  /** The document as the runtime makes it: render (worker), convert (warm pool), locate marks. */
  const makeDocument = async () => {
    const rendered = await renderDocxInWorker(template, data);
    const pdf = await converter.convert(rendered.docx);
    return { pdf, marks: await locateMarks(pdf, rendered.marks) };
  };
  const made = await makeDocument();
  if (made.marks.length < 3) throw new Error(`the demo contract shows ${made.marks.length} marks, expected its 4`);
  const documentMs = await timed(conversions, makeDocument);
  const rendered = await renderDocxInWorker(template, data);
  const conversionMs = await timed(conversions, () => converter.convert(rendered.docx));
  // Built once: the signers' stored images and the original's hash are not part of composing.
  const input = finalInput(made.pdf, made.marks);
  const firstStarted = performance.now();
  const composed = await composeFinalPdf(input);
  const firstComposeMs = performance.now() - firstStarted;
  const composeMs = await timed(composes, () => composeFinalPdf(input));
  const inThreadMs = await timed(composes, () => composeFinalPdfNow(input));
  const identity = await foreignIdentity('inkflow seal — bench');
  const sealed = await sealPreparedPdf(composed, identity);
  const sealMs = await timed(seals, () => sealPreparedPdf(composed, identity));
  const plain = await composeFinalPdf({ ...input, seal: undefined });
  const plainSealMs = await timed(seals, () => sealPdf(plain, identity, details));
  const verifyMs = await timed(verifications, () => verifyPdf(sealed, identity));
  if ((await verifyPdf(sealed, identity)).result !== 'intact')
    throw new Error('the benchmark sealed a PDF that does not verify');
  const ratio = (composeMs + sealMs) / documentMs;
  const rows: [string, string][] = [
    ['demo contract PDF', `${made.pdf.length} bytes, ${made.marks.length} marks; final ${sealed.length} bytes`],
    ['document (render + convert + marks)', `${documentMs.toFixed(1)} ms/doc`],
    ['  of which conversion (LibreOffice)', `${conversionMs.toFixed(1)} ms/doc`],
    ['compose (marks, stripes, certificate)', `${composeMs.toFixed(1)} ms/doc (in its worker)`],
    ['compose, in-thread', `${inThreadMs.toFixed(1)} ms/doc`],
    ['compose, first in a new worker', `${firstComposeMs.toFixed(1)} ms (worker start and cold code)`],
    ['seal (CMS into the composed placeholder)', `${sealMs.toFixed(1)} ms/doc = ${(1000 / sealMs).toFixed(0)} seals/s`],
    ['seal of a PDF without placeholder', `${plainSealMs.toFixed(1)} ms/doc (parse, placeholder, save, CMS)`],
    ['verify', `${verifyMs.toFixed(2)} ms/doc = ${(1000 / verifyMs).toFixed(0)} verifications/s`],
    ['(compose + seal) / document', `${(ratio * 100).toFixed(1)}% (target < 20%)`],
    ['(compose + seal) / conversion alone', `${(((composeMs + sealMs) / conversionMs) * 100).toFixed(1)}%`],
  ];
  for (const [name, value] of rows) console.log(`${name.padEnd(40)} ${value}`);
  process.exitCode = ratio < 0.2 ? 0 : 1;
} finally {
  await converter.close();
}
