// A Bitrix24 portal on loopback, written from Bitrix24's documented REST shapes (we cannot reach a
// real portal here). REST: POST /rest/<user>/<code>/<method>.json with a JSON body, answered
// { result, time } or, on failure, an HTTP error with { error, error_description } — crm.deal.get,
// crm.deal.update, crm.company.get, crm.contact.get, crm.deal.contact.items.get and
// crm.timeline.comment.add. It records every call, and sends the portal's outbound webhook
// (ONCRMDEALUPDATE, form-encoded with auth[application_token]) to a handler URL as Bitrix24 does:
// on moveDealAndNotify, and after every crm.deal.update once a handler is subscribed.
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type FakeRecord = Record<string, unknown>;

export interface FakeDeal {
  TITLE?: string;
  /** "NEW", "PREPARATION", … in category 0; "C1:NEW" in category 1. */
  STAGE_ID: string;
  CATEGORY_ID?: string;
  OPPORTUNITY?: string;
  CURRENCY_ID?: string;
  ASSIGNED_BY_ID?: string;
  COMPANY_ID?: string;
  /** Contact ids in their order; the first is the primary one. */
  contactIds?: string[];
  /** Custom fields (UF_CRM_…) and any other field crm.deal.get should return. */
  [field: string]: unknown;
}

export interface FakeCall {
  method: string;
  params: Record<string, unknown>;
}

/** What the next call of a method answers instead of its result: an error, a stall, or a cut connection. */
export type FakeFailure = { status: number; error: string; description: string } | 'stall' | 'reset';

export interface WebhookDelivery {
  status: number;
  body: string;
}

export interface FakeBitrix24 {
  /** http://127.0.0.1:<port> */
  readonly url: string;
  /** The portal's inbound webhook (INKFLOW_BITRIX24_WEBHOOK_URL): <url>/rest/1/<code>/ */
  readonly webhookUrl: string;
  /** The outbound webhook's token (INKFLOW_BITRIX24_APP_TOKEN), sent as auth[application_token]. */
  readonly applicationToken: string;
  readonly domain: string;
  addCompany(company: FakeRecord): string;
  addContact(contact: FakeRecord): string;
  /** Returns the new deal's ID. */
  addDeal(deal: FakeDeal): string;
  /** The deal as crm.deal.get returns it now. */
  deal(id: string): FakeRecord | undefined;
  /** Deletes a deal, company or contact (crm.*.get answers "Not found" for it from now on). */
  remove(id: string): void;
  /** Changes fields without telling anyone (a webhook lost on the way). */
  updateDeal(id: string, fields: FakeRecord): void;
  /** Moves the deal as a user dragging it would, then sends ONCRMDEALUPDATE to `handlerUrl` (or the subscribed one). */
  moveDealAndNotify(id: string, stageId: string, handlerUrl?: string): Promise<WebhookDelivery>;
  /** Sends one webhook as the portal would; `options` alter it (a wrong token, a given ts, another event). */
  notify(
    id: string,
    options?: { handlerUrl?: string; event?: string; ts?: string; applicationToken?: string | null },
  ): Promise<WebhookDelivery>;
  /** Where webhooks go after a crm.deal.update (as the portal's outbound webhook for ONCRMDEALUPDATE does). */
  subscribe(handlerUrl: string): void;
  /** Settles when every webhook sent after a crm.deal.update has been answered. */
  deliveries(): Promise<WebhookDelivery[]>;
  /** Calls received, in order; of one method when given. */
  calls(method?: string): FakeCall[];
  /** Timeline comments of a deal (crm.timeline.comment.add). */
  comments(dealId: string): string[];
  /** The next call of `method` fails this way (once per entry queued). */
  failNext(method: string, failure: FakeFailure): void;
  close(): Promise<void>;
}

const maxBodyBytes = 1024 * 1024;

function time(started: number) {
  const finish = Date.now() / 1000;
  const start = started / 1000;
  return {
    start,
    finish,
    duration: finish - start,
    processing: finish - start,
    date_start: new Date(started).toISOString(),
    date_finish: new Date().toISOString(),
  };
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBodyBytes) chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

class RestError extends Error {
  constructor(
    readonly status: number,
    readonly error: string,
    readonly description: string,
  ) {
    super(description);
  }
}

