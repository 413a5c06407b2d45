// A small client for the admin API tests: JSON calls with a role's token, template uploads, and the
// demo flow's templates and signer, over real HTTP against services from test-services.ts.
import { existsSync, readFileSync } from 'node:fs';
import { demoResponsibleUser } from '../support/seed-event-path.ts';
import { taggedDocx } from '../support/tagged-docx.ts';

const demoTemplates = new URL('../../runtime/demo/templates/', import.meta.url);

/** The demo template runtime/demo/templates/<id>.docx, or a small one with a few tags while it is absent. */
function demoTemplate(id: string): Uint8Array {
  const file = new URL(`${id}.docx`, demoTemplates);
  return existsSync(file)
    ? new Uint8Array(readFileSync(file))
    : taggedDocx([`${id}: {deal.title}`, 'Amount: {deal.amount}']);
}

export interface Reply<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

export interface AdminApi {
  call<T = unknown>(
    method: string,
    path: string,
    options?: { token?: string | null; body?: unknown },
  ): Promise<Reply<T>>;
  upload<T = unknown>(
    fields: Record<string, string>,
    file?: { name: string; bytes: Uint8Array },
    token?: string,
  ): Promise<Reply<T>>;
}

async function reply<T>(response: Response): Promise<Reply<T>> {
  const text = await response.text();
  const isJson = (response.headers.get('content-type') ?? '').includes('application/json') && text !== '';
  return {
    status: response.status,
    headers: response.headers,
    body: (isJson ? JSON.parse(text) : undefined) as T,
    text,
  };
}

export function adminApi(baseUrl: string, adminToken: string): AdminApi {
  return {
    async call(method, path, options = {}) {
      const token = options.token === undefined ? adminToken : options.token;
      const headers: Record<string, string> = token === null ? {} : { authorization: `Bearer ${token}` };
      let body: string | undefined;
      if (options.body !== undefined) {
        headers['content-type'] = 'application/json';
        body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
      }
      return reply(await fetch(`${baseUrl}${path}`, { method, headers, ...(body !== undefined ? { body } : {}) }));
    },
    async upload(fields, file, token = adminToken) {
      const form = new FormData();
      for (const [name, value] of Object.entries(fields)) form.append(name, value);
      if (file) form.append('file', new Blob([new Uint8Array(file.bytes)]), file.name);
      return reply(
        await fetch(`${baseUrl}/api/v1/templates`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}` },
          body: form,
        }),
      );
    },
  };
}

/**
 * The templates and the employees the demo flow (schemas/examples/flow.sales.json) refers to: the
 * director, and the example deals' responsible user who signs small contracts.
 */
export async function seedDemoReferences(api: AdminApi): Promise<void> {
  const templates = [
    { id: 'contract-large', documentType: 'contract' },
    { id: 'contract-standard', documentType: 'contract' },
    { id: 'invoice', documentType: 'invoice' },
  ];
  for (const template of templates) {
    const bytes = demoTemplate(template.id);
    const uploaded = await api.upload(template, { name: `${template.id}.docx`, bytes });
    if (uploaded.status !== 201)
      throw new Error(`seeding template ${template.id}: ${uploaded.status} ${uploaded.text}`);
  }
  const director = { id: 'director', name: 'Dana Director', email: 'dana@example.com', role: 'Director' };
  for (const employee of [director, demoResponsibleUser]) {
    const saved = await api.call('PUT', `/api/v1/employees/${employee.id}`, { body: employee });
    if (saved.status !== 200) throw new Error(`seeding employee ${employee.id}: ${saved.status} ${saved.text}`);
  }
}
