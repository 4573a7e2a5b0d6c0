import { Type, type Static } from '@sinclair/typebox'
import { patchOf } from './patch.js'

/** Accounts: organisations, users, memberships, sessions, invitations, consents. */

export const OrganisationKindSchema = Type.Union([
  Type.Literal('sme'),
  Type.Literal('buyer'),
  Type.Literal('organiser'),
  Type.Literal('authority'),
])
export type OrganisationKind = Static<typeof OrganisationKindSchema>

export const SizeClassSchema = Type.Union([
  Type.Literal('micro'),
  Type.Literal('small'),
  Type.Literal('medium'),
  Type.Literal('large'),
])
export type SizeClass = Static<typeof SizeClassSchema>

export const LanguageSchema = Type.Union([Type.Literal('it'), Type.Literal('en')])
export type Language = Static<typeof LanguageSchema>

export const RoleSchema = Type.Union([Type.Literal('admin'), Type.Literal('member')])
export type Role = Static<typeof RoleSchema>

/** Where a participant stands with the organiser (hub) it registered with. */
export const AffiliationStatusSchema = Type.Union([
  Type.Literal('pending'),
  Type.Literal('validated'),
  Type.Literal('rejected'),
])
export type AffiliationStatus = Static<typeof AffiliationStatusSchema>
export const AFFILIATION_STATUSES: readonly AffiliationStatus[] = ['pending', 'validated', 'rejected']

const Email = Type.String({ format: 'email', maxLength: 254 })
const Uuid = Type.String({ format: 'uuid' })

export const AddressSchema = Type.Object(
  {
    street: Type.String({ minLength: 1, maxLength: 200 }),
    postalCode: Type.String({ minLength: 1, maxLength: 20 }),
    city: Type.String({ minLength: 1, maxLength: 120 }),
  },
  { additionalProperties: false },
)

/** What a person types about an organisation; the server checks VAT, NUTS-2 and NACE codes beyond their shape. */
export const OrganisationInputSchema = Type.Object(
  {
    legalName: Type.String({ minLength: 2, maxLength: 200 }),
    vatId: Type.String({
      minLength: 4,
      maxLength: 20,
      description: 'VAT number with country prefix (IT12345678901) or a national id',
    }),
    country: Type.String({ pattern: '^[A-Z]{2}$', description: 'ISO 3166-1 alpha-2' }),
    nuts2: Type.Optional(
      Type.String({ pattern: '^[A-Z]{2}[0-9A-Z]{2}$', description: 'NUTS-2 region of the headquarters, e.g. ITC1' }),
    ),
    address: AddressSchema,
    website: Type.Optional(Type.String({ format: 'uri', maxLength: 300, pattern: '^https?://' })),
    sizeClass: SizeClassSchema,
    naceCode: Type.Optional(
      Type.String({ pattern: '^[A-U]?[0-9]{2}(\\.[0-9]{1,2})?$', description: 'NACE Rev. 2, e.g. 62.01' }),
    ),
    innovativeStartup: Type.Boolean({ default: false }),
    isSme: Type.Boolean({ description: 'An SME under the EU definition (Recommendation 2003/361/EC)' }),
    languages: Type.Array(Type.String({ pattern: '^[a-z]{2}$' }), { minItems: 1, maxItems: 24, uniqueItems: true }),
  },
  { additionalProperties: false },
)
export type OrganisationInput = Static<typeof OrganisationInputSchema>

/** An organisation as the API shows it; a hub-invited organisation may not have completed its profile yet. */
export const OrganisationSchema = Type.Object({
  id: Uuid,
  kind: OrganisationKindSchema,
  legalName: Type.String(),
  vatId: Type.Optional(Type.String()),
  country: Type.Optional(Type.String()),
  nuts2: Type.Optional(Type.String()),
  address: Type.Optional(AddressSchema),
  website: Type.Optional(Type.String()),
  sizeClass: Type.Optional(SizeClassSchema),
  naceCode: Type.Optional(Type.String()),
  innovativeStartup: Type.Boolean(),
  isSme: Type.Boolean(),
  publicBuyer: Type.Boolean({
    description: 'A public buyer (contracting authority or entity), brought in from its TED notices',
  }),
  languages: Type.Array(Type.String()),
  profileComplete: Type.Boolean(),
  createdAt: Type.String({ format: 'date-time' }),
})
export type Organisation = Static<typeof OrganisationSchema>

