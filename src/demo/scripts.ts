/**
 * The default script packs (assets/scripts/*.json) as published Script rows.
 * A pack is a Script without its bookkeeping fields.
 */
import { ScriptSchema, scriptVersionId, type Script } from '../domain/model';
import billingDispute from '../../assets/scripts/billing-dispute.json';
import cancellationRetention from '../../assets/scripts/cancellation-retention.json';
import deliveryDelay from '../../assets/scripts/delivery-delay.json';
import generalEnquiry from '../../assets/scripts/general-enquiry.json';
import serviceOutage from '../../assets/scripts/service-outage.json';

/** A script pack as stored in assets/scripts: a Script without id, version, status and audit fields. */
export const ScriptPackSchema = ScriptSchema.omit({
  id: true,
  version: true,
  status: true,
  updatedAt: true,
  updatedBy: true,
  publishedAt: true,
});
export type ScriptPack = ReturnType<typeof ScriptPackSchema.parse>;

/** The raw packs, keyed by file name (without .json). */
export const SCRIPT_PACK_SOURCES: Readonly<Record<string, unknown>> = {
  'billing-dispute': billingDispute,
  'service-outage': serviceOutage,
  'delivery-delay': deliveryDelay,
  'cancellation-retention': cancellationRetention,
  'general-enquiry': generalEnquiry,
};

export function scriptPacks(): ScriptPack[] {
  return Object.values(SCRIPT_PACK_SOURCES).map((source) => ScriptPackSchema.parse(source));
}

/** Every pack as version 1, published by `publishedBy` at `publishedAt`. */
export function publishedScripts(publishedAt: number, publishedBy: string): Script[] {
  return scriptPacks().map((pack) =>
    ScriptSchema.parse({
      ...pack,
      id: scriptVersionId(pack.scriptId, 1),
      version: 1,
      status: 'published',
      updatedAt: publishedAt,
      updatedBy: publishedBy,
      publishedAt,
    }),
  );
}
