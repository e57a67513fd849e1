/**
 * After login: the status bar and the home that fits the role. A clerk works on the till (selling, returns,
 * history); a manager starts at the manager home and can switch to the till and back.
 */
import { useState } from 'react';
import type { SessionInfo } from '../../../shared/api/contract';
import { StatusBar } from '../../components/status-bar';
import { ManagerHome } from '../manager/manager-home';
import { SellArea } from '../sell/sell-area';
import './home.css';

export function HomeScreen({ session }: { session: SessionInfo }) {
  const isClerk = session.user.role === 'clerk';
  const [selling, setSelling] = useState(isClerk);

  return (
    <div className="app-frame">
      <StatusBar session={session} />
      {isClerk ? (
        <SellArea session={session} />
      ) : selling ? (
        <SellArea session={session} onLeave={() => setSelling(false)} />
      ) : (
        <ManagerHome session={session} onSell={() => setSelling(true)} />
      )}
    </div>
  );
}