export const OrganisationPatchSchema = patchOf(OrganisationInputSchema)
export type OrganisationPatch = Static<typeof OrganisationPatchSchema>

export const UserInputSchema = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 120 }),
    email: Email,
    language: LanguageSchema,
    timeZone: Type.String({ minLength: 1, maxLength: 64, description: 'IANA time zone, e.g. Europe/Rome' }),
  },
  { additionalProperties: false },
)
export type UserInput = Static<typeof UserInputSchema>

export const UserSchema = Type.Object({
  id: Uuid,
  name: Type.String(),
  email: Type.String(),
  language: LanguageSchema,
  timeZone: Type.String(),
  hasPassword: Type.Boolean(),
  createdAt: Type.String({ format: 'date-time' }),
})
export type User = Static<typeof UserSchema>

export const UserPatchSchema = Type.Partial(Type.Omit(UserInputSchema, ['email']), { additionalProperties: false })

export const ConsentsSchema = Type.Object(
  {
    profileVisibleToMatches: Type.Boolean({ description: 'My profile may be shown to the parties I am matched with' }),
    emailNotifications: Type.Boolean({ description: 'I accept e-mails about requests, meetings and follow-up' }),
  },
  { additionalProperties: false },
)
export type Consents = Static<typeof ConsentsSchema>

const Password = Type.String({ minLength: 10, maxLength: 200 })

export const SignUpSchema = Type.Object(
  {
    kind: Type.Union([Type.Literal('sme'), Type.Literal('buyer')]),
    organiserId: Type.String({
      format: 'uuid',
      description: 'The hub the organisation registers with; it validates the registration',
    }),
    organisation: OrganisationInputSchema,
    user: UserInputSchema,
    password: Type.Optional(Password),
    consents: ConsentsSchema,
  },
  { additionalProperties: false },
)
export type SignUp = Static<typeof SignUpSchema>

export const MagicLinkRequestSchema = Type.Object({ email: Email }, { additionalProperties: false })
export const MagicLinkVerifySchema = Type.Object(
  { token: Type.String({ minLength: 20, maxLength: 200 }) },
  { additionalProperties: false },
)
export const PasswordSignInSchema = Type.Object(
  { email: Email, password: Type.String({ minLength: 1, maxLength: 200 }) },
  { additionalProperties: false },
)
export const SetPasswordSchema = Type.Object(
  { currentPassword: Type.Optional(Type.String({ maxLength: 200 })), newPassword: Password },
  { additionalProperties: false },
)

export const MembershipSchema = Type.Object({
  organisation: Type.Object({ id: Uuid, legalName: Type.String(), kind: OrganisationKindSchema }),
  role: RoleSchema,
  /** For SMEs and buyers: their standing with the organiser they registered with. */
  affiliationStatus: Type.Optional(AffiliationStatusSchema),
})
export type Membership = Static<typeof MembershipSchema>

export const SessionSchema = Type.Object({
  user: UserSchema,
  memberships: Type.Array(MembershipSchema),
  /** Send as the `x-csrf-token` header on every write. */
  csrfToken: Type.String(),
  expiresAt: Type.String({ format: 'date-time' }),
})
export type Session = Static<typeof SessionSchema>

export const AcceptedSchema = Type.Object({ status: Type.Literal('accepted'), message: Type.String() })

export const MemberSchema = Type.Object({
  userId: Uuid,
  name: Type.String(),
  email: Type.String(),
  role: RoleSchema,
  joinedAt: Type.String({ format: 'date-time' }),
})
export type Member = Static<typeof MemberSchema>

