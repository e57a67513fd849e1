/**
 * After login: the status bar and the home that fits the role. A clerk works on the till (selling, returns,
 * history); a manager starts at the manager home and can switch to the till and back, and reaches the worklist of
 * card payments to resolve from the status bar wherever they are.
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
  // The status bar's "to resolve" was pressed: the worklist comes into view (then this is reset, ready for the next press).
  const [worklistWanted, setWorklistWanted] = useState(false);
  const showWorklist = () => {
    setSelling(false);
    setWorklistWanted(true);
  };

  return (
    <div className="app-frame">
      <StatusBar session={session} onShowWorklist={isClerk ? undefined : showWorklist} />
      {isClerk ? (
        <SellArea session={session} />
      ) : selling ? (
        <SellArea session={session} onLeave={() => setSelling(false)} />
      ) : (
        <ManagerHome session={session} onSell={() => setSelling(true)} showWorklist={worklistWanted} onWorklistShown={() => setWorklistWanted(false)} />
      )}
    </div>
  );
}
