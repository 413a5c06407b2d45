// OpenAPI entries of the CRM connectors' inbound webhooks.
import { type ApiPath, api, ref } from './api-path.ts';

export const crmPaths: readonly ApiPath[] = [
  {
    method: 'post',
    path: `${api}/crm/bitrix24/events`,
    operationId: 'acceptBitrix24Event',
    summary:
      "Bitrix24's outbound webhook (ONCRMDEALUPDATE, ONCRMDEALADD), form-encoded as the portal sends it and checked by its application token; the deal is fetched by a job afterwards, and becomes a deal.stage_changed event when its stage changed",
    roles: 'public',
    request: { contentType: 'application/x-www-form-urlencoded', schema: ref('Bitrix24EventForm') },
    responses: {
      200: {
        description: 'queued (the deal will be fetched), duplicate (this delivery was queued before) or ignored',
        schema: ref('CrmEventAccepted'),
      },
    },
    errors: [400, 401, 403, 404, 413, 415, 503],
    errorCodes: {
      400: ['FORM_INVALID', 'FORM_TOO_MANY_FIELDS', 'CRM_EVENT_INVALID'],
      401: ['CRM_TOKEN_MISSING'],
      403: ['CRM_TOKEN_INVALID'],
      404: ['CRM_NOT_CONFIGURED'],
      413: ['PAYLOAD_TOO_LARGE'],
      415: ['FORM_REQUIRED'],
    },
  },
];
