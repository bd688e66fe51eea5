/** Shapes of the hub's HTTP API that are not part of the sync protocol. */
import { z } from 'zod';
import { EmailSchema, EpochMsSchema, IdSchema, PhoneSchema, REACHABLE_CHANNELS, longText, shortText, wellFormedText } from './domain/common';
import { CustomerSchema, UserSchema } from './domain/model';

export { HealthSchema, StorageKindSchema, type Health, type StorageKind } from './hub-health';

/** Every 4xx/5xx answer of the hub has this body. */
export const ApiErrorSchema = z.object({
  error: z.string(),
  /** For people, in the language the request's Accept-Language asked for (British English when none the hub speaks). */
  message: z.string().describe("What went wrong, for people: in the language of the request's Accept-Language header (de, es; otherwise British English)."),
  statusCode: z.number().int(),
  messageId: z.string().optional().describe('The message in the hub\'s catalogue (e.g. "hub.signIn.wrongPassword"), for clients that word it themselves. Absent on answers not worded from the catalogue.'),
  values: z.record(z.string(), z.union([z.string(), z.number()])).optional().describe('The values the message\'s placeholders take (names, counts), with messageId.'),
});
export type ApiError = z.infer<typeof ApiErrorSchema>;

// ---------------------------------------------------------------- sign-in

export const LoginRequestSchema = z
  .object({
    username: wellFormedText().trim().toLowerCase().min(1, 'Enter your user name').max(40),
    password: z.string().min(1, 'Enter your password').max(200),
  })
  .strict();
export type LoginRequest = z.input<typeof LoginRequestSchema>;

export const LoginResponseSchema = z.object({
  token: z.string().min(32),
  expiresAt: z.number().int(),
  user: UserSchema,
  hubId: z.string(),
  /** Only on a hub's first start: its integration key, shown this once. */
  integrationKey: z.object({ name: z.string(), key: z.string() }).optional(),
  /** The password was set by an administrator for one use: the person chooses a new one before anything else (every other route answers 403 password_change_required until then). */
  mustChangePassword: z.boolean().optional(),
});
export type LoginResponse = z.infer<typeof LoginResponseSchema>;

export const MeResponseSchema = z.object({ user: UserSchema, hubId: z.string(), expiresAt: z.number().int() });
export type MeResponse = z.infer<typeof MeResponseSchema>;

// ---------------------------------------------------------------- customers on demand

export const CustomerSearchQuerySchema = z
  .object({
    q: wellFormedText().trim().min(2, 'Search for at least 2 characters').max(100),
    limit: z.coerce.number().int().min(1).max(50).default(20),
  })
  .strict();

export const CustomerSearchResponseSchema = z.object({
  customers: z.array(z.object({ customer: CustomerSchema, inScope: z.boolean() })),
});
export type CustomerSearchResponse = z.infer<typeof CustomerSearchResponseSchema>;

// ---------------------------------------------------------------- ingestion (integrations)

/** The channels an integration can post contacts on. */
export const IngestChannelSchema = z.enum(REACHABLE_CHANNELS, { error: 'must be one of call, email, chat, sms or social' });

export const SocialHandleSchema = z
  .string()
  .trim()
  .regex(/^@?[A-Za-z0-9_.-]{1,99}$/, 'must be a handle such as @jane_doe');

/** Who the contact is from: at least one of email, phone or handle. */
export const IngestFromSchema = z
  .object({
    email: EmailSchema.optional().meta({ description: 'The sender\'s email address; matched case-insensitively.', examples: ['jane.doe@example.com'] }),
    phone: PhoneSchema.optional().meta({
      description: 'The sender\'s phone number; spaces, dots, dashes and brackets are ignored, so "+44 7700 900123" matches "+447700900123".',
      examples: ['+44 7700 900123'],
    }),
    handle: SocialHandleSchema.optional().meta({
      description: "A social-media handle (e.g. @jane_doe), matched against the customer attribute socialHandle.",
      examples: ['@jane_doe'],
    }),
  })
  .strict()
  .refine((from) => from.email !== undefined || from.phone !== undefined || from.handle !== undefined, 'needs an email, a phone or a handle')
  .meta({ description: 'Who the contact is from. At least one of email, phone or handle.' });

