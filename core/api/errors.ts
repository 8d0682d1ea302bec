/**
 * Typed errors of the backend contract. They travel to the UI as
 * `{ error: { type, message, fields? } }`; messages are French and say what to do.
 */
export type ErrorType = 'validation' | 'not-found' | 'conflict' | 'integrity' | 'internal';

/** Per-field French messages, keyed by the input's field path (`address.postcode`). */
export type FieldErrors = Record<string, string>;

export interface SerializedError {
  type: ErrorType;
  message: string;
  fields?: FieldErrors;
  /** A database file that cannot be opened, and the newest backup that can replace it. */
  recovery?: RecoveryOffer;
}

export interface RecoveryOffer {
  /** The file that was refused (as the host names it). */
  file: string;
  backupId: string;
  /** ISO instant the backup was taken. */
  backupCreatedAt: string;
}

export abstract class AppError extends Error {
  abstract readonly type: ErrorType;
  toJSON(): SerializedError {
    return { type: this.type, message: this.message };
  }
}

export class ValidationError extends AppError {
  readonly type = 'validation' as const;
  constructor(
    message: string,
    readonly fields: FieldErrors = {},
  ) {
    super(message);
  }
  /** One field wrong: the message names it. */
  static field(field: string, message: string): ValidationError {
    return new ValidationError(message, { [field]: message });
  }
  override toJSON(): SerializedError {
    return { type: this.type, message: this.message, fields: this.fields };
  }
}

export class NotFoundError extends AppError {
  readonly type = 'not-found' as const;
}

export class ConflictError extends AppError {
  readonly type = 'conflict' as const;
}

/** The data breaks a rule that must always hold (a corrupt file, an immutable record). */
export class IntegrityError extends AppError {
  readonly type = 'integrity' as const;
}

export class InternalError extends AppError {
  readonly type = 'internal' as const;
  constructor(message = 'Erreur interne inattendue. Réessayez ; si cela persiste, contactez le support.') {
    super(message);
  }
}

/** Anything thrown becomes a serializable error; unexpected ones never leak their stack. */
export function toSerializedError(error: unknown): SerializedError {
  if (error instanceof AppError) return error.toJSON();
  return new InternalError().toJSON();
}

const ERROR_TYPES: readonly ErrorType[] = ['validation', 'not-found', 'conflict', 'integrity', 'internal'];

/** Rebuilds a typed error on the client side of a transport. */
export function fromSerializedError(data: unknown): AppError {
  const value = (data ?? {}) as Partial<SerializedError>;
  const message = typeof value.message === 'string' ? value.message : new InternalError().message;
  const type = ERROR_TYPES.includes(value.type as ErrorType) ? (value.type as ErrorType) : 'internal';
  switch (type) {
    case 'validation':
      return new ValidationError(message, value.fields ?? {});
    case 'not-found':
      return new NotFoundError(message);
    case 'conflict':
      return new ConflictError(message);
    case 'integrity':
      return Object.assign(new IntegrityError(message), value.recovery ? { recovery: value.recovery } : {});
    default:
      return new InternalError(message);
  }
}
