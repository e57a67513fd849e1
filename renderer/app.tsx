/** Chooses the screen from what the till service said: setup, login, or the home of whoever is logged in. */
import { useAuthStore } from './state/auth-store';
import { FirstRunScreen } from './screens/first-run-screen';
import { HomeScreen } from './screens/home/home-screen';
import { LoginScreen } from './screens/login-screen';
import { ChooseSecretScreen } from './screens/login/choose-secret-screen';
import { CoreRestartingOverlay, InterruptionNotice, StartingScreen, UnavailableScreen } from './screens/system-screens';

function CurrentScreen() {
  const phase = useAuthStore((s) => s.phase);
  const needsSetup = useAuthStore((s) => s.status?.needsSetup ?? false);
  const session = useAuthStore((s) => s.session);

  if (phase === 'loading') return <StartingScreen />;
  if (phase === 'unavailable') return <UnavailableScreen />;
  if (session?.mustChangeSecret) return <ChooseSecretScreen session={session} />;
  // A different login gets fresh screens: nothing typed by the last person survives.
  if (session) return <HomeScreen key={`${session.user.id}@${session.startedAt}`} session={session} />;
  if (needsSetup) return <FirstRunScreen />;
  return <LoginScreen />;
}

export function App() {
  return (
    <>
      <InterruptionNotice />
      <CurrentScreen />
      <CoreRestartingOverlay />
    </>
  );
}
