// The object identifiers the seal's CMS uses (RFC 5652, RFC 5035, RFC 8017), in one place for the
// signer and the verifier.
export const oids = {
  signedData: '1.2.840.113549.1.7.2',
  data: '1.2.840.113549.1.7.1',
  sha256: '2.16.840.1.101.3.4.2.1',
  sha256WithRsa: '1.2.840.113549.1.1.11',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  /** ESS signing-certificate-v2: binds the signer's certificate into the signed attributes (CAdES). */
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
} as const;
