/**
 * The status bar's card payments element as the till feeds it: the status read at start, then every change pushed
 * (a card taken offline, forwarding, the processor back, a decline on the worklist).
 */
import { render, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { installFakeBridge, ok, refused } from '../test-support/fake-bridge';
import { CLARA_SESSION, MARIA_SESSION, paymentsStatus } from '../test-support/till-fixtures';
import { person } from '../test-support/ui';
import { StatusBar } from './status-bar';

const bridge = installFakeBridge();

const indicator = () => screen.getByRole('status', { name: 'Card payments' });

describe('the card payments indicator', () => {
  beforeEach(() => {
    bridge.reset();
    bridge.answer('sync.status', () => refused('FORBIDDEN', 'Sync is not set up on this till.'));
  });

  it('is quiet while nothing waits and the processor answers', async () => {
    bridge.answer('payments.status', () => ok(paymentsStatus()));
    render(<StatusBar session={CLARA_SESSION} />);
    await waitFor(() => expect(bridge.inputsOf('payments.status')).toHaveLength(1));
    expect(indicator().textContent).toBe('');
    expect(screen.queryByRole('button', { name: /to resolve/ })).toBeNull();
  });

  it('shows the cards waiting and their amount, follows the pushes, and clears when the queue is empty', async () => {
    bridge.answer('payments.status', () => ok(paymentsStatus({ processor: 'unreachable', waiting: { count: 1, amount: 1_299 } })));
    render(<StatusBar session={CLARA_SESSION} />);
    await waitFor(() => expect(indicator().textContent).toBe('Card processor offline · 1 card waiting · €12.99'));

    await bridge.push('payments.status', paymentsStatus({ processor: 'unreachable', waiting: { count: 2, amount: 2_598 } }));
    expect(indicator().textContent).toBe('Card processor offline · 2 cards waiting · €25.98');

    // The processor is back: the till sends them, then nothing waits.
    await bridge.push('payments.status', paymentsStatus({ processor: 'reachable', forwarding: true, waiting: { count: 2, amount: 2_598 } }));
    expect(indicator().textContent).toBe('Forwarding 2 cards · €25.98…');
    await bridge.push('payments.status', paymentsStatus({ processor: 'reachable', waiting: { count: 0, amount: 0 } }));
    expect(indicator().textContent).toBe('');
  });

  it('gives a manager the count of payments to resolve, which opens the worklist; a clerk never sees it', async () => {
    bridge.answer('payments.status', () => ok(paymentsStatus({ attention: 2 })));
    const showWorklist = vi.fn();
    const { unmount } = render(<StatusBar session={MARIA_SESSION} onShowWorklist={showWorklist} />);
    const banner = screen.getByRole('banner');
    await person.click(await within(banner).findByRole('button', { name: '2 payments to resolve' }));
    expect(showWorklist).toHaveBeenCalledTimes(1);

    await bridge.push('payments.status', paymentsStatus({ attention: 0 }));
    expect(within(banner).queryByRole('button', { name: /to resolve/ })).toBeNull();
    unmount();

    render(<StatusBar session={CLARA_SESSION} />);
    await waitFor(() => expect(bridge.inputsOf('payments.status')).toHaveLength(2));
    await bridge.push('payments.status', paymentsStatus({ attention: 2 }));
    expect(screen.queryByRole('button', { name: /to resolve/ })).toBeNull();
  });
});
