/**
 * The selling area as the till's devices reach it: a barcode scanner and a person share one keyboard, and the
 * view buttons and keys share one command table.
 */
import { render, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import type { CartView } from '../../../shared/api/commands/selling-commands';
import { installFakeBridge, ok } from '../../test-support/fake-bridge';
import { answerSellingReads, CLARA_SESSION, syncStatus } from '../../test-support/till-fixtures';
import { person, scanner } from '../../test-support/ui';
import { HomeScreen } from '../home/home-screen';
import { SellArea } from './sell-area';
import { cart, line } from './test-carts';

const bridge = installFakeBridge();
const EMPTY: CartView = cart([], 1);
const EAN = '4006381333931';
const SYNCED = syncStatus();

async function openTill() {
  render(<SellArea session={CLARA_SESSION} />);
  await screen.findByText('0 lines');
  const search = screen.getByRole('combobox', { name: /Search products/ }) as HTMLInputElement;
  await waitFor(() => expect(document.activeElement).toBe(search));
  return search;
}

describe('the scanner on the selling screen', () => {
  beforeEach(() => {
    bridge.reset();
    answerSellingReads(bridge, EMPTY);
    bridge.answer('cart.scan', ({ code }) => ok(cart([line(code, 1000, { name: 'Sparkling water' })], 2)));
  });

  it('sends a scanned code to the cart, exactly as scanned, and leaves the search box empty', async () => {
    const search = await openTill();
    await scanner.scan(EAN);
    expect(bridge.inputsOf('cart.scan')).toEqual([{ code: EAN }]);
    expect(await screen.findByRole('button', { name: 'Sparkling water' })).toBeTruthy();
    expect(search.value).toBe('');
  });

  it('takes the same keys typed by a person as a search, not a scan', async () => {
    const search = await openTill();
    await person.type('4006{Enter}');
    expect(search.value).toBe('4006');
    expect(await screen.findByText('0 products')).toBeTruthy();
    expect(bridge.inputsOf('catalog.search').map((i) => i.query)).toEqual(['4006']);
    expect(bridge.inputsOf('cart.scan')).toEqual([]);
    // The scanner, typing the same four digits, does scan them.
    await person.press('Escape');
    expect(search.value).toBe('');
    await scanner.scan('4006');
    expect(bridge.inputsOf('cart.scan')).toEqual([{ code: '4006' }]);
  });

  it('takes no scan while a dialog outside the sale has the keyboard: the keys, Enter too, are the dialog\'s', async () => {
    bridge.answer('sync.status', () => ok(SYNCED));
    render(<HomeScreen session={CLARA_SESSION} />);
    await screen.findByText('0 lines');
    await person.click(await screen.findByRole('button', { name: /^Online/ }));
    const sync = screen.getByRole('dialog', { name: 'Sync with the store server' });
    expect(document.activeElement).toBe(within(sync).getByRole('button', { name: 'Close' }));

    await scanner.scan(EAN);
    expect(bridge.inputsOf('cart.scan')).toEqual([]);
    // The scanner's Enter pressed the focused Close button instead of being taken as the end of a scan.
    expect(screen.queryByRole('dialog', { name: 'Sync with the store server' })).toBeNull();
  });
});

describe('the view buttons', () => {
  beforeEach(() => {
    bridge.reset();
    answerSellingReads(bridge, EMPTY);
    bridge.answer('sales.recent', () => ok([]));
  });

  it('show the keys of the command table and switch views through it', async () => {
    await openTill();
    const nav = screen.getByRole('navigation', { name: 'Till' });
    const sale = within(nav).getByRole('button', { name: 'Sale' });
    const history = within(nav).getByRole('button', { name: 'Sales history' });
    expect(sale.getAttribute('aria-current')).toBe('page');
    expect(sale.querySelector('kbd')?.textContent).toBe('Esc');
    expect(within(nav).getByRole('button', { name: 'Returns' }).querySelector('kbd')?.textContent).toBe('F8');
    expect(history.getAttribute('aria-keyshortcuts')).toBe('F9');

    await person.click(history);
    expect(await screen.findByRole('heading', { name: 'Sales history' })).toBeTruthy();
    expect(history.getAttribute('aria-current')).toBe('page');
    // Choosing the view already showing changes nothing, as its key does not.
    await person.click(history);
    expect(history.getAttribute('aria-current')).toBe('page');

    await person.press('F8');
    expect(screen.getByRole('heading', { name: 'Returns' })).toBeTruthy();
    await person.click(sale);
    expect(await screen.findByRole('heading', { name: 'Cart' })).toBeTruthy();
    expect(sale.getAttribute('aria-current')).toBe('page');
  });
});