export const IngestContactRequestSchema = z
  .object({
    channel: IngestChannelSchema.meta({ description: 'The channel the contact came in on.' }),
    from: IngestFromSchema,
    name: z
      .object({
        firstName: shortText(80).meta({ description: 'Up to 80 characters.' }),
        lastName: wellFormedText().trim().max(80, 'must be at most 80 characters').default('').meta({ description: 'Up to 80 characters.' }),
      })
      .strict()
      .optional()
      .meta({ description: "The sender's name, used only when the sender is a new customer." }),
    subject: wellFormedText().trim().max(300, 'must be at most 300 characters').default('').meta({ description: 'Subject line (email) or a short summary; up to 300 characters.' }),
    body: longText(20_000).default('').meta({ description: 'The message, or what the IVR captured for a call; up to 20,000 characters.' }),
    topic: z
      .string()
      .trim()
      .toLowerCase()
      .regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'must be a topic such as billing (letters, digits and dashes, up to 40)')
      .optional()
      .meta({
        description: 'What it is about (billing, outage, delivery, cancellation, technical, general, or a topic of your own queues). Detected from the subject and body when left out.',
      }),
    priority: z
      .number()
      .int('must be a whole number')
      .min(1, 'must be 1 (most urgent) to 5')
      .max(5, 'must be 1 (most urgent) to 5')
      .optional()
      .meta({ description: '1 (most urgent) to 5. Worked out from the channel and the customer\'s tier when left out; a VIP is always one step more urgent.' }),
    externalId: wellFormedText()
      .trim()
      .min(1, 'must not be empty')
      .max(200, 'must be at most 200 characters')
      .refine((id) => ![...id].some((char) => char.charCodeAt(0) < 0x20 || char.charCodeAt(0) === 0x7f), 'must not contain control characters')
      .optional()
      .meta({
        description: "Your system's id for this contact (call id, message id). Posting the same externalId again answers with the contact it first created (200) and writes nothing.",
      }),
    at: z
      .union([EpochMsSchema, z.iso.datetime({ offset: true, error: 'must be an ISO 8601 date-time such as 2026-11-02T09:00:00Z' })])
      .optional()
      .meta({ description: 'When the contact arrived: milliseconds since the Unix epoch, or an ISO 8601 date-time. Defaults to now; the SLA clock starts here. At most 5 minutes in the future.' }),
  })
  .strict()
  .meta({ description: 'An inbound contact from an integration.' });
export type IngestContactRequest = z.input<typeof IngestContactRequestSchema>;
export type IngestContact = z.output<typeof IngestContactRequestSchema>;

export const IngestContactResponseSchema = z
  .object({
    contactId: IdSchema.meta({ description: 'The contact recorded (also the id of its place in the queue).' }),
    customerId: IdSchema.meta({ description: 'The customer it was matched to, or the one created.' }),
    queueId: IdSchema.meta({ description: 'The queue it waits in.' }),
    customerCreated: z.boolean().meta({ description: 'True when the sender was not known and a customer was created.' }),
    offeredTo: IdSchema.nullable().meta({ description: 'The agent it is being offered to right now, or null while it waits for one.' }),
    topic: z.string().nullable().meta({ description: 'The topic it was routed by (given or detected; general when nothing was recognised).' }),
    priority: z.number().int().min(1).max(5).meta({ description: 'Its priority in the queue, 1 (most urgent) to 5.' }),
    duplicate: z.boolean().meta({ description: 'True when this externalId was posted before: the answer names the first contact and nothing new was written.' }),
  })
  .meta({ description: 'Where the contact went.' });
export type IngestContactResponse = z.infer<typeof IngestContactResponseSchema>;
