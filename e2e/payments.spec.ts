/**
 * Cards while the card processor is down: a manager lets the till take them offline, a card sale is "approved
 * offline" and waits in the status bar, and when the processor is back the till forwards it by itself. A card
 * declined on forwarding lands on the managers' worklist of every till, where a manager collects it in cash.
 *
 * The processor is one for all tills, and the offline rule is a store setting (it syncs): both are put back after
 * each test, whatever happened in it.
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import { allowOfflineCards, cardQueue, chargeCard, setProcessorBehaviour, setProcessorDown, turnOfflineCardsOff, waitingCards } from './helpers/payments';
import { figure, openPayment, pieceProducts, receiptNumber, scan, startSelling } from './helpers/selling';
import { CLARA, MARIA, logInWithPin, logOut, openLogin } from './helpers/till';

/** The till core retries an unreachable processor with a growing pause (up to a minute): wait that long for it. */
const FORWARDED_WITHIN_MS = 75_000;

const cleanUps: (() => Promise<void>)[] = [];
test.afterEach(async () => {
  await setProcessorBehaviour({ down: false, latencyMs: 0 });
  for (const cleanUp of cleanUps.splice(0)) await cleanUp();
});

function tillUrl(name: 'DEMO' | 'SYNC1' | 'SYNC2'): string {
  const url = process.env[`KASSA_E2E_${name}_URL`];
  if (!url) throw new Error('The tills are started by playwright.config.ts');
  return url;
}

async function tillPage(browser: Browser, url: string): Promise<Page> {
  const context = await browser.newContext({ baseURL: url });
  return context.newPage();
}

/** A manager opens the till's manager home and lets cards be taken offline; the rule is turned off after the test. */
async function managerAllowsOfflineCards(page: Page, url: string): Promise<void> {
  cleanUps.push(() => turnOfflineCardsOff(url));
  await openLogin(page);
  await logInWithPin(page, MARIA);
  await allowOfflineCards(page, { perCard: '100.00', perTill: '500.00' });
}

test('a card taken while the processor is down is approved offline, waits in the status bar, and is charged when it is back', async ({ page }) => {
  test.setTimeout(150_000);
  const [product] = pieceProducts(1, 11);
  await managerAllowsOfflineCards(page, tillUrl('DEMO'));
  await logOut(page);

  await setProcessorDown(true);
  await startSelling(page, CLARA);
  await scan(page, product!.barcode);
  const payment = await openPayment(page, 'F3');
  const total = await figure(payment, 'Total');
  const done = await chargeCard(page, payment);

  const number = await receiptNumber(done);
  const receipt = done.getByRole('article', { name: `Receipt ${number}` });
  expect(await figure(receipt, 'Card')).toBe(total);
  await expect(receipt).toContainText('Approved offline · Queued for the card processor');
  await expect(receipt).toContainText('Card payment still to be charged.');
  await expect(done).toContainText('Card approved offline');

  // The status bar: the card waits, and the till has found the processor offline.
  await expect(cardQueue(page)).toContainText('Card processor offline');
  await expect(cardQueue(page)).toContainText('1 card waiting');
  expect(await waitingCards(page)).toEqual({ count: 1, amount: total });
  await done.getByRole('button', { name: 'New sale' }).click();

  // Back online: the till forwards the card by itself and the indicator goes quiet.
  await setProcessorDown(false);
  await expect(cardQueue(page)).toHaveText('', { timeout: FORWARDED_WITHIN_MS });

  await page.getByRole('navigation', { name: 'Till' }).getByRole('button', { name: /Sales history/ }).click();
  const history = page.getByRole('table', { name: 'Latest sales and returns' });
  await expect(history.getByRole('row', { name: new RegExp(number) })).toContainText('Settled');
  await history.getByRole('button', { name: `Show receipt ${number}` }).click();
  const reprint = page.getByRole('dialog', { name: `Receipt ${number}` });
  await expect(reprint.getByRole('article', { name: `Receipt ${number}` })).toContainText('Approved offline · Captured');
  await expect(reprint).not.toContainText('still to be charged');
});

