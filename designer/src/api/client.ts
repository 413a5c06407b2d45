// The one way the designer talks to the runtime: request() over /api/v1 with the session's bearer
// token (sessionStorage, never the URL); failures become ApiRequestError with the API's code.
import type {
  ApiErrorDetail,
  Diagnostic,
  Employee,
  Flow,
  FlowDetail,
  FlowSummary,
  FlowValidationResult,
  Pipeline,
  Role,
  TemplateInfo,
} from '../../../schemas/types.generated.ts';

export const tokenStorageKey = 'inkflow.token';
export const apiBase = '/api/v1';
export const unauthorizedEvent = 'inkflow:unauthorized';

export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: ApiErrorDetail[] = [],
  ) {
    super(message);
    this.name = 'ApiRequestError';
  }
}

export function storedToken(): string | null {
  return typeof sessionStorage === 'undefined' ? null : sessionStorage.getItem(tokenStorageKey);
}

interface RequestOptions {
  token?: string;
  /** 'text' for CSV and other downloads. */
  as?: 'json' | 'text' | 'blob';
}

export async function request<T>(
  method: string,
  path: string,
  body?: unknown,
  options: RequestOptions = {},
): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  const token = options.token ?? storedToken();
  if (token) headers.authorization = `Bearer ${token}`;
  let payload: BodyInit | undefined;
  if (body instanceof FormData) payload = body;
  else if (body !== undefined) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  let response: Response;
  try {
    response = await fetch(`${apiBase}${path}`, { method, headers, body: payload });
  } catch (error) {
    throw new ApiRequestError(0, 'NETWORK', error instanceof Error ? error.message : String(error));
  }
  if (!response.ok) {
    const error = await errorOf(response);
    // A revoked or unknown token: the session listens and returns to the sign-in screen.
    if (response.status === 401 && !options.token && typeof window !== 'undefined') {
      window.dispatchEvent(new CustomEvent(unauthorizedEvent, { detail: error.code }));
    }
    throw error;
  }
  if (response.status === 204) return undefined as T;
  if (options.as === 'text') return (await response.text()) as T;
  if (options.as === 'blob') return (await response.blob()) as T;
  return (await response.json()) as T;
}

async function errorOf(response: Response): Promise<ApiRequestError> {
  const text = await response.text();
  try {
    const parsed = JSON.parse(text) as { error?: { code?: string; message?: string; details?: ApiErrorDetail[] } };
    if (parsed.error?.code) {
      return new ApiRequestError(response.status, parsed.error.code, parsed.error.message ?? '', parsed.error.details);
    }
  } catch {
    // not JSON: fall through to the status line
  }
  return new ApiRequestError(response.status, `HTTP_${response.status}`, text.slice(0, 300) || response.statusText);
}

const enc = encodeURIComponent;

export interface Me {
  role: Role;
  tokenId?: string;
}

export const api = {
  me: (token?: string) => request<Me>('GET', '/me', undefined, token ? { token } : {}),
  listPipelines: () => request<Pipeline[]>('GET', '/pipelines'),
  getPipeline: (id: string) => request<Pipeline>('GET', `/pipelines/${enc(id)}`),
  listFlows: () => request<FlowSummary[]>('GET', '/flows'),
  getFlow: (id: string) => request<FlowDetail>('GET', `/flows/${enc(id)}`),
  createFlow: (draft: Flow) => request<FlowDetail>('POST', '/flows', { draft }),
  saveDraft: (id: string, draft: Flow) => request<FlowDetail>('PUT', `/flows/${enc(id)}/draft`, draft),
  validateDraft: (id: string, draft?: unknown) =>
    request<FlowValidationResult>('POST', `/flows/${enc(id)}/validate`, draft),
  listTemplates: () => request<TemplateInfo[]>('GET', '/templates'),
  listEmployees: () => request<Employee[]>('GET', '/employees'),
  exportCsv: (pipelineId?: string) =>
    request<string>('GET', `/export?format=csv${pipelineId ? `&pipelineId=${enc(pipelineId)}` : ''}`, undefined, {
      as: 'text',
    }),
};

export type { Diagnostic };
