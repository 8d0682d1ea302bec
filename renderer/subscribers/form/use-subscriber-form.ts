import { ValidationError } from '../../../core/api/errors';
import { SUBSCRIBER_LABELS, subscriberInput, type Subscriber } from '../../../core/subscribers/subscribers';
import { useApi } from '../../api/api-context';
import { notifyError, notifySuccess } from '../../notify/notify';
import { useDialogForm } from '../../subscriptions/forms/use-dialog-form';
import { EMPTY_SUBSCRIBER, toFormValues, toSubscriberInput, type SubscriberFormValues } from './subscriber-values';

const NOTIFICATION_ID = 'subscriber-save';

export function subscriberFieldId(key: keyof SubscriberFormValues): string {
  return `subscriber-${key}`;
}

/**
 * The subscriber form: checked with the backend's own schema before sending (same French
 * messages on the same fields, nothing sent when wrong), then the backend's answer.
 */
export function useSubscriberForm({ subscriber, onSaved }: { subscriber: Subscriber | null; onSaved(saved: Subscriber): void }) {
  const api = useApi();
  return useDialogForm<SubscriberFormValues>({
    initial: subscriber ? toFormValues(subscriber) : EMPTY_SUBSCRIBER,
    schema: subscriberInput,
    labels: SUBSCRIBER_LABELS,
    toInput: toSubscriberInput,
    submit: async (input) => {
      const data = input as ReturnType<typeof toSubscriberInput>;
      const saved = subscriber ? await api.call('subscriber-update', { ...data, id: subscriber.id }) : await api.call('subscriber-create', data);
      const rumGenerated = saved.paymentMethod === 'sepa' && data.mandateRum === '';
      notifySuccess(rumGenerated ? `Fiche enregistrée. Référence de mandat (RUM) générée : ${saved.mandateRum}` : 'Fiche enregistrée', NOTIFICATION_ID);
      onSaved(saved);
    },
    onError: (error) => {
      notifyError(error, 'Fiche non enregistrée', NOTIFICATION_ID);
      if (error instanceof ValidationError) {
        const first = Object.keys(error.fields)[0];
        if (first) document.getElementById(subscriberFieldId(first as keyof SubscriberFormValues))?.focus();
      }
    },
  });
}