/**
 * The processor answers at once: a payment goes queued → submitting → declined on its till within milliseconds and
 * sync uploads only the last state; the sync server accepts that as one change along the state machine
 * (shared/payments/payment-states.ts, PAYMENT_REACHABLE). Answering slowly, each state is uploaded on its own.
 */
const FORWARDING = [
  { answers: 'slowly', latencyMs: 2_000 },
  { answers: 'at once', latencyMs: 0 },
] as const;

for (const forwarding of FORWARDING) {
  test(`a card declined when it is forwarded (the processor answering ${forwarding.answers}) is on the other till\u2019s worklist, where a manager collects it in cash`, async ({ browser }) => {
    test.setTimeout(180_000);
    const [first, second] = pieceProducts(2, 13);
    const one = await tillPage(browser, tillUrl('SYNC1'));
    const two = await tillPage(browser, tillUrl('SYNC2'));

    await managerAllowsOfflineCards(one, tillUrl('SYNC1'));
    await one.getByRole('button', { name: 'Start selling' }).click();
    await setProcessorDown(true);

    // The first card tells the till the processor is gone; the second is then taken knowing it goes offline.
    await scan(one, first!.barcode);
    let done = await chargeCard(one, await openPayment(one, 'F3'));
    await done.getByRole('button', { name: 'New sale' }).click();
    await expect(cardQueue(one)).toContainText('Card processor offline');

    await scan(one, second!.barcode);
    const payment = await openPayment(one, 'F3');
    await expect(payment).toContainText('the card will be approved offline');
    await expect(payment).toContainText('left on this till');
    const amount = await figure(payment, 'Total');
    done = await chargeCard(one, payment, { testCard: 'decline', contact: 'ana@example.org' });
    const number = ((await done.getByLabel('Receipt', { exact: true }).textContent()) ?? '').trim();
    expect(number).toMatch(/^E2ES1-\d{6}$/);
    await expect(done.getByRole('article', { name: `Receipt ${number}` })).toContainText('Visa \u2022\u2022\u2022\u2022 0002 · Approved offline · Queued');
    await done.getByRole('button', { name: 'New sale' }).click();
    await expect(cardQueue(one)).toContainText('2 cards waiting');

    await setProcessorBehaviour({ down: false, latencyMs: forwarding.latencyMs });
    await expect(cardQueue(one)).toHaveText('', { timeout: FORWARDED_WITHIN_MS });

    // On the other till, a manager sees it come in by sync and goes to the worklist from the status bar.
    await openLogin(two);
    await logInWithPin(two, MARIA);
    const toResolve = two.getByRole('banner').getByRole('button', { name: '1 payment to resolve' });
    await expect(toResolve).toBeVisible({ timeout: 30_000 });
    await toResolve.click();
    const worklist = two.getByRole('region', { name: 'Payments to resolve' });
    await expect(worklist.getByRole('heading', { name: 'Payments to resolve' })).toBeFocused();
    const row = worklist.getByRole('row', { name: new RegExp(number) });
    for (const text of ['E2ES1', MARIA.displayName, 'Visa \u2022\u2022\u2022\u2022 0002', 'ana@example.org', 'Declined']) await expect(row).toContainText(text);

    await row.getByRole('button', { name: `Collect in cash for ${number}` }).click();
    const collect = two.getByRole('dialog', { name: 'Collect in cash' });
    expect(await figure(collect, 'Amount')).toBe(amount);
    await collect.getByRole('button', { name: 'Cash received' }).click();
    await expect(worklist.getByRole('status')).toHaveText(new RegExp(`^Collected .* in cash for receipt ${number}\\. The sale is settled\\.$`));
    await expect(worklist.getByText('No card payments to resolve.')).toBeVisible();
    await expect(toResolve).toHaveCount(0);
  });
}
