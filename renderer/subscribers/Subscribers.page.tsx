import { useState } from 'react';
import { useAppState } from '../state/app-store';
import { SubscriberPage } from './detail/SubscriberPage';
import { SubscriberForm } from './form/SubscriberForm';
import { NO_FILTERS, type SubscriberFilters } from './list/filters';
import { SubscriberList } from './list/SubscriberList';

/** Adhérents: the list, or one subscriber's page; the list keeps its filters meanwhile. */
export function SubscribersPage() {
  const subscriberId = useAppState((s) => s.subscriberId);
  const openSubscriber = useAppState((s) => s.openSubscriber);
  const readOnly = useAppState((s) => s.status?.readOnly ?? false);
  const [filters, setFilters] = useState<SubscriberFilters>(NO_FILTERS);
  const [creating, setCreating] = useState(false);

  if (subscriberId !== null) return <SubscriberPage key={subscriberId} id={subscriberId} readOnly={readOnly} onBack={() => openSubscriber(null)} />;
  return (
    <>
      <SubscriberList filters={filters} onFilters={setFilters} readOnly={readOnly} onOpen={openSubscriber} onNew={() => setCreating(true)} />
      {creating && (
        <SubscriberForm
          subscriber={null}
          onClose={() => setCreating(false)}
          onSaved={(saved) => {
            setCreating(false);
            openSubscriber(saved.id);
          }}
        />
      )}
    </>
  );
}
