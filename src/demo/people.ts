/**
 * Demo customers: diverse names from several cultures, addresses on reserved
 * example domains, phone numbers from ranges set aside for drama and fiction,
 * plans, tiers, languages and matching time zones.
 */
import type { ReachableChannel } from '../domain/common';
import { newCustomer, type Customer, type QuietHours, type Tier } from '../domain/model';
import { type Rng, Weighted } from './random';
import { demoRegion } from './regions';

const DAY = 86_400_000;

type PhonePlan = 'uk' | 'us' | 'fr' | 'de' | 'es';
type Currency = 'GBP' | 'EUR' | 'USD';

interface Town {
  name: string;
  timeZone: string;
  /** A fictional landline prefix for this town (E.164, digits to complete in `digits`). */
  landline?: string;
  digits?: number;
}

interface Culture {
  weight: number;
  languages: readonly (readonly [string, number])[];
  firstNames: readonly string[];
  lastNames: readonly string[];
  towns: readonly Town[];
  phone: PhonePlan;
  currency: Currency;
}

// Ranges reserved for drama/fiction: Ofcom (UK), NANP 555-0100..0199 (US/Canada),
// Bundesnetzagentur "Drama Numbers" (DE), ARCEP fiction ranges (FR).
const UK_MOBILE = '+447700900';
// Spain reserves no numbers for fiction; 600 000 xxx is a placeholder block of mobiles.
const ES_MOBILE = '+34600000';
const UK_NO_AREA = '+441632960';
const UK_TOWNS: readonly Town[] = [
  { name: 'London', timeZone: 'Europe/London', landline: '+442079460', digits: 3 },
  { name: 'Birmingham', timeZone: 'Europe/London', landline: '+441214960', digits: 3 },
  { name: 'Bristol', timeZone: 'Europe/London', landline: '+441174960', digits: 3 },
  { name: 'Glasgow', timeZone: 'Europe/London', landline: '+441414960', digits: 3 },
  { name: 'Leeds', timeZone: 'Europe/London', landline: '+441134960', digits: 3 },
  { name: 'Leicester', timeZone: 'Europe/London', landline: '+441164960', digits: 3 },
  { name: 'Liverpool', timeZone: 'Europe/London', landline: '+441514960', digits: 3 },
  { name: 'Manchester', timeZone: 'Europe/London', landline: '+441614960', digits: 3 },
  { name: 'Newcastle', timeZone: 'Europe/London', landline: '+441914980', digits: 3 },
  { name: 'Nottingham', timeZone: 'Europe/London', landline: '+441154960', digits: 3 },
  { name: 'Sheffield', timeZone: 'Europe/London', landline: '+441144960', digits: 3 },
  { name: 'Cardiff', timeZone: 'Europe/London', landline: '+442920180', digits: 3 },
  { name: 'Coventry', timeZone: 'Europe/London', landline: '+442476180', digits: 3 },
  { name: 'Belfast', timeZone: 'Europe/London', landline: '+442896496', digits: 3 },
  { name: 'Brighton', timeZone: 'Europe/London' },
  { name: 'Norwich', timeZone: 'Europe/London' },
  { name: 'York', timeZone: 'Europe/London' },
];
const US_TOWNS: readonly Town[] = [
  { name: 'New York', timeZone: 'America/New_York', landline: '+121255501', digits: 2 },
  { name: 'Boston', timeZone: 'America/New_York', landline: '+161755501', digits: 2 },
  { name: 'Atlanta', timeZone: 'America/New_York', landline: '+140455501', digits: 2 },
  { name: 'Miami', timeZone: 'America/New_York', landline: '+130555501', digits: 2 },
  { name: 'Chicago', timeZone: 'America/Chicago', landline: '+131255501', digits: 2 },
  { name: 'Austin', timeZone: 'America/Chicago', landline: '+151255501', digits: 2 },
  { name: 'Nashville', timeZone: 'America/Chicago', landline: '+161555501', digits: 2 },
  { name: 'Denver', timeZone: 'America/Denver', landline: '+130355501', digits: 2 },
  { name: 'Phoenix', timeZone: 'America/Phoenix', landline: '+160255501', digits: 2 },
  { name: 'Seattle', timeZone: 'America/Los_Angeles', landline: '+120655501', digits: 2 },
  { name: 'San Francisco', timeZone: 'America/Los_Angeles', landline: '+141555501', digits: 2 },
  { name: 'Portland', timeZone: 'America/Los_Angeles', landline: '+150355501', digits: 2 },
];
const FR_MOBILE = '+3363998';
const FR_TOWNS: readonly Town[] = [
  { name: 'Paris', timeZone: 'Europe/Paris', landline: '+3319900', digits: 4 },
  { name: 'Lyon', timeZone: 'Europe/Paris' },
  { name: 'Lille', timeZone: 'Europe/Paris' },
  { name: 'Bordeaux', timeZone: 'Europe/Paris' },
  { name: 'Nantes', timeZone: 'Europe/Paris' },
  { name: 'Toulouse', timeZone: 'Europe/Paris' },
];
const DE_TOWNS: readonly Town[] = [
  { name: 'Berlin', timeZone: 'Europe/Berlin', landline: '+493023125', digits: 3 },
  { name: 'Frankfurt', timeZone: 'Europe/Berlin', landline: '+496990009', digits: 3 },
  { name: 'Hamburg', timeZone: 'Europe/Berlin', landline: '+494066969', digits: 3 },
  { name: 'Köln', timeZone: 'Europe/Berlin', landline: '+492214710', digits: 3 },
  { name: 'München', timeZone: 'Europe/Berlin', landline: '+498999998', digits: 3 },
];
const ES_TOWNS: readonly Town[] = [
  { name: 'Madrid', timeZone: 'Europe/Madrid' },
  { name: 'Barcelona', timeZone: 'Europe/Madrid' },
  { name: 'Valencia', timeZone: 'Europe/Madrid' },
  { name: 'Sevilla', timeZone: 'Europe/Madrid' },
  { name: 'Málaga', timeZone: 'Europe/Madrid' },
  { name: 'Las Palmas', timeZone: 'Atlantic/Canary' },
];

