// The one way a document is made, by a rule's job and by hand alike: render the template with the
// deal, convert it to PDF, and commit it once per action key. Nothing is written before the PDF
// exists, so a failure or a crash before the commit leaves no trace but the job to retry.

import type { DocumentInfo } from '../../schemas/index.ts';
import { timeOrderedId } from '../runs/time-ordered-id.ts';
import type { RuntimeServices } from '../services.ts';
import { toDocumentInfo } from './document-info.ts';
import type { DocumentOrder } from './document-order.ts';
import { findDocumentByAction } from './find-document-by-action.ts';
import { renderDocumentFiles } from './render-document-files.ts';
import { storeDocument, type WithinTransaction } from './store-document.ts';

export interface MadeDocument {
  document: DocumentInfo;
  /** False when a document for this action key existed: nothing new was made. */
  created: boolean;
}

export interface MakeDocumentOptions {
  /** More work to commit with the document, e.g. completing the job that asked for it. */
  within?: WithinTransaction;
}

export async function makeDocument(
  services: RuntimeServices,
  order: DocumentOrder,
  options: MakeDocumentOptions = {},
): Promise<MadeDocument> {
  const existing = await findDocumentByAction(services.database.db, order.actionKey);
  const id = timeOrderedId();
  const files = existing ? undefined : await renderDocumentFiles(services, order, id);
  const stored = await storeDocument(services, id, order, files, options.within);
  return { document: toDocumentInfo(stored.row), created: stored.created };
}
