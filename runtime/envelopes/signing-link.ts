// The signer's page address. Built only where the link is delivered (the message to the signer):
// the API never returns it, because a sender who can read a client's link can sign in their name.
import type { RuntimeConfig } from '../config.ts';

export function signingLink(config: Pick<RuntimeConfig, 'publicUrl'>, token: string): string {
  return `${config.publicUrl.replace(/\/+$/, '')}/sign/${token}`;
}

export function verifyLink(config: Pick<RuntimeConfig, 'publicUrl'>, envelopeId: string): string {
  return `${config.publicUrl.replace(/\/+$/, '')}/verify/${encodeURIComponent(envelopeId)}`;
}