const UK_LANG = [
  ['en-GB', 85],
  ['en', 15],
] as const;

const CULTURES: readonly Culture[] = [
  {
    weight: 34,
    languages: UK_LANG,
    firstNames: ['Oliver', 'Amelia', 'George', 'Isla', 'Harry', 'Olivia', 'Jack', 'Emily', 'Charlie', 'Sophie', 'James', 'Grace', 'William', 'Lily', 'Thomas', 'Hannah', 'Joshua', 'Evie', 'Daniel', 'Freya', 'Samuel', 'Poppy', 'Alfie', 'Ella', 'Henry', 'Ruby', 'Archie', 'Megan', 'Rhys', 'Eilidh', 'Callum', 'Owen', 'Gareth', 'Fiona', 'Margaret', 'David', 'Susan', 'Peter', 'Linda', 'Graham', 'Janet', 'Stuart', 'Carol', 'Kevin', 'Joanne', 'Ian', 'Bethan', 'Morag', 'Dylan', 'Catrin'],
    lastNames: ['Smith', 'Jones', 'Taylor', 'Brown', 'Williams', 'Wilson', 'Davies', 'Evans', 'Roberts', 'Johnson', 'Walker', 'Wright', 'Robinson', 'White', 'Hughes', 'Edwards', 'Green', 'Hall', 'Wood', 'Harris', 'Lewis', 'Jackson', 'Clarke', 'Turner', 'Hill', 'Scott', 'Cooper', 'Morris', 'Ward', 'Moore', 'King', 'Watson', 'Baker', 'Harrison', 'Morgan', 'Campbell', 'Stewart', 'MacLeod', 'Murray', 'Reid', 'Pritchard', 'Llewellyn', 'Fraser', 'Ellis', 'Barker'],
    towns: UK_TOWNS,
    phone: 'uk',
    currency: 'GBP',
  },
  {
    weight: 4,
    languages: UK_LANG,
    firstNames: ['Siobhán', 'Niamh', 'Cian', 'Oisín', 'Aoife', 'Declan', 'Ciara', 'Seán', 'Róisín', 'Padraig'],
    lastNames: ["O'Brien", 'Murphy', 'Kelly', 'Byrne', 'Doyle', "O'Connor", 'Walsh', 'McCarthy', 'Quinn', 'Brennan'],
    towns: UK_TOWNS,
    phone: 'uk',
    currency: 'GBP',
  },
  {
    weight: 10,
    languages: UK_LANG,
    firstNames: ['Aarav', 'Priyanka', 'Arjun', 'Ananya', 'Rohan', 'Aisha', 'Imran', 'Fatima', 'Sanjay', 'Meera', 'Vikram', 'Zara', 'Hamza', 'Sana', 'Ravi', 'Anjali', 'Yusuf', 'Nadia', 'Kiran', 'Harpreet', 'Gurpreet', 'Amrit', 'Bilal', 'Ayesha', 'Deepak', 'Neha'],
    lastNames: ['Patel', 'Shah', 'Sharma', 'Khan', 'Hussain', 'Ahmed', 'Singh', 'Kaur', 'Gupta', 'Iqbal', 'Chaudhry', 'Ali', 'Begum', 'Rahman', 'Mistry', 'Joshi', 'Desai', 'Malik', 'Bhatt', 'Nair'],
    towns: UK_TOWNS,
    phone: 'uk',
    currency: 'GBP',
  },
  {
    weight: 6,
    languages: UK_LANG,
    firstNames: ['Chidi', 'Ngozi', 'Kwame', 'Ama', 'Tunde', 'Folake', 'Kofi', 'Abena', 'Emeka', 'Chiamaka', 'Femi', 'Adaeze', 'Jerome', 'Shanice', 'Marcus', 'Tanisha', 'Delroy', 'Simone', 'Yaw', 'Efua'],
    lastNames: ['Adeyemi', 'Mensah', 'Boateng', 'Okoye', 'Asante', 'Campbell', 'Francis', 'Nwosu', 'Owusu', 'Bello', 'Eze', 'Grant', 'Henry', 'Baptiste', 'Osei', 'Danso', 'Adebayo', 'Thomas'],
    towns: UK_TOWNS,
    phone: 'uk',
    currency: 'GBP',
  },
  {
    weight: 4,
    languages: [
      ['en-GB', 60],
      ['en', 40],
    ],
    firstNames: ['Jakub', 'Zofia', 'Piotr', 'Agnieszka', 'Tomasz', 'Katarzyna', 'Marek', 'Magdalena', 'Andrzej', 'Ewa'],
    lastNames: ['Nowak', 'Wójcik', 'Kowalczyk', 'Mazur', 'Krawczyk', 'Kaczmarek', 'Zając', 'Król', 'Wróbel', 'Pawlak'],
    towns: UK_TOWNS,
    phone: 'uk',
    currency: 'GBP',
  },
  {
    weight: 2,
    languages: UK_LANG,
    firstNames: ['Andrei', 'Ioana', 'Mihai', 'Elena', 'Bogdan', 'Alina', 'Cristian', 'Raluca'],
    lastNames: ['Popescu', 'Ionescu', 'Dumitru', 'Stan', 'Constantin', 'Marin', 'Georgescu'],
    towns: UK_TOWNS,
    phone: 'uk',
    currency: 'GBP',
  },
  {
    weight: 3,
    languages: UK_LANG,
    firstNames: ['Wei', 'Mei', 'Jun', 'Xin', 'Hao', 'Ling', 'Yan', 'Jie', 'Hui', 'Ming'],
    lastNames: ['Zhang', 'Chen', 'Wang', 'Li', 'Liu', 'Huang', 'Zhao', 'Wu', 'Lin', 'Wong', 'Chan'],
    towns: UK_TOWNS,
    phone: 'uk',
    currency: 'GBP',
  },
  {
    weight: 3,
    languages: UK_LANG,
    firstNames: ['Omar', 'Layla', 'Karim', 'Yasmin', 'Tariq', 'Leila', 'Samir', 'Noor', 'Hassan', 'Rania'],
    lastNames: ['Haddad', 'Khalil', 'Nasser', 'Mansour', 'Saleh', 'Aziz', 'Farah', 'Hakim'],
    towns: UK_TOWNS,
    phone: 'uk',
    currency: 'GBP',
  },
  {
    weight: 7,
    languages: [['en-US', 1]],
    firstNames: ['Michael', 'Jessica', 'Tyler', 'Madison', 'Marcus', 'Keisha', 'Kevin', 'Ashley', 'Brandon', 'Brittany', 'Christopher', 'Amanda', 'Jordan', 'Taylor', 'Dylan', 'Hailey', 'Jamal', 'Destiny', 'Andre', 'Latoya'],
    lastNames: ['Johnson', 'Miller', 'Anderson', 'Jackson', 'Washington', 'Davis', 'Wilson', 'Moore', 'Thomas', 'White', 'Harris', 'Robinson', 'Walker', 'Young', 'Allen', 'Brooks', 'Coleman', 'Bennett'],
    towns: US_TOWNS,
    phone: 'us',
    currency: 'USD',
  },
  {
    weight: 3,
    languages: [['en-US', 1]],
    firstNames: ['Luis', 'María', 'José', 'Carmen', 'Carlos', 'Gabriela', 'Miguel', 'Daniela', 'Alejandro', 'Valeria'],
    lastNames: ['Garcia', 'Rodriguez', 'Martinez', 'Hernandez', 'Lopez', 'Gonzalez', 'Perez', 'Ramirez', 'Torres', 'Flores'],
    towns: US_TOWNS,
    phone: 'us',
    currency: 'USD',
  },
  {
    weight: 2,
    languages: [['en-US', 1]],
    firstNames: ['Minh', 'Linh', 'Ji-woo', 'Min-jun', 'Seo-yeon', 'Thanh', 'Hana', 'Joon'],
    lastNames: ['Nguyen', 'Tran', 'Pham', 'Kim', 'Park', 'Choi', 'Le'],
    towns: US_TOWNS,
    phone: 'us',
    currency: 'USD',
  },
  {
    weight: 7,
    languages: [['fr-FR', 1]],
    firstNames: ['Camille', 'Léa', 'Hugo', 'Lucas', 'Chloé', 'Manon', 'Louis', 'Inès', 'Théo', 'Juliette', 'Mathis', 'Élodie', 'Julien', 'Margaux', 'Antoine', 'Céline', 'Nicolas', 'Aurélie', 'Mathieu', 'Sylvie'],
    lastNames: ['Martin', 'Bernard', 'Dubois', 'Thomas', 'Robert', 'Richard', 'Petit', 'Durand', 'Leroy', 'Moreau', 'Lefèvre', 'Fontaine', 'Girard', 'Bonnet', 'Mercier', 'Rousseau', 'Lambert', 'Faure', 'Chevalier', 'Gauthier'],
    towns: FR_TOWNS,
    phone: 'fr',
    currency: 'EUR',
  },
  {
    weight: 2,
    languages: [['fr-FR', 1]],
    firstNames: ['Karim', 'Yasmine', 'Mehdi', 'Sofiane', 'Nadia', 'Samira', 'Rachid', 'Amina'],
    lastNames: ['Benali', 'Bouzid', 'Amrani', 'Belkacem', 'Haddad', 'Mansouri', 'Cherif'],
    towns: FR_TOWNS,
    phone: 'fr',
    currency: 'EUR',
  },
  {
    weight: 6,
    languages: [['es-ES', 1]],
    firstNames: ['Lucía', 'Sofía', 'Martina', 'Pablo', 'Alejandro', 'Daniel', 'Hugo', 'Carmen', 'Javier', 'Elena', 'Álvaro', 'Marta', 'Sergio', 'Paula', 'Adrián', 'Irene', 'Raúl', 'Nuria', 'Iker', 'Ainhoa'],
    lastNames: ['García', 'Fernández', 'González', 'Rodríguez', 'López', 'Martínez', 'Sánchez', 'Pérez', 'Gómez', 'Ruiz', 'Jiménez', 'Moreno', 'Muñoz', 'Álvarez', 'Romero', 'Navarro', 'Torres', 'Domínguez', 'Vázquez', 'Ramos'],
    towns: ES_TOWNS,
    phone: 'es',
    currency: 'EUR',
  },
  {
    weight: 5,
    languages: [['de-DE', 1]],
    firstNames: ['Lukas', 'Leon', 'Finn', 'Hannah', 'Mia', 'Emma', 'Jonas', 'Felix', 'Lena', 'Anna', 'Maximilian', 'Sophie', 'Paul', 'Laura', 'Tobias', 'Katrin', 'Jürgen', 'Sabine', 'Stefan', 'Ulrike'],
    lastNames: ['Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Meyer', 'Wagner', 'Becker', 'Schulz', 'Hoffmann', 'Schäfer', 'Koch', 'Bauer', 'Richter', 'Klein', 'Wolf', 'Schröder', 'Neumann', 'Schwarz', 'Zimmermann'],
    towns: DE_TOWNS,
    phone: 'de',
    currency: 'EUR',
  },
  {
    weight: 2,
    languages: [['de-DE', 1]],
    firstNames: ['Can', 'Elif', 'Emre', 'Aylin', 'Mehmet', 'Zeynep', 'Deniz', 'Selin'],
    lastNames: ['Yılmaz', 'Kaya', 'Demir', 'Şahin', 'Çelik', 'Öztürk', 'Arslan'],
    towns: DE_TOWNS,
    phone: 'de',
    currency: 'EUR',
  },
];

