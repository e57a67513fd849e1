/**
 * Acting at the till like a person: pick your name, tap or type your PIN, log out. Locators are roles, labels
 * and visible text only, so a test breaks when a person would be lost too.
 */
import { expect, type Locator, type Page } from '@playwright/test';

export interface DemoUser {
  username: string;
  displayName: string;
  secret: string;
}

/** The demo till's users (see the till core's demo data). carl is reserved for the lockout test. */
export const CLARA: DemoUser = { username: 'clara', displayName: 'Clara Clerk', secret: '1234' };
export const CARL: DemoUser = { username: 'carl', displayName: 'Carl Clerk', secret: '2345' };
export const MARIA: DemoUser = { username: 'maria', displayName: 'Maria Manager', secret: '4321' };
export const ADMIN: DemoUser = { username: 'admin', displayName: 'Ada Admin', secret: 'kassa-admin1' };

export function emptyTillUrl(): string {
  const url = process.env.KASSA_E2E_EMPTY_URL;
  if (!url) throw new Error('KASSA_E2E_EMPTY_URL is not set: run the e2e tests through playwright.config.ts');
  return url;
}

/** A username no other test (or earlier run against the same till) has used. */
export function uniqueUsername(prefix: string): string {
  return `${prefix}${Date.now().toString(36)}${Math.floor(Math.random() * 1296).toString(36)}`;
}

export async function openLogin(page: Page, url = '/'): Promise<void> {
  await page.goto(url);
  await expect(page.getByRole('heading', { name: 'Log in', level: 1 })).toBeVisible();
}

export async function chooseUser(page: Page, displayName: string): Promise<void> {
  const name = new RegExp(`^${displayName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`);
  await page.getByRole('list', { name: 'Users' }).getByRole('button', { name }).click();
  await expect(page.getByRole('heading', { name: /^Enter your (PIN|password)$/ })).toBeVisible();
}

/** Taps the PIN on the on-screen pad and presses its Enter key; resolves when the till has answered. */
export async function tapPin(page: Page, pin: string): Promise<void> {
  for (const digit of pin) await page.getByRole('button', { name: `Digit ${digit}`, exact: true }).click();
  await answerTo(page, 'auth.login', () => page.getByRole('button', { name: 'Enter', exact: true }).click());
}

/** Types the PIN on the keyboard (the pad has focus) and presses Enter; resolves when the till has answered. */
export async function typePin(page: Page, pin: string): Promise<void> {
  await expect(page.getByRole('group', { name: /^PIN for / })).toBeFocused();
  await page.keyboard.type(pin);
  await answerTo(page, 'auth.login', () => page.keyboard.press('Enter'));
}

/** Runs `act` and waits for the till's answer to `command`, so the next step sees its result. */
export async function answerTo(page: Page, command: string, act: () => Promise<void>): Promise<void> {
  const answered = page.waitForResponse((r) => r.url().endsWith(`/api/call/${command}`));
  await act();
  await answered;
}

export async function logInWithPin(page: Page, user: DemoUser): Promise<void> {
  await chooseUser(page, user.displayName);
  await tapPin(page, user.secret);
  await expectHome(page, user.displayName);
}

export async function expectHome(page: Page, displayName: string): Promise<void> {
  await expect(page.getByRole('heading', { name: `Welcome, ${displayName}`, level: 1 })).toBeVisible();
  await expect(page.getByRole('banner')).toContainText(displayName);
}

/** The manager home's Users panel (the login screen's list of users is a different thing). */
export function usersPanel(page: Page): Locator {
  return page.getByRole('region', { name: 'Users', exact: true });
}

export async function logOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Log out' }).click();
  await expect(page.getByRole('heading', { name: 'Log in', level: 1 })).toBeVisible();
}

/** The number of products the clerk home reports ("500 products in 12 categories"). */
export async function productCount(page: Page): Promise<number> {
  const summary = page.getByText(/^[\d,]+ products? in [\d,]+ categor(y|ies)$/);
  await expect(summary).toBeVisible();
  const text = (await summary.textContent()) ?? '';
  return Number(text.split(' ')[0]!.replace(/,/g, ''));
}
