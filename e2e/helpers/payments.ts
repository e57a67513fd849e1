/**
 * Card payments at the till like a person, and the card network as a test controls it: the stand-in processor
 * (started by playwright.config.ts) is switched off and on through its control listener, and the store's offline
 * card rule is put back through the till's own API after a test, whatever happened in it.
 */
import { expect, request, type Locator, type Page } from '@playwright/test';
import { answerTo, MARIA, type DemoUser } from './till';
import { minorFrom } from './selling';

function processorControl(): { url: string; token: string } {
  const url = process.env.KASSA_E2E_PROCESSOR_CONTROL_URL;
  const token = process.env.KASSA_E2E_PROCESSOR_ADMIN_TOKEN;
  if (!url || !token) throw new Error('The card processor is started by playwright.config.ts');
  return { url, token };
}

/**
 * Changes how the processor behaves: `down` closes (or opens again) its API listener, as when the network to the
 * card processor goes; `latencyMs` delays every reply (the charge itself is not delayed).
 */
export async function setProcessorBehaviour(change: { down?: boolean; latencyMs?: number }): Promise<void> {
  const { url, token } = processorControl();
  const response = await fetch(new URL('control/behaviour', url), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'kassa-admin-token': token },
    body: JSON.stringify(change),
  });
  if (!response.ok) throw new Error(`The processor did not change to ${JSON.stringify(change)}: HTTP ${response.status} ${await response.text()}`);
}

export const setProcessorDown = (down: boolean): Promise<void> => setProcessorBehaviour({ down });

/**
 * Turns the store's offline card rule off on a till, through its API as a manager (a till has one session at a
 * time, so whoever is logged in on a page of that till is logged out). For clean-up after a test.
 */
export async function turnOfflineCardsOff(tillUrl: string, manager: DemoUser = MARIA): Promise<void> {
  const api = await request.newContext({ baseURL: tillUrl });
  try {
    const call = async (name: string, data: object) => {
      const body = (await (await api.post(`api/call/${name}`, { data })).json()) as { ok: boolean; error?: { message: string } };
      if (!body.ok) throw new Error(`${name} on ${tillUrl}: ${body.error?.message ?? 'refused'}`);
    };
    await call('auth.login', { username: manager.username, secret: manager.secret });
    await call('payments.setOfflineCards', { enabled: false });
    await call('auth.logout', {});
  } finally {
    await api.dispose();
  }
}

/** The status bar's card payments element (empty while nothing waits and the processor answers). */
export const cardQueue = (page: Page): Locator => page.getByRole('status', { name: 'Card payments' });

/** Reads "2 cards waiting · €25.98" from the status bar: how many, and the amount in minor units. */
export async function waitingCards(page: Page): Promise<{ count: number; amount: number }> {
  const text = (await cardQueue(page).textContent()) ?? '';
  const match = /(\d+) cards? waiting · (.+)$/.exec(text);
  if (!match) throw new Error(`No waiting cards in "${text}"`);
  return { count: Number(match[1]), amount: minorFrom(match[2]!) };
}

/** On the manager home: lets cards be taken offline within the given caps (typed as the manager would). */
export async function allowOfflineCards(page: Page, caps: { perCard: string; perTill: string }): Promise<void> {
  const panel = page.getByRole('region', { name: 'Cards while the processor is offline' });
  await panel.getByRole('switch', { name: 'Take cards offline when the card processor cannot be reached' }).check();
  await panel.getByLabel('Limit per card').fill(caps.perCard);
  await panel.getByLabel('Limit per till').fill(caps.perTill);
  await answerTo(page, 'payments.setOfflineCards', () => panel.getByRole('button', { name: 'Save offline card rule' }).click());
  await expect(panel.getByRole('status')).toContainText('Saved. Cards are approved offline');
}

/** In the open payment dialog's card pane: presents a card (a test card on the simulated reader) and charges it. */
export async function chargeCard(page: Page, payment: Locator, card: { testCard?: string; contact?: string } = {}): Promise<Locator> {
  if (card.testCard) await payment.getByLabel('Card on the reader').selectOption(card.testCard);
  if (card.contact !== undefined) await payment.getByLabel('Customer contact').fill(card.contact);
  await answerTo(page, 'checkout.pay', () => payment.getByRole('button', { name: /^Charge card / }).click());
  const done = page.getByRole('dialog', { name: 'Sale complete' });
  await expect(done).toBeVisible();
  return done;
}
