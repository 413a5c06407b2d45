// Opens a PKCS#12 (the generated seal or INKFLOW_SEAL_P12): its RSA key and the certificate that
// matches it, as node:crypto objects. Throws a plain Error saying what is wrong with the file.
import { createPrivateKey, type KeyObject, X509Certificate } from 'node:crypto';
import forge from 'node-forge';
import { binaryOf, bytesOf } from './certificate-parts.ts';

export interface OpenedSeal {
  certificate: X509Certificate;
  certificateDer: Uint8Array;
  key: KeyObject;
}

const bagTypes = {
  shroudedKey: '1.2.840.113549.1.12.10.1.2',
  key: '1.2.840.113549.1.12.10.1.1',
  certificate: '1.2.840.113549.1.12.10.1.3',
};

function bagsOf(p12: forge.pkcs12.Pkcs12Pfx, bagType: string): forge.pkcs12.Bag[] {
  return p12.getBags({ bagType })[bagType] ?? [];
}

function readPfx(bytes: Uint8Array, password: string): forge.pkcs12.Pkcs12Pfx {
  try {
    return forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(binaryOf(bytes)), false, password);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`it is not a PKCS#12 file this password opens (${reason})`);
  }
}

export function openSealP12(bytes: Uint8Array, password: string): OpenedSeal {
  const pfx = readPfx(bytes, password);
  const keys = [...bagsOf(pfx, bagTypes.shroudedKey), ...bagsOf(pfx, bagTypes.key)];
  const forgeKey = keys.find((bag) => bag.key)?.key as forge.pki.rsa.PrivateKey | undefined;
  if (!forgeKey) throw new Error('it holds no RSA private key (only RSA keys are supported)');
  const key = createPrivateKey(forge.pki.privateKeyToPem(forgeKey));
  for (const bag of bagsOf(pfx, bagTypes.certificate)) {
    if (!bag.cert) continue;
    const der = bytesOf(forge.asn1.toDer(forge.pki.certificateToAsn1(bag.cert)).getBytes());
    const certificate = new X509Certificate(der);
    if (certificate.checkPrivateKey(key)) return { certificate, certificateDer: new Uint8Array(der), key };
  }
  throw new Error('it holds no certificate for its private key');
}