const CULTURE_TABLE = new Weighted(CULTURES.map((culture) => [culture, culture.weight] as const));
const LANGUAGE_TABLES = new Map(CULTURES.map((culture) => [culture, new Weighted(culture.languages)] as const));

const COMPANIES: readonly string[] = [
  'Harbourside Dental Practice',
  'Kestrel Joinery Ltd',
  'Maple & Finch Florists',
  'Northgate Physiotherapy',
  'Riverside Veterinary Clinic',
  'Oakfield Accountants',
  'Bluebell Nursery School',
  'Copperpot Café',
  'Greenway Lettings',
  'Ironbridge Motors',
  'Tidewater Studios',
  'Swallowtail Bakery',
  'Atlas Courier Services',
  'Juniper Hair Studio',
  'Larkspur Architects',
  'Quayside Fish Bar',
  'Hollybush Garden Centre',
  'Beacon Hill Pharmacy',
  'Silverbirch Care Home',
  'Foxglove Print Co.',
  'Atelier Lumière',
  'Café del Sol',
  'Bäckerei Sonnenschein',
  'Wildflower Yoga',
];

const PRODUCTS = ['router', 'TV box', 'SIM card', 'Wi-Fi booster', 'phone'] as const;

const BROADBAND_PLANS = new Weighted<string>([
  ['Fibre 150', 30],
  ['Fibre 500', 35],
  ['Full Fibre 900', 20],
  ['Fibre 36', 15],
]);
const MOBILE_PLANS = new Weighted<string>([
  ['SIM Only 30GB', 40],
  ['SIM Only Unlimited', 30],
  ['Mobile 100GB', 30],
]);
const TV_PLANS = new Weighted<string>([
  ['TV Essentials', 50],
  ['TV Entertainment', 35],
  ['TV Sports & Movies', 15],
]);

