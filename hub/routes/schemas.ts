/** Answers every route may give, described once for the OpenAPI document. */
import { ApiErrorSchema } from '@core/hub-api';

/** The error answers of a route for people (besides its own 4xx). */
export const PERSON_ERRORS = { 400: ApiErrorSchema, 401: ApiErrorSchema, 403: ApiErrorSchema, 503: ApiErrorSchema } as const;
export const PUBLIC_ERRORS = { 400: ApiErrorSchema, 503: ApiErrorSchema } as const;

/** Plain JSON for answers built from rows the hub already validated (a pull page holds thousands). */
export const plainJson = () => (data: unknown) => JSON.stringify(data);
