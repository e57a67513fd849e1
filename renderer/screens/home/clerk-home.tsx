import type { SessionInfo } from '../../../shared/api/contract';
import { CatalogSummaryPanel } from './catalog-summary-panel';
import { WelcomeHeading } from './welcome-heading';

export function ClerkHome({ session }: { session: SessionInfo }) {
  return (
    <main className="screen home">
      <WelcomeHeading name={session.user.displayName} />
      <CatalogSummaryPanel />
    </main>
  );
}
