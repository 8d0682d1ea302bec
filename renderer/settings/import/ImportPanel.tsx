import { Divider, Stack, Stepper } from '@mantine/core';
import { useState } from 'react';
import { ColumnsStep } from './ColumnsStep';
import { FileStep } from './FileStep';
import { ImportHistory } from './ImportHistory';
import { PreviewStep } from './PreviewStep';
import { ResultStep } from './ResultStep';
import { useImportWizard } from './use-import-wizard';

/** Paramètres → Importer: the assistant (file, columns, check, import) and the imports already made. */
export function ImportPanel({ readOnly }: { readOnly: boolean }) {
  const [historyVersion, setHistoryVersion] = useState(0);
  const wizard = useImportWizard(() => setHistoryVersion((v) => v + 1));
  const done = wizard.step === 3;
  // Going back is free; going forward only through each step's own button (it asks the backend).
  const goBack = (target: number) => {
    if (!done && target < wizard.step) wizard.setStep(target as 0 | 1 | 2);
  };

  return (
    <Stack gap="xl">
      <Stepper active={done ? 4 : wizard.step} onStepClick={goBack} size="sm" aria-label="Assistant d’import">
        <Stepper.Step label="Fichier" description="Type, fichier, date de reprise">
          <FileStep wizard={wizard} />
        </Stepper.Step>
        <Stepper.Step label="Colonnes" description="Correspondance des colonnes">
          <ColumnsStep wizard={wizard} />
        </Stepper.Step>
        <Stepper.Step label="Vérification" description="Aperçu et problèmes">
          <PreviewStep wizard={wizard} readOnly={readOnly} />
        </Stepper.Step>
        <Stepper.Step label="Import" description="Tout ou rien" />
        <Stepper.Completed>{wizard.result && <ResultStep result={wizard.result} onRestart={wizard.restart} />}</Stepper.Completed>
      </Stepper>
      <Divider />
      <ImportHistory version={historyVersion} />
    </Stack>
  );
}
