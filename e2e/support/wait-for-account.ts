/**
 * For playwright.config.ts: waits until the e2e sync server knows a terminal account (the server listens before
 * its set-up has made the accounts), so the till that follows connects at once instead of backing off.
 * Usage: wait-for-account.ts <server url> <account> <password>
 */
export {};
const [url, name, password] = process.argv.slice(2);
if (!url || !name || !password) throw new Error('usage: wait-for-account.ts <server url> <account> <password>');
const authorization = `Basic ${Buffer.from(`${name}:${password}`).toString('base64')}`;
const deadline = Date.now() + 60_000;
for (;;) {
  const ok = await fetch(`${url}_session`, { headers: { authorization } }).then(
    async (r) => r.status === 200 && ((await r.json()) as { userCtx?: { name?: string } }).userCtx?.name === name,
    () => false,
  );
  if (ok) break;
  if (Date.now() > deadline) throw new Error(`The sync server at ${url} did not accept ${name} within a minute`);
  await new Promise((resolve) => setTimeout(resolve, 200));
}
