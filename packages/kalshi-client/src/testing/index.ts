/** Test helpers for bots built on @precog/kalshi-client: a fake Kalshi exchange. */
export const TESTING_VERSION = '0.0.0';
