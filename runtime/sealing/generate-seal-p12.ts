// A new seal for an instance without INKFLOW_SEAL_P12: an RSA 2048 key (made off the event loop by
// node:crypto) and a self-signed certificate valid for 10 years, for signing only, as a PKCS#12.
import { generateKeyPair, randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import forge from 'node-forge';
import { bytesOf } from './certificate-parts.ts';

const generateKeyPairAsync = promisify(generateKeyPair);
export const sealValidityYears = 10;

export interface GeneratedSeal {
  p12: Uint8Array;
  password: string;
}

export async function generateSealP12(commonName: string, now: Date): Promise<GeneratedSeal> {
  const { publicKey, privateKey } = await generateKeyPairAsync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
  const key = forge.pki.privateKeyFromPem(privateKey);
  const certificate = forge.pki.createCertificate();
  certificate.publicKey = forge.pki.publicKeyFromPem(publicKey);
  // A positive 128-bit serial: the leading 01 keeps the DER integer's sign bit clear.
  certificate.serialNumber = `01${randomBytes(16).toString('hex')}`;
  certificate.validity.notBefore = new Date(now.getTime() - 60_000);
  certificate.validity.notAfter = new Date(now.getTime());
  certificate.validity.notAfter.setUTCFullYear(now.getUTCFullYear() + sealValidityYears);
  // forge encodes a UTF8 value itself: pass the text as it is.
  const name = [{ shortName: 'CN', value: commonName, valueTagClass: forge.asn1.Type.UTF8 as never }];
  certificate.setSubject(name);
  certificate.setIssuer(name);
  certificate.setExtensions([
    { name: 'basicConstraints', cA: false },
    { name: 'keyUsage', critical: true, digitalSignature: true, nonRepudiation: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  certificate.sign(key, forge.md.sha256.create());
  const password = randomBytes(24).toString('base64url');
  const pfx = forge.pkcs12.toPkcs12Asn1(key, [certificate], password, {
    algorithm: 'aes256',
    friendlyName: 'inkflow seal',
  });
  return { p12: new Uint8Array(bytesOf(forge.asn1.toDer(pfx).getBytes())), password };
}
