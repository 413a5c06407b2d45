// OpenAPI entries of flows (drafts, versions, diff), the export and templates.
import { type ApiPath, api, binary, docx, type JsonSchema, json, list, ref } from './api-path.ts';

const flowVersionDetail: JsonSchema = {
  allOf: [
    ref('FlowVersionInfo'),
    {
      type: 'object',
      required: ['document', 'ruleSet'],
      properties: { document: ref('Flow'), ruleSet: ref('RuleSet') },
    },
  ],
};
const diagnosticsResult: JsonSchema = {
  type: 'object',
  required: ['diagnostics'],
  properties: { diagnostics: list('Diagnostic') },
};
const templateUpload: JsonSchema = {
  type: 'object',
  required: ['documentType', 'file'],
  properties: {
    documentType: ref('DocumentType'),
    name: { type: 'string', maxLength: 200 },
    id: ref('Identifier'),
    file: { type: 'string', contentMediaType: docx, description: 'The .docx file, at most 10 MB.' },
  },
};

export const flowPaths: readonly ApiPath[] = [
  {
    method: 'post',
    path: `${api}/flows`,
    summary: 'Create a flow from its draft (its pipeline is stored with it)',
    roles: ['admin'],
    request: json('FlowCreateRequest'),
    responses: { 201: { description: 'Created, with diagnostics', schema: ref('FlowDetail') } },
    errors: [400, 409, 413, 415],
  },
  {
    method: 'get',
    path: `${api}/flows`,
    summary: 'List flows',
    roles: ['analyst'],
    responses: { 200: { description: 'Flows', schema: list('FlowSummary') } },
  },
  {
    method: 'get',
    path: `${api}/flows/:id`,
    summary: 'A flow with its draft and diagnostics',
    roles: ['analyst'],
    responses: { 200: { description: 'The flow', schema: ref('FlowDetail') } },
    errors: [404],
  },
  {
    method: 'put',
    path: `${api}/flows/:id/draft`,
    summary: 'Replace the draft (saved with semantic errors; schema violations are refused)',
    roles: ['admin'],
    request: json('Flow'),
    responses: { 200: { description: 'Saved, with diagnostics', schema: ref('FlowDetail') } },
    errors: [400, 404, 413, 415],
  },
  {
    method: 'post',
    path: `${api}/flows/:id/validate`,
    summary: 'Validate the stored draft, or the flow document sent',
    roles: ['analyst'],
    request: {
      contentType: 'application/json',
      schema: { description: 'Optional: a flow document to validate instead of the draft' },
    },
    responses: { 200: { description: 'Diagnostics', schema: diagnosticsResult } },
    errors: [400, 404, 413, 415],
  },
  {
    method: 'post',
    path: `${api}/flows/:id/publish`,
    summary: 'Publish the draft as the next version and make it active (400 FLOW_INVALID on errors)',
    roles: ['admin'],
    responses: { 201: { description: 'Published', schema: ref('FlowVersionInfo') } },
    errors: [400, 404],
  },
  {
    method: 'post',
    path: `${api}/flows/:id/rollback`,
    summary: 'Make an earlier version active',
    roles: ['admin'],
    request: {
      contentType: 'application/json',
      schema: { type: 'object', required: ['version'], properties: { version: { type: 'integer', minimum: 1 } } },
    },
    responses: { 200: { description: 'Now active', schema: ref('FlowVersionInfo') } },
    errors: [400, 404, 409, 415],
  },
  {
    method: 'get',
    path: `${api}/flows/:id/versions`,
    summary: 'Published versions, newest first',
    roles: ['analyst'],
    responses: { 200: { description: 'Versions', schema: list('FlowVersionInfo') } },
    errors: [404],
  },
  {
    method: 'get',
    path: `${api}/flows/:id/versions/:version`,
    summary: "A published version's document and rule set",
    roles: ['analyst'],
    responses: { 200: { description: 'The version', schema: flowVersionDetail } },
    errors: [400, 404],
  },
  {
    method: 'get',
    path: `${api}/flows/:id/diff`,
    summary: 'Rule-level difference between two published versions',
    roles: ['analyst'],
    query: [
      { name: 'from', description: 'Version number', required: true, schema: { type: 'integer', minimum: 1 } },
      { name: 'to', description: 'Version number', required: true, schema: { type: 'integer', minimum: 1 } },
    ],
    responses: { 200: { description: 'The difference', schema: ref('FlowDiff') } },
    errors: [400, 404],
  },
  {
    method: 'get',
    path: `${api}/export`,
    summary: "The active flows' rules, as the CLI's `inkflow export` writes them",
    roles: ['analyst'],
    query: [
      { name: 'format', description: 'json (default) or csv', schema: { type: 'string', enum: ['json', 'csv'] } },
      { name: 'pipelineId', description: "Only this pipeline's flow", schema: ref('Identifier') },
    ],
    responses: {
      200: { description: 'ExportDocument (json) or CSV with the same rows', schema: ref('ExportDocument') },
    },
    errors: [400, 404],
  },
];

export const templatePaths: readonly ApiPath[] = [
  {
    method: 'post',
    path: `${api}/templates`,
    summary: 'Upload a DOCX template (checked: a Word document, a sound zip, no zip bomb, balanced tags)',
    roles: ['admin'],
    request: { contentType: 'multipart/form-data', schema: templateUpload },
    responses: { 201: { description: 'Stored', schema: ref('TemplateInfo') } },
    errors: [400, 409, 413, 415],
  },
  {
    method: 'get',
    path: `${api}/templates`,
    summary: 'List templates',
    roles: ['admin'],
    responses: { 200: { description: 'Templates', schema: list('TemplateInfo') } },
  },
  {
    method: 'get',
    path: `${api}/templates/:id`,
    summary: 'A template and its placeholders',
    roles: ['admin'],
    responses: { 200: { description: 'The template', schema: ref('TemplateInfo') } },
    errors: [404],
  },
  {
    method: 'get',
    path: `${api}/templates/:id/content`,
    summary: 'Download the template',
    roles: ['admin'],
    responses: { 200: binary(docx, 'The .docx file') },
    errors: [404],
  },
  {
    method: 'delete',
    path: `${api}/templates/:id`,
    summary: 'Delete a template (409 TEMPLATE_IN_USE while an active flow uses it)',
    roles: ['admin'],
    responses: { 204: { description: 'Deleted' } },
    errors: [404, 409],
  },
];
