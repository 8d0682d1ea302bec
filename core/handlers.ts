import { HandlerRegistry, type ContractOf } from './api/handler';
import { accountingExport } from './accounting/accounting-handlers';
import { documentDepositSlip, documentLowBalanceLetters, documentPaymentReminders } from './documents/payment-document-handlers';
import { appStatus } from './app/app-handlers';
import { backupCreate, backupList, backupRestore } from './backup/backup-handlers';
import { cancellationCreate, cancellationDelete, cancellationListForSubscriber } from './deliveries/cancellation-handlers';
import { deliveryClose, deliveryCorrect, deliveryOpenDays, deliveryRecords } from './deliveries/closing-handlers';
import { closureAffected, closureCreate, closureDelete, closureList, closurePreview } from './deliveries/closure-handlers';
import { deliverySettingsGet, deliverySettingsUpdate } from './deliveries/delivery-settings';
import { holidayDecide, holidayList } from './deliveries/holiday-handlers';
import { deliveryWeek, subscriberUpcomingDeliveries } from './deliveries/week-handlers';
import { documentCrateLabels, documentCreditNote, documentDeliverySheets, documentInvoice, documentInvoiceRun, documentPackingSummary, documentLedgerStatement } from './documents/document-handlers';
import { depotArchive, depotCreate, depotDelete, depotGet, depotList, depotUpdate } from './depots/depot-handlers';
import { gardenArchive, gardenCreate, gardenList, gardenUpdate } from './depots/garden-handlers';
import { roundArchive, roundCreate, roundList, roundSetDepots, roundUpdate } from './depots/round-handlers';
import {
  formulaArchive,
  formulaCreate,
  formulaGet,
  formulaList,
  formulaPriceSet,
  formulaUpdate,
} from './formulas/formula-handlers';
import {
  membershipSettingsGet,
  membershipSettingsUpdate,
  membershipTypeArchive,
  membershipTypeCreate,
  membershipTypeList,
  membershipTypeUpdate,
} from './memberships/membership-handlers';
import { creditNoteCreate, creditNoteGet, creditNoteProposal } from './invoicing/credit-notes';
import { invoiceRunBlockers } from './invoicing/blockers';
import { invoiceExclude, invoiceGet, invoiceRunGet, invoiceRunIssue, invoiceRunList, invoiceRunPrepare, invoiceSearch } from './invoicing/run-handlers';
import { ledgerBalanceGet, ledgerChainCheck, ledgerOpeningBalanceSet, ledgerStatement } from './ledger/ledger-handlers';
import { organisationGet, organisationUpdate } from './organisation/organisation-handlers';
import { paymentSettingsGet, paymentSettingsUpdate } from './payments/payment-settings';
import { chequeList, chequeRecord, chequeReturn, chequeUpdate } from './payments/cheques';
import { depositSlipCreate, depositSlipGet, depositSlipList } from './payments/deposit-slips';
import { paymentCancel, paymentRecord, refundRecord } from './payments/other-payments';
import { lowBalanceGet, lowBalanceList } from './payments/balances';
import { unpaidList } from './payments/unpaid';
import { paymentAlerts } from './payments/payment-alerts';
import { mandateAmend, mandateHistory, mandateList, mandateRevoke } from './payments/mandates';
import { sepaBatchCancel, sepaBatchCreate, sepaBatchExport, sepaBatchGet, sepaBatchList, sepaBatchMarkSent, sepaBatchPreview, sepaBatchSettle } from './payments/sepa-batches';
import { sepaDebitReturn, sepaReturnList } from './payments/sepa-returns';
import {
  subscriberArchive,
  subscriberCreate,
  subscriberDelete,
  subscriberGet,
  subscriberList,
  subscriberUpdate,
} from './subscribers/subscriber-handlers';
import {
  discoveryEndingList,
  discoveryRenew,
  subscriptionChange,
  subscriptionCreate,
  subscriptionDelete,
  subscriptionEnd,
  subscriptionGet,
  subscriptionListForSubscriber,
  subscriptionTemporaryChange,
  subscriptionTemporaryChangeDelete,
} from './subscriptions/subscription-handlers';
import { subscriptionList } from './subscriptions/subscription-list';
import { documentImportReport, importList, importReportCsv } from './import/import-report';
import { subscriberDataExport } from './gdpr/subject-export';
import { importMappingGet, importPreview, importRun } from './import/import-handlers';
import { dashboardGet } from './reports/dashboard';
import { forecastGet } from './reports/forecast';
import { documentForecast } from './reports/forecast-document';
import { reportCsv, reportGet } from './reports/report-handlers';
import { portalRequestAccept, portalRequestList, portalRequestReject, portalRequestsImport } from './portal/portal-requests';
import { portalSettingsGet, portalSettingsUpdate } from './portal/portal-settings';
import { portalExportConfirm, portalExportPrepare } from './portal/portal-export';
import { portalStatus } from './portal/portal-status';
import { portalPushRecord } from './portal/portal-push';

