// The issuer and serial number of a certificate as the DER bytes it carries, for a CMS
// IssuerAndSerialNumber. Copied, never re-encoded from parsed text: node-forge re-encodes a UTF-8
// name twice (an "—" or "São" in the subject would no longer match the certificate).
import forge from 'node-forge';

const { asn1 } = forge;

export interface CertificateParts {
  issuer: forge.asn1.Asn1;
  serialNumber: forge.asn1.Asn1;
}

export const binaryOf = (bytes: Uint8Array): string => Buffer.from(bytes).toString('binary');
export const bytesOf = (binary: string): Buffer => Buffer.from(binary, 'binary');
export const derOf = (node: forge.asn1.Asn1): Buffer => bytesOf(asn1.toDer(node).getBytes());

interface DerOptions {
  parseAllBytes?: boolean;
  strict?: boolean;
  /** false keeps BIT STRINGs as bytes, so a certificate re-encodes to exactly what it was. */
  decodeBitStrings?: boolean;
}

/** asn1.fromDer with the options node-forge takes but its typings do not list. */
export const readDer = (bytes: Uint8Array, options: DerOptions = {}): forge.asn1.Asn1 =>
  (asn1.fromDer as unknown as (input: string, options: DerOptions) => forge.asn1.Asn1)(binaryOf(bytes), {
    decodeBitStrings: false,
    ...options,
  });

export function certificateParts(certificateDer: Uint8Array): CertificateParts {
  const certificate = readDer(certificateDer);
  const tbs = (certificate.value as forge.asn1.Asn1[])[0];
  const fields = (tbs?.value ?? []) as forge.asn1.Asn1[];
  // tbsCertificate starts with an optional [0] version, then serialNumber, signature, issuer.
  const start = fields[0]?.tagClass === asn1.Class.CONTEXT_SPECIFIC ? 1 : 0;
  const serialNumber = fields[start];
  const issuer = fields[start + 2];
  if (!serialNumber || !issuer) throw new Error('the certificate has no issuer or serial number');
  return { issuer, serialNumber };
}
