/** Every failure answers `{statusCode, error, message}`; see installErrorHandling. */
import fp from 'fastify-plugin';
import { installErrorHandling } from '../errors';

export const errorsPlugin = fp(
  async (app) => {
    installErrorHandling(app);
  },
  { name: 'errors' },
);
