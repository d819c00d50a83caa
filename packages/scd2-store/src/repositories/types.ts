import type Decimal from 'decimal.js';

/** A decimal input: a Decimal or its exact string form (`'0.5600'`). Never a float. */
export type DecimalInput = Decimal | string;

/** Any JSON value stored in a jsonb column. */
export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
