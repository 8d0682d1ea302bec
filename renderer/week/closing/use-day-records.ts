import { useCallback, useEffect, useRef, useState } from 'react';
import type { DeliveryRecord } from '../../../core/deliveries/closing-handlers';
import { useApi } from '../../api/api-context';

/**
 * The delivery records of each given past day. A day with records is validated: closing
 * freezes every planned basket of the day, cancelled and closed ones included.
 */
export function useDayRecords(days: readonly string[]) {
  const api = useApi();
  const [records, setRecords] = useState<ReadonlyMap<string, DeliveryRecord[]>>(new Map());
  const [loading, setLoading] = useState(days.length > 0);
  const key = days.join(',');
  const latest = useRef(0);

  const reload = useCallback(async () => {
    const ticket = ++latest.current;
    const list = key ? key.split(',') : [];
    setLoading(list.length > 0);
    try {
      const answers = await Promise.all(list.map((day) => api.call('delivery-records', { day })));
      if (ticket === latest.current) setRecords(new Map(list.map((day, i) => [day, answers[i]!])));
    } catch {
      // Records are only read to show the validated days; the week itself says what failed.
      if (ticket === latest.current) setRecords(new Map());
    } finally {
      if (ticket === latest.current) setLoading(false);
    }
  }, [api, key]);

  useEffect(() => {
    void reload();
  }, [reload]);

  return { records, loading, reload };
}