const notFound = () => new RestError(400, '', 'Not found');
const idOf = (params: Record<string, unknown>): string => {
  const id = params.id ?? params.ID;
  if ((typeof id !== 'string' && typeof id !== 'number') || !/^[1-9][0-9]*$/.test(String(id)))
    throw new RestError(400, '', 'ID is not defined or invalid.');
  return String(id);
};

export async function startFakeBitrix24(options: { domain?: string } = {}): Promise<FakeBitrix24> {
  const code = randomBytes(8).toString('hex');
  const applicationToken = randomBytes(16).toString('hex');
  const domain = options.domain ?? 'inkflow-test.bitrix24.com';
  const deals = new Map<string, FakeRecord>();
  const dealContacts = new Map<string, string[]>();
  const companies = new Map<string, FakeRecord>();
  const contacts = new Map<string, FakeRecord>();
  const comments = new Map<string, string[]>();
  const recorded: FakeCall[] = [];
  const failures = new Map<string, FakeFailure[]>();
  const sent: Promise<WebhookDelivery>[] = [];
  const sockets = new Set<import('node:net').Socket>();
  let nextId = 1;
  let nextTs = Math.floor(Date.now() / 1000);
  let subscribed: string | undefined;
  let url = '';

  const modified = () => new Date().toISOString().replace(/\.\d{3}Z$/, '+00:00');

  function notify(id: string, extra: Parameters<FakeBitrix24['notify']>[1] = {}): Promise<WebhookDelivery> {
    const target = extra.handlerUrl ?? subscribed;
    if (!target) throw new Error('fake Bitrix24: no handler URL to notify (subscribe one or pass it)');
    nextTs += 1;
    const form = new URLSearchParams();
    form.set('event', extra.event ?? 'ONCRMDEALUPDATE');
    form.set('event_handler_id', '7');
    form.set('data[FIELDS][ID]', id);
    form.set('ts', extra.ts ?? String(nextTs));
    form.set('auth[domain]', domain);
    form.set('auth[client_endpoint]', `https://${domain}/rest/`);
    form.set('auth[server_endpoint]', 'https://oauth.bitrix.info/rest/');
    form.set('auth[member_id]', 'a223c6b3710f85df22e9377d6c4f7553');
    if (extra.applicationToken !== null)
      form.set('auth[application_token]', extra.applicationToken ?? applicationToken);
    return fetch(target, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: form.toString(),
    }).then(async (response) => ({ status: response.status, body: await response.text() }));
  }

  const methods: Record<string, (params: Record<string, unknown>) => unknown> = {
    'crm.deal.get': (params) => {
      const deal = deals.get(idOf(params));
      if (!deal) throw notFound();
      return deal;
    },
    'crm.deal.update': (params) => {
      const id = idOf(params);
      const deal = deals.get(id);
      if (!deal) throw notFound();
      const fields = (params.fields ?? {}) as FakeRecord;
      const stage = fields.STAGE_ID;
      if (stage !== undefined) {
        const category = String(deal.CATEGORY_ID ?? '0');
        const prefix = category === '0' ? '' : `C${category}:`;
        // A STAGE_ID of another category is refused: moving between pipelines is another method.
        if (typeof stage !== 'string' || !(prefix ? stage.startsWith(prefix) : !/^C\d+:/.test(stage)))
          throw new RestError(400, '', `Stage "${String(stage)}" does not belong to deal category ${category}`);
      }
      Object.assign(deal, fields, { DATE_MODIFY: modified() });
      if (subscribed) sent.push(notify(id));
      return true;
    },
    'crm.company.get': (params) => {
      const company = companies.get(idOf(params));
      if (!company) throw notFound();
      return company;
    },
    'crm.contact.get': (params) => {
      const contact = contacts.get(idOf(params));
      if (!contact) throw notFound();
      return contact;
    },
    'crm.deal.contact.items.get': (params) => {
      const id = idOf(params);
      if (!deals.has(id)) throw notFound();
      return (dealContacts.get(id) ?? []).map((contactId, at) => ({
        CONTACT_ID: Number(contactId),
        SORT: (at + 1) * 10,
        ROLE_ID: 0,
        IS_PRIMARY: at === 0 ? 'Y' : 'N',
      }));
    },
    'crm.timeline.comment.add': (params) => {
      const fields = (params.fields ?? {}) as FakeRecord;
      const dealId = String(fields.ENTITY_ID ?? '');
      if (fields.ENTITY_TYPE !== 'deal' || !deals.has(dealId))
        throw new RestError(400, 'ERROR_WRONG_ENTITY', 'Entity not found');
      if (typeof fields.COMMENT !== 'string' || fields.COMMENT === '')
        throw new RestError(400, 'ERROR_EMPTY_COMMENT', 'Comment is empty');
      comments.set(dealId, [...(comments.get(dealId) ?? []), fields.COMMENT]);
      return nextId++;
    },
  };

  async function answer(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const started = Date.now();
    const send = (status: number, body: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
      response.end(JSON.stringify(body));
    };
    const match = /^\/rest\/1\/([^/]+)\/([a-z0-9.]+)\.json$/.exec(request.url ?? '');
    if (request.method !== 'POST' || !match)
      return send(404, { error: 'ERROR_METHOD_NOT_FOUND', error_description: 'Method not found!' });
    if (match[1] !== code)
      return send(401, { error: 'INVALID_CREDENTIALS', error_description: 'Invalid request credentials' });
    const method = match[2] as string;
    let params: Record<string, unknown>;
    try {
      params = JSON.parse((await readBody(request)) || '{}') as Record<string, unknown>;
    } catch {
      return send(400, { error: 'INVALID_REQUEST', error_description: 'Invalid JSON' });
    }
    recorded.push({ method, params });
    const failure = failures.get(method)?.shift();
    if (failure === 'stall') return; // never answers: the caller's timeout must end it
    if (failure === 'reset') {
      request.socket.destroy();
      return;
    }
    if (failure) return send(failure.status, { error: failure.error, error_description: failure.description });
    const handler = methods[method];
    if (!handler) return send(404, { error: 'ERROR_METHOD_NOT_FOUND', error_description: 'Method not found!' });
    try {
      send(200, { result: handler(params), time: time(started) });
    } catch (error) {
      if (!(error instanceof RestError)) throw error;
      send(error.status, { error: error.error, error_description: error.description });
    }
  }

  const server = createServer((request, response) => {
    answer(request, response).catch((error: unknown) => {
      response.writeHead(500, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ error: 'INTERNAL_SERVER_ERROR', error_description: String(error) }));
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const updateDeal = (id: string, fields: FakeRecord): void => {
    const deal = deals.get(id);
    if (!deal) throw new Error(`fake Bitrix24: no deal ${id}`);
    Object.assign(deal, fields, { DATE_MODIFY: modified() });
  };

  const store = (map: Map<string, FakeRecord>, record: FakeRecord): string => {
    const id = String(nextId++);
    map.set(id, { ...record, ID: id });
    return id;
  };

  return {
    url,
    webhookUrl: `${url}/rest/1/${code}/`,
    applicationToken,
    domain,
    addCompany: (company) => store(companies, company),
    addContact: (contact) => store(contacts, contact),
    addDeal({ contactIds, ...deal }) {
      const id = store(deals, {
        CATEGORY_ID: '0',
        OPPORTUNITY: '0.00',
        CURRENCY_ID: 'USD',
        COMPANY_ID: '0',
        CONTACT_ID: contactIds?.[0] ?? null,
        DATE_CREATE: modified(),
        DATE_MODIFY: modified(),
        ...deal,
      });
      dealContacts.set(id, contactIds ?? []);
      return id;
    },
    deal: (id) => deals.get(id),
    updateDeal,
    remove(id) {
      for (const map of [deals, companies, contacts]) map.delete(id);
    },
    moveDealAndNotify(id, stageId, handlerUrl) {
      updateDeal(id, { STAGE_ID: stageId });
      return notify(id, handlerUrl ? { handlerUrl } : {});
    },
    notify,
    subscribe(handlerUrl) {
      subscribed = handlerUrl;
    },
    deliveries: () => Promise.all(sent),
    calls: (method) => recorded.filter((call) => method === undefined || call.method === method),
    comments: (dealId) => comments.get(dealId) ?? [],
    failNext(method, failure) {
      failures.set(method, [...(failures.get(method) ?? []), failure]);
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        for (const socket of sockets) socket.destroy();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
