/**
 * Where demo customers live, as a region code for their holidays: by town where
 * the town is known (Munich is in Bavaria, Barcelona in Catalonia), else by
 * time zone, else by the country of their phone number. Customers of towns
 * added later still get their country's holidays this way.
 */

/** Towns (the `town` attribute) and their country subdivision. */
const TOWN_REGIONS: Readonly<Record<string, string>> = {
  // United Kingdom: England unless listed
  Glasgow: 'GB-SCT',
  Edinburgh: 'GB-SCT',
  Aberdeen: 'GB-SCT',
  Cardiff: 'GB-WLS',
  Swansea: 'GB-WLS',
  Belfast: 'GB-NIR',
  // United States
  'New York': 'US-NY',
  Boston: 'US-MA',
  Atlanta: 'US-GA',
  Miami: 'US-FL',
  Chicago: 'US-IL',
  Austin: 'US-TX',
  Nashville: 'US-TN',
  Denver: 'US-CO',
  Phoenix: 'US-AZ',
  Seattle: 'US-WA',
  'San Francisco': 'US-CA',
  'Los Angeles': 'US-CA',
  Portland: 'US-OR',
  // France (date-holidays lists Alsace-Moselle and the overseas departments; the mainland is FR)
  Strasbourg: 'FR-67',
  Metz: 'FR-57',
  // Germany
  Berlin: 'DE-BE',
  Frankfurt: 'DE-HE',
  'Frankfurt am Main': 'DE-HE',
  Wiesbaden: 'DE-HE',
  Hamburg: 'DE-HH',
  Köln: 'DE-NW',
  Düsseldorf: 'DE-NW',
  Dortmund: 'DE-NW',
  Essen: 'DE-NW',
  Bonn: 'DE-NW',
  München: 'DE-BY',
  Nürnberg: 'DE-BY',
  Augsburg: 'DE-BY',
  Regensburg: 'DE-BY',
  Stuttgart: 'DE-BW',
  Karlsruhe: 'DE-BW',
  Freiburg: 'DE-BW',
  Mannheim: 'DE-BW',
  Hannover: 'DE-NI',
  Bremen: 'DE-HB',
  Leipzig: 'DE-SN',
  Dresden: 'DE-SN',
  Potsdam: 'DE-BB',
  Mainz: 'DE-RP',
  Saarbrücken: 'DE-SL',
  Kiel: 'DE-SH',
  Rostock: 'DE-MV',
  Erfurt: 'DE-TH',
  Magdeburg: 'DE-ST',
  // Spain
  Madrid: 'ES-MD',
  Barcelona: 'ES-CT',
  Girona: 'ES-CT',
  Valencia: 'ES-VC',
  Alicante: 'ES-VC',
  Sevilla: 'ES-AN',
  Málaga: 'ES-AN',
  Granada: 'ES-AN',
  Córdoba: 'ES-AN',
  Bilbao: 'ES-PV',
  'San Sebastián': 'ES-PV',
  Zaragoza: 'ES-AR',
  'Las Palmas': 'ES-CN',
  'Santa Cruz de Tenerife': 'ES-CN',
  Palma: 'ES-IB',
  Valladolid: 'ES-CL',
  'A Coruña': 'ES-GA',
  'Santiago de Compostela': 'ES-GA',
  Oviedo: 'ES-AS',
  Murcia: 'ES-MC',
  Pamplona: 'ES-NC',
  Santander: 'ES-CB',
  Toledo: 'ES-CM',
  Mérida: 'ES-EX',
  Logroño: 'ES-RI',
};

/** Time zones and the region most of their people keep the holidays of. */
const ZONE_REGIONS: Readonly<Record<string, string>> = {
  'Europe/London': 'GB-ENG',
  'Europe/Belfast': 'GB-NIR',
  'Europe/Dublin': 'IE',
  'Europe/Paris': 'FR',
  'Europe/Berlin': 'DE',
  'Europe/Madrid': 'ES',
  'Atlantic/Canary': 'ES-CN',
  'Europe/Lisbon': 'PT',
  'Europe/Rome': 'IT',
  'Europe/Amsterdam': 'NL',
  'Europe/Brussels': 'BE',
  'Europe/Vienna': 'AT',
  'Europe/Zurich': 'CH',
  'America/New_York': 'US',
  'America/Chicago': 'US',
  'America/Denver': 'US',
  'America/Phoenix': 'US',
  'America/Los_Angeles': 'US',
  'America/Mexico_City': 'MX',
};

/** International dialling codes (longest first) and their country. */
const PHONE_REGIONS: readonly (readonly [prefix: string, region: string])[] = [
  ['+353', 'IE'],
  ['+351', 'PT'],
  ['+44', 'GB-ENG'],
  ['+49', 'DE'],
  ['+34', 'ES'],
  ['+33', 'FR'],
  ['+39', 'IT'],
  ['+31', 'NL'],
  ['+32', 'BE'],
  ['+43', 'AT'],
  ['+41', 'CH'],
  ['+52', 'MX'],
  ['+1', 'US'],
];

/** The region a demo customer lives in, or null when nothing says. */
export function demoRegion(customer: { town?: string | null; timeZone: string; phones: readonly string[] }): string | null {
  const byTown = customer.town ? TOWN_REGIONS[customer.town] : undefined;
  if (byTown) return byTown;
  const byZone = ZONE_REGIONS[customer.timeZone];
  if (byZone) return byZone;
  for (const phone of customer.phones) {
    const match = PHONE_REGIONS.find(([prefix]) => phone.startsWith(prefix));
    if (match) return match[1];
  }
  return null;
}
