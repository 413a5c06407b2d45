// A planned signer in words, in signing order; names and emails are personal data, so a role that
// may not see them gets the side and turn only.
import type { PlannedSigner } from '../../../../schemas/index.ts';
import type { Translate } from '../test-deal/trace-overlay.ts';

export function signerText(signer: PlannedSigner, t: Translate, showPersonal: boolean): string {
  const side = t(signer.side === 'company' ? 'screens.plan.companySide' : 'screens.plan.counterpartySide');
  const who = showPersonal
    ? [signer.name, signer.email && `<${signer.email}>`, signer.employeeId, signer.userId, signer.contactId]
        .filter(Boolean)
        .join(' ')
    : (signer.employeeId ?? t('screens.plan.hidden'));
  return t('screens.plan.signer', { order: signer.order, side, who });
}

export function signersInOrder(signers: readonly PlannedSigner[]): PlannedSigner[] {
  return [...signers].sort((a, b) => a.order - b.order);
}
