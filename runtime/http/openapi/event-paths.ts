// OpenAPI entries of the event path: events, runs, documents and deals.
import { type ApiPath, api, binary, docx, json, list, ref } from './api-path.ts';

export const eventPaths: readonly ApiPath[] = [
  {
    method: 'post',
    path: `${api}/events`,
    summary: 'Accept a deal event (a redelivered eventId returns the same run)',
    roles: ['client'],
    request: json('DealEvent'),
    responses: {
      202: { description: 'Accepted: a new run', schema: ref('EventAccepted') },
      200: { description: 'Already accepted: the same run, nothing new', schema: ref('EventAccepted') },
    },
    errors: [400, 413, 415],
  },
  {
    method: 'get',
    path: `${api}/runs`,
    summary: 'Runs of an event or a deal, newest first',
    roles: ['client', 'analyst'],
    query: [
      { name: 'eventId', description: 'The deal event id' },
      { name: 'dealId', description: 'The deal id' },
    ],
    responses: { 200: { description: 'Runs', schema: list('Run') } },
    errors: [400],
  },
  {
    method: 'get',
    path: `${api}/runs/:id`,
    summary: 'A run: status, evaluation trace, documents, warnings and errors',
    roles: ['client', 'analyst'],
    responses: { 200: { description: 'The run', schema: ref('Run') } },
    errors: [404],
  },
  {
    method: 'get',
    path: `${api}/documents/:id`,
    summary: 'A document and its intended signers',
    roles: ['client'],
    responses: { 200: { description: 'The document', schema: ref('DocumentInfo') } },
    errors: [404],
  },
  {
    method: 'get',
    path: `${api}/documents/:id/docx`,
    summary: 'The rendered DOCX',
    roles: ['client'],
    responses: { 200: binary(docx, 'The .docx file') },
    errors: [404],
  },
  {
    method: 'get',
    path: `${api}/documents/:id/pdf`,
    summary: 'The PDF',
    roles: ['client'],
    responses: { 200: binary('application/pdf', 'The PDF file') },
    errors: [404],
  },
  {
    method: 'get',
    path: `${api}/deals/:dealId/documents`,
    summary: "A deal's documents",
    roles: ['client'],
    responses: { 200: { description: 'Documents', schema: list('DocumentInfo') } },
  },
  {
    method: 'post',
    path: `${api}/deals/:dealId/documents`,
    summary: 'Make a document for a deal by hand ("use this template anyway")',
    roles: ['client'],
    request: json('ManualDocumentRequest'),
    responses: {
      201: { description: 'Made', schema: ref('DocumentInfo') },
      200: { description: 'Made before with this Idempotency-Key', schema: ref('DocumentInfo') },
    },
    errors: [400, 404, 409, 413, 415, 503],
  },
];
