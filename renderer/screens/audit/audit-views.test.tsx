/** The audit log's filters and pages, and the permissions table, against a scripted till. */
import { act, render, screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import type { AuditLogEntry, PermissionRow } from '../../../shared/api/contract';
import { installFakeBridge, ok } from '../../test-support/fake-bridge';
import { CLARA, MARIA } from '../../test-support/till-fixtures';
import { person } from '../../test-support/ui';
import { AuditLogView } from './audit-log-view';
import { PermissionsView } from './permissions-view';

const bridge = installFakeBridge();

const entry = (n: number): AuditLogEntry => ({
  id: `T1-E${n}`,
  at: `2026-03-02T09:00:${String(n).padStart(2, '0')}.000Z`,
  terminalId: 'T1',
  actorId: MARIA.id,
  actorName: 'Maria',
  type: 'user.secret_reset',
  subjectId: CLARA.id,
  subjectName: 'Clara',
  details: { username: 'clara' },
});

describe('the audit log', () => {
  beforeEach(() => bridge.reset());

  it('pages with the place the till gave, goes back exactly, and starts again on a new search', async () => {
    bridge.answer('audit.search', (input) => ok(input.before ? { entries: [entry(1)], next: null } : { entries: [entry(3), entry(2)], next: 'P2' }));
    await act(async () => {
      render(<AuditLogView users={[MARIA]} />);
    });
    const log = screen.getByRole('region', { name: 'Audit log' });
    expect(within(log).getAllByRole('row')).toHaveLength(3);
    expect(within(log).getAllByRole('row')[1]!.textContent).toContain('Maria');
    expect((within(log).getByRole('button', { name: 'Previous page' }) as HTMLButtonElement).disabled).toBe(true);

    await person.click(within(log).getByRole('button', { name: 'Next page' }));
    expect(bridge.inputsOf('audit.search').at(-1)).toEqual({ pageSize: 25, before: 'P2' });
    expect((within(log).getByRole('button', { name: 'Next page' }) as HTMLButtonElement).disabled).toBe(true);
    await person.click(within(log).getByRole('button', { name: 'Previous page' }));
    expect(bridge.inputsOf('audit.search').at(-1)).toEqual({ pageSize: 25 });

    await person.click(within(log).getByRole('button', { name: 'Next page' }));
    within(log).getByLabelText('Event type').focus();
    await person.type('user.secret_reset');
    within(log).getByLabelText('Terminal').focus();
    await person.type('t1');
    await person.click(within(log).getByRole('button', { name: 'Search' }));
    expect(bridge.inputsOf('audit.search').at(-1)).toEqual({ pageSize: 25, type: 'user.secret_reset', terminalId: 'T1' });
  });
});

describe('the permissions table', () => {
  it('has a column per role and a row per command, grouped under its area', async () => {
    const row = (command: string, label: string, minimum: PermissionRow['minimum']): PermissionRow => ({
      command,
      area: command.split('.')[0]!,
      label,
      minimum,
      allowed: { clerk: minimum === 'clerk', manager: minimum !== 'admin', admin: true },
    });
    bridge.reset();
    bridge.answer('permissions.table', () => ok([row('cart.scan', 'Scan', 'clerk'), row('users.resetSecret', 'Reset a PIN or password', 'manager')]));
    await act(async () => {
      render(<PermissionsView />);
    });
    const table = screen.getByRole('table', { name: 'What each role may do' });
    expect(within(table).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['What', 'Clerk', 'Manager', 'Admin']);
    expect(within(table).getByRole('rowheader', { name: 'Cart' })).toBeTruthy();
    const reset = within(table).getByRole('row', { name: /Reset a PIN or password/ });
    expect(within(reset).getAllByRole('cell').map((c) => c.textContent)).toEqual(['No', 'Yes', 'Yes']);
  });
});
