// Reads the parts of a CMS SignedData (RFC 5652) that verification needs: the signer's certificate
// (matched by issuer and serial number), the signed attributes as the bytes that were signed, the
// messageDigest among them, and the signature. Anything unexpected → undefined (not our seal).
import forge from 'node-forge';
import { bytesOf, certificateParts, derOf, readDer } from '../sealing/certificate-parts.ts';
import { oids } from '../sealing/cms-oids.ts';

const { asn1 } = forge;
type Node = forge.asn1.Asn1;

export interface SignedCms {
  signerCertificateDer: Buffer;
  /** The signed attributes re-tagged as a SET: the bytes the signature covers. */
  signedAttributes: Buffer;
  messageDigest: Buffer | undefined;
  signature: Buffer;
}

const children = (node: Node | undefined): Node[] => (Array.isArray(node?.value) ? (node.value as Node[]) : []);
const isContext = (node: Node | undefined, tag: number) =>
  node?.tagClass === asn1.Class.CONTEXT_SPECIFIC && node.type === tag;
const oidOf = (node: Node | undefined): string | undefined =>
  node?.type === asn1.Type.OID && typeof node.value === 'string' ? asn1.derToOid(node.value) : undefined;

function messageDigestOf(attributes: Node[]): Buffer | undefined {
  for (const attribute of attributes) {
    const [type, values] = children(attribute);
    if (oidOf(type) !== oids.messageDigest) continue;
    const value = children(values)[0];
    if (value?.type === asn1.Type.OCTETSTRING && typeof value.value === 'string') return bytesOf(value.value);
  }
  return undefined;
}

function signerCertificate(certificates: Node[], sid: Node | undefined): Buffer | undefined {
  const [issuer, serial] = children(sid);
  if (!issuer || !serial) return undefined;
  const wanted = Buffer.concat([derOf(issuer), derOf(serial)]);
  for (const certificate of certificates) {
    const der = derOf(certificate);
    const parts = certificateParts(der);
    if (Buffer.concat([derOf(parts.issuer), derOf(parts.serialNumber)]).equals(wanted)) return der;
  }
  return undefined;
}

export function readCms(der: Uint8Array): SignedCms | undefined {
  try {
    // /Contents is zero-padded past the DER: read one value and ignore the rest.
    const contentInfo = readDer(der, { parseAllBytes: false, strict: false });
    const [type, wrapped] = children(contentInfo);
    if (oidOf(type) !== oids.signedData || !isContext(wrapped, 0)) return undefined;
    const signedData = children(children(wrapped)[0]);
    const certificates = children(signedData.find((node) => isContext(node, 0)));
    const signerInfos = signedData.at(-1);
    const signerInfo = children(children(signerInfos)[0]);
    const [, sid, , attributes] = signerInfo;
    if (!isContext(attributes, 0)) return undefined;
    const signature = signerInfo.find((node, index) => index > 3 && node.type === asn1.Type.OCTETSTRING);
    const signerCertificateDer = signerCertificate(certificates, sid);
    if (!signerCertificateDer || typeof signature?.value !== 'string') return undefined;
    const attributeList = children(attributes);
    const set = asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SET, true, attributeList);
    return {
      signerCertificateDer,
      signedAttributes: derOf(set),
      messageDigest: messageDigestOf(attributeList),
      signature: bytesOf(signature.value),
    };
  } catch {
    return undefined;
  }
}
