// The CRM's own webhooks (public: the portal proves itself with its application token, not an
// API token). Answered before anything is fetched from the CRM; see accept-bitrix24-event.ts.
import { acceptBitrix24Event } from '../../crm/bitrix24/accept-bitrix24-event.ts';
import { parseFormBody } from '../../crm/bitrix24/parse-form-body.ts';
import { AppError } from '../../errors/app-error.ts';
import type { RouteModule } from '../app-types.ts';
import { readRawBody } from '../read-json-body.ts';

/** A Bitrix24 event is a few hundred bytes. */
export const maxCrmEventBytes = 32 * 1024;

export const registerCrmRoutes: RouteModule = (router, services) => {
  router.post('/crm/bitrix24/events', async (ctx) => {
    if (!ctx.is('application/x-www-form-urlencoded'))
      throw new AppError(
        'unsupported_media_type',
        'FORM_REQUIRED',
        "Send Bitrix24's event as application/x-www-form-urlencoded, as the portal's outbound webhook does",
      );
    const config = services.config.crm.bitrix24;
    if (!config)
      throw new AppError(
        'not_found',
        'CRM_NOT_CONFIGURED',
        'No Bitrix24 portal is connected: set INKFLOW_BITRIX24_WEBHOOK_URL and INKFLOW_BITRIX24_APP_TOKEN',
      );
    const body = await readRawBody(ctx, maxCrmEventBytes);
    ctx.body = await acceptBitrix24Event(services, config, parseFormBody(body.toString('utf8')));
  });
};
