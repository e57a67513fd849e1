/** This till's card payments status (queue, processor, offline rule, worklist size), kept current by `payments.status` pushes. */
import { useEffect, useState } from 'react';
import type { PaymentsStatus } from '../../../shared/api/commands/payments-commands';
import { api } from '../../api/client';
import { usePushEvent } from '../../api/use-api';

export function usePaymentsStatus(): PaymentsStatus | null {
  const [status, setStatus] = useState<PaymentsStatus | null>(null);
  usePushEvent('payments.status', setStatus);
  useEffect(() => {
    let current = true;
    void api.call('payments.status', {}).then((result) => {
      // A push that arrived meanwhile is newer than this answer.
      if (current && result.ok) setStatus((seen) => seen ?? result.value);
    });
    return () => {
      current = false;
    };
  }, []);
  return status;
}
