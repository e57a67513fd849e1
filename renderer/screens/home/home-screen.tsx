/** After login: the status bar and the home that fits the role. */
import type { SessionInfo } from '../../../shared/api/contract';
import { StatusBar } from '../../components/status-bar';
import { ManagerHome } from '../manager/manager-home';
import { ClerkHome } from './clerk-home';
import './home.css';

export function HomeScreen({ session }: { session: SessionInfo }) {
  return (
    <div className="app-frame">
      <StatusBar session={session} />
      {session.user.role === 'clerk' ? <ClerkHome session={session} /> : <ManagerHome session={session} />}
    </div>
  );
}
