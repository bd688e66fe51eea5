/** Each request's language, from Accept-Language: error answers are worded in it (see installErrorHandling). */
import fp from 'fastify-plugin';
import type { IntlShape } from '@formatjs/intl';
import type { UiLocale } from '@core/i18n/locales';
import { hubIntl, requestLocale } from '../i18n';

declare module 'fastify' {
  interface FastifyRequest {
    /** The language the hub answers this request in. */
    locale: UiLocale;
    /** Formats messages in it. */
    intl: IntlShape;
  }
}

export const localePlugin = fp(
  async (app) => {
    app.decorateRequest('locale', 'en-GB');
    app.decorateRequest('intl', {
      getter(this: { locale: UiLocale }) {
        return hubIntl(this.locale);
      },
    });
    app.addHook('onRequest', async (request) => {
      const header = request.headers['accept-language'];
      request.locale = requestLocale(Array.isArray(header) ? header.join(',') : header);
    });
  },
  { name: 'locale' },
);
