import type Decimal from 'decimal.js';

/** A money or count input: a Decimal, or its exact decimal text. Never a JS number. */
export type DecimalInput = Decimal | string;
