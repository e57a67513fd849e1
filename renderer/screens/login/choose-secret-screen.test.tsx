/** After a reset, the app shows nothing but "Choose a new PIN" until the till says the new one is set. */
import { act, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SessionInfo } from '../../../shared/api/contract';
import { App } from '../../app';
import { startAuthSync, useAuthStore } from '../../state/auth-store';
import { installFakeBridge, ok } from '../../test-support/fake-bridge';
import { answerSellingReads, authStatus, CLARA_SESSION } from '../../test-support/till-fixtures';
import { person } from '../../test-support/ui';
import { cart } from '../sell/test-carts';

const bridge = installFakeBridge();
const MUST_CHANGE: SessionInfo = { ...CLARA_SESSION, mustChangeSecret: true };
let stop: () => void = () => undefined;

async function fill(label: string, text: string) {
  screen.getByLabelText(label).focus();
  await person.type(text);
}

describe('choosing a new PIN after a reset', () => {
  beforeEach(async () => {
    bridge.reset();
    answerSellingReads(bridge, cart([], 1));
    bridge.answer('auth.status', () => ok(authStatus(MUST_CHANGE)));
    bridge.answer('auth.changeSecret', () => ok(CLARA_SESSION));
    useAuthStore.setState({ phase: 'loading', problem: '', status: null, session: null });
    await act(async () => {
      stop = startAuthSync();
      render(<App />);
    });
  });
  afterEach(() => stop());

  it('asks for the temporary and the new PIN twice, then goes on to the clerk’s home', async () => {
    expect(await screen.findByRole('heading', { name: 'Choose a new PIN', level: 1 })).toBeTruthy();
    expect(bridge.calls.map((c) => c.name)).toEqual(['auth.status']);

    await fill('Temporary PIN', '8080');
    await fill('New PIN', '2468');
    await fill('Repeat new PIN', '2486');
    await person.click(screen.getByRole('button', { name: 'Save new PIN' }));
    expect(screen.getByRole('alert').textContent).toBe('The two new PINs do not match.');
    expect(bridge.inputsOf('auth.changeSecret')).toEqual([]);

    screen.getByLabelText('Repeat new PIN').focus();
    await person.type('{Backspace}{Backspace}68');
    await person.click(screen.getByRole('button', { name: 'Save new PIN' }));
    expect(bridge.inputsOf('auth.changeSecret')).toEqual([{ current: '8080', next: '2468' }]);
    await waitFor(() => expect(screen.queryByRole('heading', { name: 'Choose a new PIN' })).toBeNull());
    expect(await screen.findByRole('heading', { name: 'Cart', level: 2 })).toBeTruthy();
  });
});
