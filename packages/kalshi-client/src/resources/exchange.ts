import type { RequestOptions } from '../core/request-options';
import type { Transport } from '../internal/transport';
import {
  type ExchangeSchedule,
  type ExchangeStatus,
  exchangeScheduleResponseSchema,
  exchangeStatusSchema,
} from '../schemas/exchange';
import { userDataTimestampSchema } from '../schemas/market-batch';

/** `client.exchange`: whether the exchange is up and when it trades. */
export class ExchangeResource {
  constructor(private readonly transport: Transport) {}

  /** `GET /exchange/status`. */
  getStatus(options?: RequestOptions): Promise<ExchangeStatus> {
    return this.transport.request(
      { method: 'GET', path: '/exchange/status', schema: exchangeStatusSchema, retry: 'safe' },
      options,
    );
  }

  /** `GET /exchange/schedule`: standard hours (Eastern Time) and maintenance windows. */
  async getSchedule(options?: RequestOptions): Promise<ExchangeSchedule> {
    const response = await this.transport.request(
      { method: 'GET', path: '/exchange/schedule', schema: exchangeScheduleResponseSchema, retry: 'safe' },
      options,
    );
    return response.schedule;
  }

  /**
   * `GET /exchange/user_data_timestamp`: how fresh portfolio reads (balance, positions, fills)
   * are; undefined when Kalshi does not say.
   */
  async getUserDataTimestamp(options?: RequestOptions): Promise<Date | undefined> {
    const response = await this.transport.request(
      {
        method: 'GET',
        path: '/exchange/user_data_timestamp',
        schema: userDataTimestampSchema,
        retry: 'safe',
      },
      options,
    );
    return response.as_of_time;
  }
}
