// Bitrix24's "use this template anyway": the template and signer settings of the last document
// of a type (any deal), overridden by what the request names explicitly. Counterparties are a
// selection (all contacts, or a role), so applied to another deal they pick that deal's contacts.
import type { ManualDocumentRequest, SendDocumentSettings, SigningSetup } from '../../schemas/index.ts';
import { conflict } from '../errors/app-error.ts';
import type { RuntimeServices } from '../services.ts';

/** What a document made by hand uses when neither the request nor an earlier document says. */
export const manualDefaults = {
  companySigner: { kind: 'responsibleUser' },
  counterparties: { kind: 'allContacts' },
  signingOrder: 'companyFirst',
  linkExpiryDays: 14,
} as const satisfies Partial<SendDocumentSettings>;

async function lastOfType(services: RuntimeServices, documentType: string) {
  return services.database.db
    .selectFrom('documents')
    .select(['template_id', 'signing'])
    .where('document_type', '=', documentType)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function reuseSigningSettings(
  services: RuntimeServices,
  request: ManualDocumentRequest,
): Promise<SendDocumentSettings> {
  const previous = await lastOfType(services, request.documentType);
  const templateId = request.templateId ?? previous?.template_id;
  if (templateId === undefined) {
    throw conflict(
      'NO_PREVIOUS_DOCUMENT',
      `No ${request.documentType} document was made before, so there is no template to reuse; name a templateId`,
    );
  }
  const earlier = previous ? (JSON.parse(previous.signing) as SigningSetup) : undefined;
  const reminderDays = request.reminderDays ?? earlier?.reminderDays;
  const language = request.language ?? earlier?.language;
  return {
    ...(reminderDays !== undefined ? { reminderDays } : {}),
    ...(language !== undefined ? { language } : {}),
    documentType: request.documentType,
    templateId,
    companySigner: request.companySigner ?? earlier?.companySigner ?? manualDefaults.companySigner,
    counterparties: request.counterparties ?? earlier?.counterparties ?? manualDefaults.counterparties,
    signingOrder: request.signingOrder ?? earlier?.signingOrder ?? manualDefaults.signingOrder,
    linkExpiryDays: request.linkExpiryDays ?? earlier?.linkExpiryDays ?? manualDefaults.linkExpiryDays,
  };
}
