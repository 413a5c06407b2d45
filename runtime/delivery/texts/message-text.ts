// The shape one language gives each message: a subject, paragraphs for email (a paragraph may be
// a link, so that the HTML can make it clickable), and a short SMS. Values arrive unescaped here;
// render-message.ts escapes them for HTML.
import type { MessageContext, MessagePurpose } from '../queue-message.ts';

export type Paragraph = string | { label: string; href: string };

export interface MessageText {
  subject: string;
  paragraphs: Paragraph[];
  sms: string;
}

/** The context with the date already formatted in the recipient's language. */
export interface TextInput extends MessageContext {
  name: string;
  expiresOn: string | null;
  /** True when the final PDF travels as an attachment (email, completed). */
  attached: boolean;
}

export type LanguageTexts = Readonly<Record<MessagePurpose, (input: TextInput) => MessageText>>;
