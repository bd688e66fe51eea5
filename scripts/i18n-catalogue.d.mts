/** Messages by area (the id's first segment), each `{ id: ICU message }`. */
export type CatalogueAreas = Record<string, Record<string, string>>;
export const SOURCE_DIRS: string[];
export const CATALOGUE_DIR: string;
export const SOURCE_LOCALE: string;
export function extractFromCode(root: string): Promise<CatalogueAreas>;
export function readCatalogue(root: string, locale: string): Promise<CatalogueAreas>;
export function catalogueText(messages: Record<string, string>): string;
export function writeSourceCatalogue(root: string): Promise<CatalogueAreas>;
