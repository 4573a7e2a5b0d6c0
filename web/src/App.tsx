import { TendersPage } from './pages/tenders-page.js'
import { createBrowserRouter, createRoutesFromElements, Route, RouterProvider } from 'react-router'
import { Layout } from './layout/layout.js'
import { AccountPage } from './pages/account-page.js'
import { AuditPage } from './pages/audit-page.js'
import { EditionPage } from './pages/edition-page.js'
import { EditionsPage } from './pages/editions-page.js'
import { EventPage } from './pages/event-page.js'
import { EventRequestsPage } from './pages/event-requests-page.js'
import { AgendaPage } from './pages/agenda-page.js'
import { TodayPage } from './pages/today-page.js'
import { CheckInPage } from './pages/check-in-page.js'
import { HomePage } from './pages/home-page.js'
import { InvitationPage } from './pages/invitation-page.js'
import { ContractsPage, EditionContractsPage } from './pages/kpi-contracts-page.js'
import { KpiPage } from './pages/kpi-page.js'
import { MailboxPage } from './pages/mailbox-page.js'
import { NeedEditPage } from './pages/need-edit-page.js'
import { NeedPage } from './pages/need-page.js'
import { NeedsPage } from './pages/needs-page.js'
import { MyEventsPage } from './pages/my-events-page.js'
import { NotFoundPage } from './pages/not-found-page.js'
import { OfferEditPage } from './pages/offer-edit-page.js'
import { OfferPage } from './pages/offer-page.js'
import { OffersPage } from './pages/offers-page.js'
import { OrganisationPage } from './pages/organisation-page.js'
import { ParticipantsPage } from './pages/participants-page.js'
import { SearchNeedsPage, SearchOffersPage } from './pages/search-page.js'
import { RecommendationsPage } from './pages/recommendations-page.js'
import { SignInPage } from './pages/sign-in-page.js'
import { SignUpPage } from './pages/sign-up-page.js'
import { TeamPage } from './pages/team-page.js'
import { VerifyPage } from './pages/verify-page.js'
import { HubVouchersPage, SmeVouchersPage } from './pages/voucher-pages.js'
import { SessionProvider } from './session/session-context.js'

/**
 * A data router, so a page can ask before it is left with unsaved changes (`useBlocker`). The session
 * lives in the root route, inside the router, and stays while pages change.
 */
const router = createBrowserRouter(
  createRoutesFromElements(
    <Route
      element={
        <SessionProvider>
          <Layout />
        </SessionProvider>
      }
    >
      <Route index element={<HomePage />} />
      <Route path="sign-in" element={<SignInPage />} />
      <Route path="sign-up" element={<SignUpPage />} />
      <Route path="auth/verify" element={<VerifyPage />} />
      <Route path="account" element={<AccountPage />} />
      <Route path="organisations/:orgId" element={<OrganisationPage />} />
      <Route path="organisations/:orgId/team" element={<TeamPage />} />
      <Route path="organisations/:orgId/offers" element={<OffersPage />} />
      <Route path="organisations/:orgId/offers/new" element={<OfferEditPage />} />
      <Route path="organisations/:orgId/offers/:offerId" element={<OfferEditPage />} />
      <Route path="organisations/:orgId/needs" element={<NeedsPage />} />
      <Route path="organisations/:orgId/needs/new" element={<NeedEditPage />} />
      <Route path="organisations/:orgId/needs/:needId" element={<NeedEditPage />} />
      <Route path="offers/:offerId" element={<OfferPage />} />
      <Route path="needs/:needId" element={<NeedPage />} />
      <Route path="search/offers" element={<SearchOffersPage />} />
      <Route path="search/needs" element={<SearchNeedsPage />} />
      <Route path="invitations/:token" element={<InvitationPage />} />
      <Route path="organisers/:orgId/participants" element={<ParticipantsPage />} />
      <Route path="organisers/:orgId/editions" element={<EditionsPage />} />
      <Route path="organisers/:orgId/tenders" element={<TendersPage />} />
      <Route path="editions/:editionId" element={<EditionPage />} />
      <Route path="events/:eventId" element={<EventPage />} />
      <Route path="events/:eventId/requests" element={<EventRequestsPage />} />
      <Route path="events/:eventId/recommendations/:orgId" element={<RecommendationsPage />} />
      <Route path="events/:eventId/agenda" element={<AgendaPage />} />
      <Route path="events/:eventId/today" element={<TodayPage />} />
      <Route path="events/:eventId/check-in/:orgId" element={<CheckInPage />} />
      <Route path="organisations/:orgId/events" element={<MyEventsPage />} />
      <Route path="audit" element={<AuditPage />} />
      <Route path="kpis" element={<KpiPage />} />
      <Route path="organisations/:orgId/contracts" element={<ContractsPage />} />
      <Route path="editions/:editionId/contracts" element={<EditionContractsPage />} />
      <Route path="organisations/:orgId/vouchers" element={<SmeVouchersPage />} />
      <Route path="organisers/:orgId/vouchers" element={<HubVouchersPage />} />
      <Route path="dev/mailbox" element={<MailboxPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Route>,
  ),
)

export function App() {
  return <RouterProvider router={router} />
}
