import { InquiryRouterError } from '../errors';

/** Why an SLA computation was refused. */
export type SlaErrorCode =
  /** The calendar configuration is invalid (unknown time zone, bad "HH:MM-HH:MM", no opening hours at all, …). */
  | 'INVALID_CONFIG'
  /** The start instant is not a valid ISO 8601 date-time or `Date` (or lies outside the years 0001–9999). */
  | 'INVALID_START'
  /** The number of hours is not a finite number ≥ 0. */
  | 'INVALID_HOURS'
  /** No due time within the search horizon (about three years of calendar time after the start). */
  | 'HORIZON_EXCEEDED';

/** The one error type thrown by `src/sla`; `code` tells the cases apart. */
export class SlaError extends InquiryRouterError {
  static override readonly kind: string = 'SlaError';
  declare readonly code: SlaErrorCode;

  constructor(code: SlaErrorCode, message: string) {
    super(code, message);
    this.name = 'SlaError';
  }
}

Object.defineProperty(SlaError, 'name', { value: SlaError.kind });
