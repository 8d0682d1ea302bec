import { useState } from 'react';
import { AppError, ValidationError } from '../../../core/api/errors';
import { isIsoDate } from '../../../core/dates/dates';
import { useApi } from '../../api/api-context';
import { notifyError } from '../../notify/notify';
import { readFileBase64, type ChosenFile, type ImportKind, type ImportMode, type ImportPreview, type ImportResult } from './import-text';

export type WizardStep = 0 | 1 | 2 | 3;

/**
 * The import assistant's state: the file, its sheet and cut-over date, the column mapping,
 * the backend's preview and the run's result. Every count and problem comes from the backend
 * (`import-preview`): the screen adds no rule of its own, so what it shows is what will happen.
 */
export function useImportWizard(onImported: (result: ImportResult) => void) {
  const api = useApi();
  const [step, setStep] = useState<WizardStep>(0);
  const [kind, setKindState] = useState<ImportKind>('members');
  const [file, setFile] = useState<ChosenFile | null>(null);
  const [sheet, setSheetState] = useState<string | undefined>(undefined);
  const [cutoverDate, setCutoverDate] = useState('');
  const [mapping, setMapping] = useState<Record<string, string>>({});
  const [mode, setModeState] = useState<ImportMode>('create');
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [dateError, setDateError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  /** A first reading of a file (new file, sheet or kind): the backend proposes the mapping. */
  async function readFresh(next: { kind: ImportKind; file: ChosenFile; sheet: string | undefined }) {
    setBusy(true);
    setFileError(null);
    try {
      const answer = await api.call('import-preview', { kind: next.kind, fileName: next.file.name, fileBase64: next.file.base64, sheet: next.sheet, mode: 'create' });
      setPreview(answer);
      setMapping(answer.mapping);
      setSheetState(answer.sheet);
      setModeState('create');
    } catch (error) {
      setPreview(null);
      if (error instanceof ValidationError) setFileError(Object.values(error.fields)[0] ?? error.message);
      else notifyError(error, 'Fichier non lu');
    } finally {
      setBusy(false);
    }
  }

  async function chooseFile(picked: File | null) {
    if (!picked) return;
    try {
      const chosen = await readFileBase64(picked);
      setFile(chosen);
      await readFresh({ kind, file: chosen, sheet: undefined });
    } catch (error) {
      setFileError(error instanceof Error ? error.message : String(error));
    }
  }

  function setKind(next: ImportKind) {
    setKindState(next);
    if (file) void readFresh({ kind: next, file, sheet });
  }

  function setSheet(next: string) {
    if (file) void readFresh({ kind, file, sheet: next });
  }

  /** The cut-over date as the API takes it, or a French message for the field. */
  function checkedDate(): { ok: true; value: string | undefined } | { ok: false } {
    if (cutoverDate === '') return { ok: true, value: undefined };
    if (isIsoDate(cutoverDate)) return { ok: true, value: cutoverDate };
    setDateError('Date de reprise invalide : écrivez-la jj/mm/aaaa (exemple : 10/04/2026).');
    return { ok: false };
  }

  function toColumns() {
    setDateError(null);
    if (checkedDate().ok && preview) setStep(1);
  }

  /** « Vérifier »: the preview with the chosen mapping, date and mode (also after a corrected file). */
  async function check(options: { mode?: ImportMode; file?: ChosenFile } = {}) {
    const usedFile = options.file ?? file;
    const usedMode = options.mode ?? mode;
    const date = checkedDate();
    if (!usedFile || !date.ok) return;
    setBusy(true);
    try {
      const answer = await api.call('import-preview', { kind, fileName: usedFile.name, fileBase64: usedFile.base64, sheet, mapping, cutoverDate: date.value, mode: usedMode });
      setFile(usedFile);
      setModeState(usedMode);
      setPreview(answer);
      setDateError(answer.problems.find((p) => p.field === 'cutoverDate')?.message ?? null);
      setStep(2);
    } catch (error) {
      if (error instanceof ValidationError && error.fields.cutoverDate) {
        setDateError(error.fields.cutoverDate);
        setStep(0);
      } else notifyError(error, 'Vérification impossible');
    } finally {
      setBusy(false);
    }
  }

  /** The corrected file, chosen again from the preview: checked with the same mapping. */
  async function chooseCorrected(picked: File | null) {
    if (!picked) return;
    try {
      await check({ file: await readFileBase64(picked) });
    } catch (error) {
      notifyError(error instanceof AppError ? error : new ValidationError(error instanceof Error ? error.message : String(error)), 'Fichier non lu');
    }
  }

  async function run() {
    const date = checkedDate();
    if (!file || !date.ok) return;
    setBusy(true);
    try {
      const answer = await api.call('import-run', { kind, fileName: file.name, fileBase64: file.base64, sheet, mapping, cutoverDate: date.value, mode });
      setResult(answer);
      setStep(3);
      onImported(answer);
    } catch (error) {
      notifyError(error, 'Rien n’a été importé');
    } finally {
      setBusy(false);
    }
  }

  function restart() {
    setStep(0);
    setFile(null);
    setPreview(null);
    setResult(null);
    setMapping({});
    setSheetState(undefined);
    setModeState('create');
    setFileError(null);
    setDateError(null);
  }

  return {
    step,
    setStep,
    kind,
    setKind,
    file,
    chooseFile,
    sheet,
    setSheet,
    cutoverDate,
    setCutoverDate: (value: string) => {
      setCutoverDate(value);
      setDateError(null);
    },
    mapping,
    setColumn: (field: string, header: string | null) =>
      setMapping((current) => {
        const next = { ...current };
        if (header) next[field] = header;
        else delete next[field];
        return next;
      }),
    mode,
    setMode: (next: ImportMode) => void check({ mode: next }),
    preview,
    result,
    fileError,
    dateError,
    busy,
    toColumns,
    check,
    chooseCorrected,
    run,
    restart,
  };
}

export type ImportWizardState = ReturnType<typeof useImportWizard>;
