// OpenAPI entries of what the designer asks of the runtime: who am I, stored events, the backtest
// and the PDF previews.
import { type ApiPath, api, binary, json, ref } from './api-path.ts';

const previewPdf = binary('application/pdf', 'The PDF; warnings in the X-Inkflow-Warnings header (JSON)');

export const designerPaths: readonly ApiPath[] = [
  {
    method: 'get',
    path: `${api}/me`,
    operationId: 'getMe',
    summary: "The calling token's id, name and role",
    roles: ['client', 'analyst'],
    responses: { 200: { description: 'Who is calling', schema: ref('Me') } },
  },
  {
    method: 'get',
    path: `${api}/pipelines/:pipelineId/events`,
    operationId: 'listStoredEvents',
    summary: 'Events received for a pipeline, newest first (personal data: admin and client)',
    roles: ['client'],
    query: [
      {
        name: 'limit',
        description: 'Page size, 1 to 200 (default 50)',
        schema: { type: 'integer', minimum: 1, maximum: 200 },
      },
      { name: 'before', description: 'The nextBefore of the previous page (an eventId)' },
    ],
    responses: { 200: { description: 'A page of events', schema: ref('StoredEventList') } },
    errors: [400],
  },
  {
    method: 'get',
    path: `${api}/events/:eventId`,
    operationId: 'getStoredEvent',
    summary: 'One received event as stored, with its run',
    roles: ['client'],
    responses: { 200: { description: 'The event', schema: ref('StoredEvent') } },
    errors: [404],
  },
  {
    method: 'post',
    path: `${api}/flows/:id/backtest`,
    operationId: 'backtestFlow',
    summary: 'Draft vs active version over the newest stored events of the pipeline (analysts: counts only, no events)',
    roles: ['analyst'],
    request: { ...json('BacktestRequest'), optional: true },
    responses: { 200: { description: 'What would change', schema: ref('BacktestResult') } },
    errors: [400, 404, 413, 415],
  },
  {
    method: 'post',
    path: `${api}/documents/preview`,
    operationId: 'previewDocument',
    summary: 'The PDF a sendDocument node would make for a deal event (not stored, not sent)',
    roles: ['admin'],
    request: json('DocumentPreviewRequest'),
    responses: { 200: previewPdf },
    errors: [400, 404, 413, 415, 503],
  },
  {
    method: 'post',
    path: `${api}/templates/:id/preview`,
    operationId: 'previewTemplate',
    summary: 'A template filled with a deal (default: the demo deal) as PDF (not stored)',
    roles: ['admin'],
    request: { ...json('TemplatePreviewRequest'), optional: true },
    responses: { 200: previewPdf },
    errors: [400, 404, 413, 415, 503],
  },
];