export const InvitationCreateSchema = Type.Object({ email: Email, role: RoleSchema }, { additionalProperties: false })
export const InvitationSchema = Type.Object({
  id: Uuid,
  /** Only in the preview reached with the token: whether the e-mail already has an account. */
  accountExists: Type.Optional(Type.Boolean()),
  email: Type.String(),
  role: RoleSchema,
  organisation: Type.Object({ id: Uuid, legalName: Type.String(), kind: OrganisationKindSchema }),
  invitedBy: Type.String(),
  expiresAt: Type.String({ format: 'date-time' }),
  acceptedAt: Type.Optional(Type.String({ format: 'date-time' })),
})
export type Invitation = Static<typeof InvitationSchema>

export const InvitationAcceptSchema = Type.Object(
  {
    token: Type.String({ minLength: 20, maxLength: 200 }),
    /** Needed only when the e-mail has no account yet. */
    user: Type.Optional(Type.Omit(UserInputSchema, ['email'])),
    consents: Type.Optional(ConsentsSchema),
  },
  { additionalProperties: false },
)

export const ParticipantSchema = Type.Object({
  organisation: Type.Object({
    id: Uuid,
    legalName: Type.String(),
    kind: OrganisationKindSchema,
    country: Type.String(),
    nuts2: Type.Optional(Type.String()),
  }),
  status: AffiliationStatusSchema,
  reason: Type.Optional(Type.String()),
  registeredAt: Type.String({ format: 'date-time' }),
  decidedAt: Type.Optional(Type.String({ format: 'date-time' })),
})
export type Participant = Static<typeof ParticipantSchema>

export const PARTICIPANT_PAGE_SIZE = 25

/** The hub's registrations: by status (pending by default), kind and name, a page at a time. */
export const ParticipantListQuerySchema = Type.Object(
  {
    status: Type.Optional(AffiliationStatusSchema),
    kind: Type.Optional(Type.Union([Type.Literal('sme'), Type.Literal('buyer')])),
    q: Type.Optional(Type.String({ maxLength: 100 })),
    page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000, default: 1 })),
    pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: PARTICIPANT_PAGE_SIZE })),
  },
  { additionalProperties: false },
)
export type ParticipantListQuery = Static<typeof ParticipantListQuerySchema>

/** By name; `counts` per status after the kind and name filters, `total` what all the filters keep. */
export const ParticipantPageSchema = Type.Object({
  items: Type.Array(ParticipantSchema),
  total: Type.Integer(),
  counts: Type.Record(Type.String(), Type.Integer()),
  page: Type.Integer(),
  pageSize: Type.Integer(),
})
export type ParticipantPage = Static<typeof ParticipantPageSchema>

export const ParticipantDecisionSchema = Type.Object(
  {
    decision: Type.Union([Type.Literal('validated'), Type.Literal('rejected')]),
    reason: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
)

export const ParticipantInvitationSchema = Type.Object(
  {
    email: Email,
    kind: Type.Union([Type.Literal('sme'), Type.Literal('buyer')]),
    legalName: Type.String({ minLength: 2, maxLength: 200 }),
  },
  { additionalProperties: false },
)

export const PublicOrganiserSchema = Type.Object({
  id: Uuid,
  legalName: Type.String(),
  country: Type.String(),
  nuts2: Type.Optional(Type.String()),
})

export const AuditEventSchema = Type.Object({
  id: Type.String(),
  at: Type.String({ format: 'date-time' }),
  actor: Type.Optional(Type.Object({ userId: Type.Optional(Uuid), name: Type.String() })),
  organisationId: Type.Optional(Uuid),
  action: Type.String(),
  subjectType: Type.String(),
  subjectId: Type.String(),
  before: Type.Optional(Type.Unknown()),
  after: Type.Optional(Type.Unknown()),
})
export type AuditEvent = Static<typeof AuditEventSchema>

export const CapturedMailSchema = Type.Object({
  id: Type.String(),
  to: Type.String(),
  subject: Type.String(),
  text: Type.String(),
  html: Type.Optional(Type.String()),
  capturedAt: Type.String({ format: 'date-time' }),
})
export type CapturedMail = Static<typeof CapturedMailSchema>
