// What an outbox row says about its attachments: references, not bytes, so that the row stays
// small and the final PDF is read from its envelope when the message is sent.
export interface OutboxAttachment {
  kind: 'final_pdf';
  envelopeId: string;
  filename: string;
}

export function serializeAttachments(attachments: readonly OutboxAttachment[]): string {
  return JSON.stringify(attachments);
}

export function parseAttachments(raw: string | null | undefined): OutboxAttachment[] {
  if (!raw) return [];
  const value: unknown = JSON.parse(raw);
  if (!Array.isArray(value)) return [];
  return value.filter(
    (item): item is OutboxAttachment =>
      typeof item === 'object' &&
      item !== null &&
      (item as OutboxAttachment).kind === 'final_pdf' &&
      typeof (item as OutboxAttachment).envelopeId === 'string' &&
      typeof (item as OutboxAttachment).filename === 'string',
  );
}
