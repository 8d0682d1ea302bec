import { Radio, Select, Stack, Text } from '@mantine/core';
import { useEffect } from 'react';
import type { IsoDate } from '../../../core/dates/dates';
import { useApi } from '../../api/api-context';
import { notifySuccess } from '../../notify/notify';
import { FormDialog } from '../../subscriptions/forms/FormDialog';
import { useDialogForm } from '../../subscriptions/forms/use-dialog-form';
import { capitalise, dayLabel, weekDays } from '../week-dates';

export interface HolidayRound {
  holidayDate: IsoDate;
  holidayName: string;
  roundId: number;
  roundName: string;
  action: string | null;
  shiftToDate: string | null;
}

type Action = 'deliver' | 'shift' | 'skip';

/** For one round on a public holiday: deliver anyway, shift to another day of the week, or skip. */
export function HolidayDecideDialog({ target, holidays, onClose, onSaved }: { target: HolidayRound | null; holidays: readonly string[]; onClose(): void; onSaved(): void }) {
  const api = useApi();
  const form = useDialogForm<{ action: string; shiftToDate: string }>({
    initial: { action: '', shiftToDate: '' },
    toInput: (v) => ({ holidayDate: target?.holidayDate, roundId: target?.roundId, action: v.action, shiftToDate: v.action === 'shift' ? v.shiftToDate || null : null }),
    submit: async (input) => {
      const saved = await api.call('holiday-decide', input as { holidayDate: string; roundId: number; action: Action; shiftToDate: string | null });
      notifySuccess(
        saved.action === 'shift' && saved.shiftToDate
          ? `${target?.roundName} : livraison reportée au ${dayLabel(saved.shiftToDate)}`
          : saved.action === 'skip'
            ? `${target?.roundName} : pas de livraison le ${dayLabel(target!.holidayDate)}`
            : `${target?.roundName} : livraison maintenue le ${dayLabel(target!.holidayDate)}`,
      );
      onSaved();
    },
  });
  const { reset } = form;
  useEffect(() => {
    if (target) reset({ action: target.action ?? '', shiftToDate: target.shiftToDate ?? '' });
  }, [target, reset]);

  const days = target
    ? weekDays(target.holidayDate)
        .filter((d) => d !== target.holidayDate && !holidays.includes(d))
        .map((d) => ({ value: d, label: capitalise(dayLabel(d)) }))
    : [];

  return (
    <FormDialog
      opened={target !== null}
      title={target ? `${target.holidayName} : ${target.roundName}` : ''}
      submitLabel="Enregistrer la décision"
      submitting={form.submitting}
      formError={form.formError}
      onClose={onClose}
      onSubmit={form.handleSubmit}
    >
      {target && (
        <Text size="sm">
          Le {dayLabel(target.holidayDate)} est férié. Que fait la tournée {target.roundName} ?
        </Text>
      )}
      <Radio.Group label="Décision" value={form.values.action} error={form.errors.action} onChange={(value) => form.setField('action', value)} withAsterisk>
        <Stack gap="xs" mt="xs">
          <Radio value="deliver" label="Livrer quand même ce jour-là" data-autofocus />
          <Radio value="shift" label="Décaler à un autre jour de la semaine" />
          <Radio value="skip" label="Ne pas livrer (les paniers ne sont pas facturés)" />
        </Stack>
      </Radio.Group>
      {form.values.action === 'shift' && (
        <Select
          label="Livrer le"
          placeholder="Choisissez le jour"
          data={days}
          value={form.values.shiftToDate || null}
          error={form.errors.shiftToDate}
          onChange={(value) => form.setField('shiftToDate', value ?? '')}
          withAsterisk
          allowDeselect={false}
        />
      )}
    </FormDialog>
  );
}