/**
 * The backend contract: every handler the UI can call, by kebab-case name. One grep for a
 * name finds the caller (`api['organisation-update']`) and the implementation.
 */
export const HANDLERS = [
  appStatus,
  organisationGet,
  organisationUpdate,
  backupList,
  backupCreate,
  backupRestore,
  gardenList,
  gardenCreate,
  gardenUpdate,
  gardenArchive,
  depotList,
  depotGet,
  depotCreate,
  depotUpdate,
  depotArchive,
  depotDelete,
  roundList,
  roundCreate,
  roundUpdate,
  roundSetDepots,
  roundArchive,
  formulaList,
  formulaGet,
  formulaCreate,
  formulaUpdate,
  formulaPriceSet,
  formulaArchive,
  membershipTypeList,
  membershipTypeCreate,
  membershipTypeUpdate,
  membershipTypeArchive,
  membershipSettingsGet,
  membershipSettingsUpdate,
  subscriberList,
  subscriberGet,
  subscriberCreate,
  subscriberUpdate,
  subscriberArchive,
  subscriberDelete,
  subscriptionGet,
  subscriptionListForSubscriber,
  subscriptionList,
  subscriptionCreate,
  subscriptionChange,
  subscriptionTemporaryChange,
  subscriptionTemporaryChangeDelete,
  subscriptionEnd,
  subscriptionDelete,
  discoveryRenew,
  discoveryEndingList,
  deliveryWeek,
  subscriberUpcomingDeliveries,
  deliverySettingsGet,
  deliverySettingsUpdate,
  cancellationCreate,
  cancellationDelete,
  cancellationListForSubscriber,
  closurePreview,
  closureCreate,
  closureList,
  closureAffected,
  closureDelete,
  holidayList,
  holidayDecide,
  documentDeliverySheets,
  documentPackingSummary,
  documentCrateLabels,
  documentLedgerStatement,
  documentInvoice,
  documentInvoiceRun,
  documentCreditNote,
  deliveryClose,
  deliveryOpenDays,
  deliveryRecords,
  deliveryCorrect,
  invoiceRunBlockers,
  invoiceRunPrepare,
  invoiceRunList,
  invoiceRunGet,
  invoiceGet,
  invoiceExclude,
  invoiceSearch,
  invoiceRunIssue,
  creditNoteCreate,
  creditNoteGet,
  creditNoteProposal,
  ledgerBalanceGet,
  ledgerStatement,
  ledgerOpeningBalanceSet,
  ledgerChainCheck,
  accountingExport,
  documentDepositSlip,
  documentLowBalanceLetters,
  documentPaymentReminders,
  paymentSettingsGet,
  paymentSettingsUpdate,
  chequeRecord,
  chequeList,
  chequeReturn,
  chequeUpdate,
  depositSlipCreate,
  depositSlipList,
  depositSlipGet,
  paymentRecord,
  paymentCancel,
  refundRecord,
  lowBalanceList,
  lowBalanceGet,
  unpaidList,
  paymentAlerts,
  sepaBatchPreview,
  sepaBatchCreate,
  sepaBatchList,
  sepaBatchGet,
  sepaBatchExport,
  sepaBatchCancel,
  sepaBatchMarkSent,
  sepaBatchSettle,
  sepaDebitReturn,
  sepaReturnList,
  mandateList,
  mandateRevoke,
  mandateAmend,
  mandateHistory,
  importList,
  documentImportReport,
  importReportCsv,
  subscriberDataExport,
  importMappingGet,
  importPreview,
  importRun,
  dashboardGet,
  forecastGet,
  documentForecast,
  reportGet,
  reportCsv,
  portalRequestsImport,
  portalRequestList,
  portalRequestAccept,
  portalRequestReject,
  portalSettingsGet,
  portalSettingsUpdate,
  portalExportPrepare,
  portalExportConfirm,
  portalStatus,
  portalPushRecord,
] as const;

export type Contract = ContractOf<typeof HANDLERS>;
export type MethodName = keyof Contract;
export type InputOf<M extends MethodName> = Contract[M]['input'];
export type OutputOf<M extends MethodName> = Contract[M]['output'];

export function createRegistry(): HandlerRegistry {
  return new HandlerRegistry(HANDLERS);
}