const TIERS = new Weighted<Tier>([
  ['standard', 80],
  ['gold', 15],
  ['vip', 5],
]);
const BUSINESS_TIERS = new Weighted<Tier>([
  ['standard', 40],
  ['gold', 40],
  ['vip', 20],
]);

const PREFERRED = new Weighted<ReachableChannel>([
  ['call', 34],
  ['email', 30],
  ['chat', 16],
  ['sms', 12],
  ['social', 8],
]);

const QUIET_HOURS: readonly QuietHours[] = [
  { start: '21:00', end: '08:00' },
  { start: '20:00', end: '09:00' },
  { start: '22:00', end: '07:30' },
  { start: '19:00', end: '08:00' },
  { start: '21:30', end: '08:30' },
];

const EMAIL_DOMAINS = new Weighted<string>([
  ['example.com', 45],
  ['example.net', 25],
  ['example.org', 15],
  ['mail.example.com', 8],
  ['inbox.example.net', 7],
]);

const CURRENCY_SYMBOL: Record<Currency, string> = { GBP: '£', EUR: '€', USD: '$' };

/** What the generator keeps about a customer besides the row itself. */
export interface CustomerProfile {
  town: string;
  currencySymbol: string;
  plan: string;
  monthlySpend: number;
  contractEnds: string;
  /** Fixed offset from UTC in minutes, close enough to place contacts in local business hours. */
  utcOffsetMinutes: number;
  handle: string;
  product: string;
  /** A number that takes texts (a mobile), if the customer has one. */
  mobile: string | null;
}

