import type { FastifyError, FastifyInstance, FastifyRequest } from 'fastify';
import { ZodError } from 'zod';
import { describeZodError } from '@core/bridge';
import { fieldProblems, formatProblem } from '@core/domain/problems';
import type { ApiError } from '@core/hub-api';
import { englishMessage, type MessageDescriptor, type MessageValues } from '@core/i18n/messages';
import { HUB_MESSAGES } from './messages';
import { hubIntl } from './i18n';
import type { IntlShape } from '@formatjs/intl';

/**
 * An error whose message is meant for the caller, with its HTTP status. Given
 * as a message (descriptor and values) it is answered in the requester's
 * language; `message` is its British English, for logs.
 */
export class HttpError extends Error {
  /** Sent as Retry-After: how long the caller should wait before trying again. */
  retryAfterSeconds?: number;
  readonly descriptor: MessageDescriptor | undefined;
  readonly values: MessageValues | undefined;
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string | MessageDescriptor,
    values?: MessageValues,
  ) {
    super(typeof message === 'string' ? message : englishMessage(message, values));
    this.descriptor = typeof message === 'string' ? undefined : message;
    this.values = typeof message === 'string' ? undefined : values;
  }
}

const REASONS: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/** Seconds a caller is asked to wait when the database cannot be reached. */
export const STORAGE_RETRY_AFTER_SECONDS = 5;

/** The database cannot be reached just now (outage, restart, failover): 503, worth retrying. */
export class StorageUnavailableError extends HttpError {
  override readonly retryAfterSeconds = STORAGE_RETRY_AFTER_SECONDS;
  constructor(message: string | MessageDescriptor = HUB_MESSAGES.databaseUnavailable) {
    super(503, 'storage_unavailable', message);
  }
}

/** Node socket errors and PostgreSQL SQLSTATEs that mean "no usable connection", not "bad query". */
const CONNECTION_CODES = new Set([
  'ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN',
  // 08: connection exceptions; 57P01–57P03, 57P05: shutdown, crash, starting up, idle timeout; 53300: too many connections.
  '08000', '08001', '08003', '08004', '08006', '08007', '57P01', '57P02', '57P03', '57P05', '53300',
]);
/** pg and pg-pool raise these as plain Errors without a code. */
const CONNECTION_MESSAGES = /Connection terminated|not queryable|timeout exceeded when trying to connect/;

/** Whether `error` (or what caused it) says the database connection failed rather than the request. */
export function isStorageUnavailable(error: unknown): boolean {
  for (let e = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth += 1) {
    if (e instanceof StorageUnavailableError) return true;
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && CONNECTION_CODES.has(code)) return true;
    if (CONNECTION_MESSAGES.test(e.message)) return true;
  }
  return false;
}

export function errorBody(statusCode: number, message: string, error?: string, said?: { messageId: string; values?: MessageValues }): ApiError {
  return { statusCode, error: error ?? REASONS[statusCode] ?? 'Error', message, ...(said ? { messageId: said.messageId, ...(said.values && Object.keys(said.values).length ? { values: said.values } : {}) } : {}) };
}

/** The request's formatter; British English on an app without the locale plugin (a test's bare Fastify). */
function intlOf(request: FastifyRequest): IntlShape {
  const decorated: Partial<Pick<FastifyRequest, 'intl'>> = request;
  return decorated.intl ?? hubIntl('en-GB');
}

/** An answer's body worded in the requester's language, with the message's id and values for a desktop to word itself. */
export function localisedBody(request: FastifyRequest, statusCode: number, descriptor: MessageDescriptor, values?: MessageValues, error?: string): ApiError {
  return errorBody(statusCode, intlOf(request).formatMessage(descriptor, values), error, { messageId: String(descriptor.id), values });
}

/** Bad input in the requester's language: each problem's sentence, and the field in brackets for callers who need to find it. */
function invalidRequest(request: FastifyRequest, error: ZodError): ApiError {
  if ((request.locale ?? 'en-GB') === 'en-GB') return errorBody(400, `Invalid request: ${describeZodError(error)}`, undefined, { messageId: String(HUB_MESSAGES.invalidRequest.id), values: { problems: describeZodError(error) } });
  const problems = fieldProblems(error)
    .map((problem) => {
      const sentence = formatProblem(intlOf(request), problem);
      return problem.field ? `${sentence.replace(/\.$/, '')} (${problem.field}).` : sentence;
    })
    .join(' ');
  return localisedBody(request, 400, HUB_MESSAGES.invalidRequest, { problems });
}

/**
 * Every failure answers with `{statusCode, error, message}`. Bad input is a
 * 4xx with a message that says what was wrong, never a 500.
 */
export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | HttpError | ZodError | Error, request, reply) => {
    if (error instanceof ZodError) {
      return reply.code(400).send(invalidRequest(request, error));
    }
    const status = 'statusCode' in error && typeof error.statusCode === 'number' ? error.statusCode : 500;
    // Only for what would be a 500: a client's own aborted upload (ECONNRESET, 400) stays a 4xx.
    if (status >= 500 && isStorageUnavailable(error)) {
      // Logged without the error object: a pg error can carry its client, and with it the connection settings.
      request.log.warn(`database unavailable: ${error.message || error.name}`);
      const unavailable = error instanceof StorageUnavailableError ? error : new StorageUnavailableError();
      void reply.header('Retry-After', String(unavailable.retryAfterSeconds));
      return reply.code(503).send(bodyOf(request, unavailable));
    }
    if (error instanceof HttpError) {
      if (error.retryAfterSeconds !== undefined) void reply.header('Retry-After', String(error.retryAfterSeconds));
      return reply.code(error.statusCode).send(bodyOf(request, error));
    }
    if (status >= 400 && status < 500) {
      // @fastify/rate-limit throws its answer (already in this shape, with Retry-After set).
      const reason = 'error' in error && typeof error.error === 'string' ? error.error : undefined;
      return reply.code(status).send(errorBody(status, error.message, reason));
    }
    request.log.error({ err: error }, 'request failed');
    return reply.code(500).send(localisedBody(request, 500, HUB_MESSAGES.failed));
  });
}

/** An HttpError's answer: in the requester's language when it is a message. */
function bodyOf(request: FastifyRequest, error: HttpError): ApiError {
  if (!error.descriptor) return errorBody(error.statusCode, error.message, error.code);
  return localisedBody(request, error.statusCode, error.descriptor, error.values, error.code);
}
