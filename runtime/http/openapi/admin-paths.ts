// OpenAPI entries of the admin areas: API tokens, pipelines, company settings and employees.
import { type ApiPath, api, json, list, ref } from './api-path.ts';

export const accessPaths: readonly ApiPath[] = [
  {
    method: 'post',
    path: `${api}/tokens`,
    summary: 'Issue an API token (the secret is returned once)',
    roles: ['admin'],
    request: json('TokenRequest'),
    responses: { 201: { description: 'Issued', schema: ref('TokenInfo') } },
    errors: [400, 415],
  },
  {
    method: 'get',
    path: `${api}/tokens`,
    summary: 'List API tokens (without secrets)',
    roles: ['admin'],
    responses: { 200: { description: 'Tokens', schema: list('TokenInfo') } },
  },
  {
    method: 'delete',
    path: `${api}/tokens/:id`,
    summary: 'Revoke an API token',
    roles: ['admin'],
    responses: { 204: { description: 'Revoked' } },
    errors: [404],
  },
];

export const settingsPaths: readonly ApiPath[] = [
  {
    method: 'get',
    path: `${api}/pipelines`,
    summary: 'List pipelines',
    roles: ['analyst'],
    responses: { 200: { description: 'Pipelines', schema: list('Pipeline') } },
  },
  {
    method: 'get',
    path: `${api}/pipelines/:id`,
    summary: 'Get a pipeline',
    roles: ['analyst'],
    responses: { 200: { description: 'The pipeline', schema: ref('Pipeline') } },
    errors: [404],
  },
  {
    method: 'put',
    path: `${api}/pipelines/:id`,
    summary: "Create or replace a pipeline (also in its flow's draft)",
    roles: ['admin'],
    request: json('Pipeline'),
    responses: { 200: { description: 'Stored', schema: ref('Pipeline') } },
    errors: [400, 415],
  },
  {
    method: 'get',
    path: `${api}/settings/company`,
    summary: "Our company's details",
    roles: ['admin'],
    responses: { 200: { description: 'Our company', schema: ref('OurCompany') } },
    errors: [404],
  },
  {
    method: 'put',
    path: `${api}/settings/company`,
    summary: "Set our company's details",
    roles: ['admin'],
    request: json('OurCompany'),
    responses: { 200: { description: 'Stored', schema: ref('OurCompany') } },
    errors: [400, 415],
  },
  {
    method: 'get',
    path: `${api}/employees`,
    summary: 'Employees who may sign for our company',
    roles: ['admin'],
    responses: { 200: { description: 'Employees', schema: list('Employee') } },
  },
  {
    method: 'put',
    path: `${api}/employees/:id`,
    summary: 'Create or replace an employee',
    roles: ['admin'],
    request: json('Employee'),
    responses: { 200: { description: 'Stored', schema: ref('Employee') } },
    errors: [400, 415],
  },
  {
    method: 'delete',
    path: `${api}/employees/:id`,
    summary: 'Delete an employee (409 EMPLOYEE_IN_USE while an active flow names them as signer)',
    roles: ['admin'],
    responses: { 204: { description: 'Deleted' } },
    errors: [404, 409],
  },
];