const ZONE_OFFSETS: Record<string, number> = {
  'Europe/London': 0,
  'Atlantic/Canary': 0,
  'Europe/Paris': 60,
  'Europe/Madrid': 60,
  'Europe/Berlin': 60,
  'America/New_York': -300,
  'America/Chicago': -360,
  'America/Denver': -420,
  'America/Phoenix': -420,
  'America/Los_Angeles': -480,
};

/** Lowercase ASCII for addresses: "Siobhán O'Brien" → "siobhan", "obrien". */
export function asciiSlug(text: string): string {
  return text
    .replace(/ß/g, 'ss')
    .replace(/ı/g, 'i')
    .replace(/[łŁ]/g, 'l')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

class PhoneBook {
  private readonly used = new Set<string>();

  constructor(private readonly rng: Rng) {}

  /**
   * A number in the range: tries a few times for one nobody has yet, then accepts a shared one.
   * `drawnAs` draws it as if from another range (the Spanish mobiles were once UK ones), so the
   * random draws, and every customer after, stay as they were.
   */
  take(prefix: string, digits: number, drawnAs: string = prefix): string {
    let number = '';
    for (let attempt = 0; attempt < 6; attempt++) {
      number = drawnAs + String(this.rng.int(0, 10 ** digits - 1)).padStart(digits, '0');
      if (!this.used.has(number)) break;
    }
    this.used.add(number);
    return prefix + number.slice(drawnAs.length);
  }
}

function phonesFor(rng: Rng, book: PhoneBook, plan: PhonePlan, town: Town, business: boolean): string[] {
  const landline = (): string | null => (town.landline && town.digits ? book.take(town.landline, town.digits) : null);
  const phones: string[] = [];
  switch (plan) {
    case 'uk': {
      if (rng.chance(0.7)) phones.push(book.take(UK_MOBILE, 3));
      if (phones.length === 0 || rng.chance(business ? 0.8 : 0.3)) phones.push(landline() ?? book.take(UK_NO_AREA, 3));
      break;
    }
    case 'us':
    case 'de': {
      const line = landline();
      if (line) phones.push(line);
      break;
    }
    case 'fr': {
      if (rng.chance(0.8)) phones.push(book.take(FR_MOBILE, 4));
      if (phones.length === 0 || rng.chance(0.25)) phones.push(landline() ?? book.take(FR_MOBILE, 4));
      break;
    }
    case 'es':
      if (rng.chance(0.75)) phones.push(book.take(ES_MOBILE, 3, UK_MOBILE));
      break;
  }
  return [...new Set(phones)];
}

function emailFor(rng: Rng, first: string, last: string, company: string | null, used: Set<string>): string {
  const f = asciiSlug(first) || 'customer';
  const l = asciiSlug(last) || 'account';
  let local: string;
  let domain: string;
  if (company && rng.chance(0.7)) {
    local = rng.chance(0.5) ? f : rng.pick(['accounts', 'office', 'admin', f]);
    domain = `${domainSlug(company)}.example.com`;
  } else {
    const year = String(rng.int(60, 105) % 100).padStart(2, '0');
    local = rng.pick([`${f}.${l}`, `${f}${l}`, `${f[0] ?? 'x'}.${l}`, `${f}.${l}${rng.int(1, 99)}`, `${f}_${l}`, `${l}.${f}`, `${f}${year}`, `${f}.${l[0] ?? 'x'}`]);
    domain = EMAIL_DOMAINS.pick(rng);
  }
  let email = `${local}@${domain}`;
  for (let n = 2; used.has(email); n++) email = `${local}${n}@${domain}`;
  used.add(email);
  return email;
}

/** "Maple & Finch Florists" → "maple-finch-florists". */
function domainSlug(company: string): string {
  const words = company
    .split(/\s+/)
    .map(asciiSlug)
    .filter((word) => word && word !== 'ltd');
  return words.join('-').slice(0, 40).replace(/-+$/, '') || 'business';
}

function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function price(value: number): number {
  return Math.max(5, Math.round(value)) - 0.01;
}

export interface CustomerOptions {
  index: number;
  business: boolean;
  now: number;
}

export class CustomerFactory {
  private readonly phoneBook: PhoneBook;
  private readonly emails = new Set<string>();

  constructor(private readonly rng: Rng) {
    this.phoneBook = new PhoneBook(rng);
  }

  make({ index, business, now }: CustomerOptions): { customer: Customer; profile: CustomerProfile } {
    const rng = this.rng;
    const culture = CULTURE_TABLE.pick(rng);
    const firstName = rng.pick(culture.firstNames);
    const lastName = rng.pick(culture.lastNames);
    const company = business || rng.chance(0.04) ? rng.pick(COMPANIES) : null;
    const town = rng.pick(culture.towns);
    const language = (LANGUAGE_TABLES.get(culture) as Weighted<string>).pick(rng);
    const tier = (company ? BUSINESS_TIERS : TIERS).pick(rng);

    const emails: string[] = [];
    if (rng.chance(0.95)) emails.push(emailFor(rng, firstName, lastName, company, this.emails));
    if (emails.length > 0 && rng.chance(0.1)) emails.push(emailFor(rng, firstName, lastName, null, this.emails));
    const phones = phonesFor(rng, this.phoneBook, culture.phone, town, company !== null);
    if (emails.length === 0 && phones.length === 0) emails.push(emailFor(rng, firstName, lastName, company, this.emails));

    const mobile = phones.find((phone) => phone.startsWith(UK_MOBILE) || phone.startsWith(FR_MOBILE) || phone.startsWith(ES_MOBILE) || phone.startsWith('+1')) ?? null;
    let preferredChannel = PREFERRED.pick(rng);
    if (preferredChannel === 'sms' && mobile === null) preferredChannel = 'call';
    if (phones.length === 0 && preferredChannel === 'call') preferredChannel = 'email';
    if (emails.length === 0 && preferredChannel === 'email') preferredChannel = 'call';

    const createdAt = Math.floor(now - rng.between(365, 5 * 365) * DAY);
    const updatedAt = Math.floor(createdAt + (now - DAY - createdAt) * (1 - rng.next() ** 3));

    const hasBroadband = rng.chance(0.78);
    const hasMobile = rng.chance(hasBroadband ? 0.45 : 0.9);
    const hasTv = hasBroadband && rng.chance(0.4);
    const tags: string[] = [];
    if (hasBroadband) tags.push('broadband');
    if (hasMobile) tags.push('mobile');
    if (hasTv) tags.push('tv');
    if (hasBroadband && rng.chance(0.3)) tags.push('landline');
    if (company) tags.push('business');
    if (now - createdAt < 450 * DAY) tags.push('new-customer');
    if (rng.chance(0.4)) tags.push('paperless');
    if (rng.chance(0.03)) tags.push('accessibility-needs');

    const plan = company
      ? hasBroadband
        ? rng.pick(['Business Fibre 500', 'Business Fibre 900'])
        : 'Business Mobile'
      : hasBroadband
        ? BROADBAND_PLANS.pick(rng)
        : MOBILE_PLANS.pick(rng);
    let spend = company ? rng.between(60, 240) : hasBroadband ? rng.between(24, 55) : rng.between(8, 30);
    if (hasMobile && hasBroadband) spend += rng.between(10, 25);
    if (hasTv) spend += rng.between(12, 45);
    const monthlySpend = price(spend);
    const contractEnds = isoDate(now + Math.floor(rng.between(-120, 730)) * DAY);
    const accountNumber = `AC-${100000 + index * 3 + rng.int(0, 2)}`;

    const attributes: Customer['attributes'] = {
      plan,
      accountNumber,
      contractEnds,
      monthlySpend,
      currency: culture.currency,
      town: town.name,
      paymentMethod: rng.chance(0.8) ? 'Direct Debit' : 'Card',
    };
    if (hasMobile && hasBroadband) attributes.mobilePlan = MOBILE_PLANS.pick(rng);
    if (hasTv) attributes.tvPackage = TV_PLANS.pick(rng);
    if (company) attributes.lines = rng.int(2, 40);

    const quietHours = rng.chance(0.6) ? { ...rng.pick(QUIET_HOURS) } : null;

    const customer = newCustomer({
      id: customerId(index),
      firstName,
      lastName,
      company,
      emails,
      phones,
      tier,
      language,
      timeZone: town.timeZone,
      region: demoRegion({ town: town.name, timeZone: town.timeZone, phones }),
      quietHours,
      preferredChannel,
      tags,
      attributes,
      createdAt,
      updatedAt,
    });
    const profile: CustomerProfile = {
      town: town.name,
      currencySymbol: CURRENCY_SYMBOL[culture.currency],
      plan,
      monthlySpend,
      contractEnds,
      utcOffsetMinutes: ZONE_OFFSETS[town.timeZone] ?? 0,
      handle: `@${asciiSlug(firstName)}_${asciiSlug(lastName).slice(0, 6)}${rng.int(1, 99)}`,
      product: hasBroadband ? rng.pick(PRODUCTS) : 'SIM card',
      mobile,
    };
    return { customer, profile };
  }
}

export function customerId(index: number): string {
  return `cus_${String(index + 1).padStart(5, '0')}`;
}
