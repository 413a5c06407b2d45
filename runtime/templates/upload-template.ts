// POST /templates: checks an uploaded DOCX (a Word document, a sound zip, no zip bomb, balanced
// tags) and stores it with its placeholders. A refused upload writes nothing.
import { createHash } from 'node:crypto';
import type { TemplateInfo } from '../../schemas/index.ts';
import { inspectTemplateInWorker } from '../documents/render/template-in-worker.ts';
import { conflict } from '../errors/app-error.ts';
import type { RuntimeServices } from '../services.ts';
import { loadCustomFields } from './load-custom-fields.ts';
import type { TemplateUpload } from './read-template-upload.ts';
import { templateIdentity } from './template-identity.ts';
import { toTemplateInfo } from './template-info.ts';

type Services = Pick<RuntimeServices, 'database' | 'now'>;

async function templateExists(services: Services, id: string): Promise<boolean> {
  const row = await services.database.db.selectFrom('templates').select('id').where('id', '=', id).executeTakeFirst();
  return row !== undefined;
}

function taken(id: string) {
  return conflict(
    'TEMPLATE_EXISTS',
    `A template with the id "${id}" exists already; send another id (or delete that one first)`,
    [{ pointer: '/id', message: 'is taken' }],
  );
}

export async function uploadTemplate(services: Services, upload: TemplateUpload): Promise<TemplateInfo> {
  const identity = templateIdentity(upload);
  const bytes = upload.file?.bytes ?? new Uint8Array();
  if (await templateExists(services, identity.id)) throw taken(identity.id);
  const { placeholders, marks } = await inspectTemplateInWorker(bytes);
  const row = {
    id: identity.id,
    document_type: identity.documentType,
    name: identity.name,
    file_name: identity.fileName,
    content: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
    size: bytes.length,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    placeholders: JSON.stringify(placeholders),
    marks: JSON.stringify(marks),
    created_at: services.now().toISOString(),
  };
  try {
    await services.database.db.insertInto('templates').values(row).execute();
  } catch (error) {
    if (await templateExists(services, identity.id)) throw taken(identity.id);
    throw error;
  }
  const { content: _content, ...info } = row;
  return toTemplateInfo(info, await loadCustomFields(services));
}
