// The CMS signature inside the seal (ETSI.CAdES.detached, i.e. PAdES baseline B-B): SHA-256 over
// the signed byte ranges, signed attributes contentType, messageDigest and signing-certificate-v2,
// no signing-time attribute (PAdES carries the time in the signature dictionary's /M). Hashing and
// RSA run in node:crypto; node-forge only writes the ASN.1. @signpdf's P12Signer is not used: it
// signs in JavaScript and re-encodes the issuer name, which breaks for a UTF-8 subject.
import { createHash, type KeyObject, sign } from 'node:crypto';
import { Signer } from '@signpdf/utils';
import forge from 'node-forge';
import { binaryOf, certificateParts, derOf, readDer } from './certificate-parts.ts';
import { oids } from './cms-oids.ts';

const { asn1 } = forge;
const { Class, Type } = asn1;

const oid = (id: string) => asn1.create(Class.UNIVERSAL, Type.OID, false, asn1.oidToDer(id).getBytes());
const octets = (bytes: Uint8Array) => asn1.create(Class.UNIVERSAL, Type.OCTETSTRING, false, binaryOf(bytes));
const sequence = (items: forge.asn1.Asn1[]) => asn1.create(Class.UNIVERSAL, Type.SEQUENCE, true, items);
const set = (items: forge.asn1.Asn1[]) => asn1.create(Class.UNIVERSAL, Type.SET, true, items);
const integer = (value: number) =>
  asn1.create(Class.UNIVERSAL, Type.INTEGER, false, asn1.integerToDer(value).getBytes());
const algorithm = (id: string) => sequence([oid(id), asn1.create(Class.UNIVERSAL, Type.NULL, false, '')]);
const attribute = (type: string, value: forge.asn1.Asn1) => sequence([oid(type), set([value])]);

/** DER's SET OF order: by the members' encodings, so a verifier that re-encodes gets the same bytes. */
function sortedByEncoding(items: forge.asn1.Asn1[]): forge.asn1.Asn1[] {
  return items
    .map((item) => ({ item, der: derOf(item) }))
    .sort((a, b) => Buffer.compare(a.der, b.der))
    .map(({ item }) => item);
}

export function signedAttributes(contentDigest: Uint8Array, certificateDer: Uint8Array): forge.asn1.Asn1[] {
  const certificateHash = createHash('sha256').update(certificateDer).digest();
  // ESSCertIDv2 with the default hash algorithm (SHA-256) omitted, as DER requires.
  const signingCertificate = sequence([sequence([sequence([octets(certificateHash)])])]);
  return sortedByEncoding([
    attribute(oids.contentType, oid(oids.data)),
    attribute(oids.messageDigest, octets(contentDigest)),
    attribute(oids.signingCertificateV2, signingCertificate),
  ]);
}

export function buildSignedData(signedContent: Uint8Array, certificateDer: Uint8Array, key: KeyObject): Buffer {
  const digest = createHash('sha256').update(signedContent).digest();
  const attributes = signedAttributes(digest, certificateDer);
  // The signature covers the attributes encoded as a SET (RFC 5652 §5.4), stored as [0] IMPLICIT.
  const signature = sign('sha256', derOf(set(attributes)), key);
  const { issuer, serialNumber } = certificateParts(certificateDer);
  const certificate = readDer(certificateDer);
  const signerInfo = sequence([
    integer(1),
    sequence([issuer, serialNumber]),
    algorithm(oids.sha256),
    asn1.create(Class.CONTEXT_SPECIFIC, 0, true, attributes),
    algorithm(oids.sha256WithRsa),
    octets(signature),
  ]);
  const signedData = sequence([
    integer(1),
    set([algorithm(oids.sha256)]),
    sequence([oid(oids.data)]),
    asn1.create(Class.CONTEXT_SPECIFIC, 0, true, [certificate]),
    set([signerInfo]),
  ]);
  const contentInfo = sequence([oid(oids.signedData), asn1.create(Class.CONTEXT_SPECIFIC, 0, true, [signedData])]);
  return derOf(contentInfo);
}

/** @signpdf's Signer: given the PDF without its /Contents, returns the DER CMS to put there. */
export class CadesSigner extends Signer {
  constructor(
    private readonly certificateDer: Uint8Array,
    private readonly key: KeyObject,
  ) {
    super();
  }

  override async sign(pdfBuffer: Buffer): Promise<Buffer> {
    return buildSignedData(pdfBuffer, this.certificateDer, this.key);
  }
}
