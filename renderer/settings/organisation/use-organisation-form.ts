import { useCallback, useEffect, useState } from 'react';
import { ConflictError, ValidationError, type FieldErrors } from '../../../core/api/errors';
import { parseInput } from '../../../core/api/zod-fr';
import { ORGANISATION_LABELS, organisationInput, type Organisation, type OrganisationInput } from '../../../core/organisation/organisation';
import { formatIban } from '../../../core/validation/bank';
import { useApi } from '../../api/api-context';
import { notifyError, notifySuccess } from '../../notify/notify';
import { fieldId } from './fields';

export function toFormValues(org: Organisation): OrganisationInput {
  const { updatedAt: _updatedAt, ...values } = org;
  // Shown grouped by four as on a RIB; the backend stores it without spaces.
  return { ...values, iban: values.iban ? formatIban(values.iban) : '' };
}

const NOTIFICATION_ID = 'organisation-save';

function focusField(fields: FieldErrors): void {
  const first = Object.keys(fields)[0];
  if (first) document.getElementById(fieldId(first as keyof OrganisationInput))?.focus();
}

/**
 * The organisation form's state. Checked here with the backend's own schema (same French
 * messages, nothing sent when invalid), and the backend's field errors land on the same fields.
 */
export function useOrganisationForm({ readOnly, onSaved }: { readOnly: boolean; onSaved(): void }) {
  const api = useApi();
  const [values, setValues] = useState<OrganisationInput | null>(null);
  const [updatedAt, setUpdatedAt] = useState<string | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saving, setSaving] = useState(false);
  const [loadError, setLoadError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    api.call('organisation-get', {}).then(
      (org) => {
        if (!live) return;
        setValues(toFormValues(org));
        setUpdatedAt(org.updatedAt);
      },
      (error: unknown) => live && setLoadError(error instanceof Error ? error.message : String(error)),
    );
    return () => {
      live = false;
    };
  }, [api]);

  const setField = useCallback(<K extends keyof OrganisationInput>(key: K, value: OrganisationInput[K]) => {
    setValues((previous) => (previous ? { ...previous, [key]: value } : previous));
    setErrors((previous) => {
      if (!(key in previous)) return previous;
      const { [key]: _gone, ...rest } = previous;
      return rest;
    });
  }, []);

  const save = useCallback(async () => {
    if (!values || saving) return;
    if (readOnly) {
      notifyError(new ConflictError('Base ouverte en lecture seule : les paramètres ne peuvent pas être modifiés depuis ce poste.'));
      return;
    }
    try {
      parseInput(organisationInput, values, ORGANISATION_LABELS);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      setErrors(error.fields);
      notifyError(error, 'Paramètres non enregistrés', NOTIFICATION_ID);
      focusField(error.fields);
      return;
    }
    setSaving(true);
    try {
      const saved = await api.call('organisation-update', values);
      setValues(toFormValues(saved));
      setUpdatedAt(saved.updatedAt);
      setErrors({});
      notifySuccess('Paramètres enregistrés', NOTIFICATION_ID);
      onSaved();
    } catch (error) {
      if (error instanceof ValidationError) {
        setErrors(error.fields);
        focusField(error.fields);
      }
      notifyError(error, 'Paramètres non enregistrés', NOTIFICATION_ID);
    } finally {
      setSaving(false);
    }
  }, [api, values, saving, readOnly, onSaved]);

  return { values, updatedAt, errors, saving, loadError, setField, save };
}
