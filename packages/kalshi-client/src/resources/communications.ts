import { z } from 'zod';
import type { ListOptions } from '../core/list-options';
import type { PagePromise } from '../core/pagination';
import type { RequestOptions } from '../core/request-options';
import { listEndpoint } from '../internal/list-endpoint';
import type { Transport } from '../internal/transport';
import {
  type BlockTradeProposal,
  blockTradeProposalsPageSchema,
  communicationsIdSchema,
  createdIdSchema,
  proposeBlockTradeResultSchema,
  type Quote,
  quoteResponseSchema,
  quotesPageSchema,
  type Rfq,
  rfqResponseSchema,
  rfqsPageSchema,
} from '../schemas/communications';
import {
  type AcceptBlockTradeProposalParams,
  type AcceptQuoteParams,
  acceptBlockTradeBody,
  acceptQuoteBody,
  type CreateQuoteParams,
  type CreateRfqParams,
  createQuoteBody,
  createRfqBody,
  idSegment,
  type ListBlockTradeProposalsParams,
  type ListQuotesParams,
  type ListRfqsParams,
  type ProposeBlockTradeParams,
  proposeBlockTradeBody,
} from './communications-params';

/**
 * `client.communications`: requests for quotes (RFQs), the quotes that answer them, and block
 * trade proposals. The flow: a taker creates an RFQ; makers quote it; the taker accepts one side of
 * a quote; its maker confirms, which starts the execution timer. Writes are never retried after an
 * ambiguous failure (none carries an idempotency key, and a repeated delete, accept or confirm
 * answers an error once the first went through). `createQuote` and the deprecated `deleteQuote`
 * cost 2 write tokens (Kalshi's cost table); every other call the default 10. The three lists are
 * validated item by item: a malformed item is a `KalshiInvalidItemError` naming it by its id, or,
 * with `{ invalidItems: 'collect' }`, set aside in `page.invalidItems` beside the good ones.
 */
export class CommunicationsResource {
  constructor(private readonly transport: Transport) {}

  /** `GET /communications/id`: the caller's public communications id (the `creator_id` of its RFQs and quotes). */
  async getId(options?: RequestOptions): Promise<string> {
    const response = await this.get('/communications/id', communicationsIdSchema, options);
    return response.communications_id;
  }

  /** `GET /communications/rfqs`: await for one page, or `for await` over all. */
  listRfqs(params: ListRfqsParams = {}, options?: ListOptions): PagePromise<Rfq> {
    return listEndpoint(
      this.transport,
      {
        path: '/communications/rfqs',
        query: { ...params },
        schema: rfqsPageSchema,
        items: (r) => r.rfqs,
      },
      options,
    );
  }

  /** `GET /communications/rfqs/{rfq_id}`. */
  async getRfq(rfqId: string, options?: RequestOptions): Promise<Rfq> {
    const response = await this.get(this.rfqPath(rfqId), rfqResponseSchema, options);
    return response.rfq;
  }

  /** `POST /communications/rfqs`: returns the new RFQ's id. */
  async createRfq(params: CreateRfqParams, options?: RequestOptions): Promise<string> {
    const body = createRfqBody(params);
    const response = await this.write('POST', '/communications/rfqs', body, createdIdSchema, options);
    return response.id;
  }

  /** `DELETE /communications/rfqs/{rfq_id}`: withdraws the RFQ. */
  async deleteRfq(rfqId: string, options?: RequestOptions): Promise<void> {
    await this.write('DELETE', this.rfqPath(rfqId), undefined, z.unknown(), options);
  }

  /** `GET /communications/quotes`: await for one page, or `for await` over all. */
  listQuotes(params: ListQuotesParams = {}, options?: ListOptions): PagePromise<Quote> {
    return listEndpoint(
      this.transport,
      {
        path: '/communications/quotes',
        query: { ...params },
        schema: quotesPageSchema,
        items: (r) => r.quotes,
      },
      options,
    );
  }

  /** `POST /communications/quotes`: quotes an RFQ; returns the new quote's id. */
  async createQuote(params: CreateQuoteParams, options?: RequestOptions): Promise<string> {
    const body = createQuoteBody(params);
    const response = await this.write('POST', '/communications/quotes', body, createdIdSchema, options);
    return response.id;
  }

  /** `GET /communications/rfqs/{rfq_id}/quotes/{quote_id}`. */
  async getRfqQuote(rfqId: string, quoteId: string, options?: RequestOptions): Promise<Quote> {
    const response = await this.get(this.rfqQuotePath(rfqId, quoteId), quoteResponseSchema, options);
    return response.quote;
  }

  /** `DELETE /communications/rfqs/{rfq_id}/quotes/{quote_id}`: withdraws the quote; it can no longer be accepted. */
  async deleteRfqQuote(rfqId: string, quoteId: string, options?: RequestOptions): Promise<void> {
    await this.write('DELETE', this.rfqQuotePath(rfqId, quoteId), undefined, z.unknown(), options);
  }

  /** `PUT /communications/rfqs/{rfq_id}/quotes/{quote_id}/accept`: the RFQ creator takes one side; the quoter must then confirm. */
  async acceptRfqQuote(
    rfqId: string,
    quoteId: string,
    params: AcceptQuoteParams,
    options?: RequestOptions,
  ): Promise<void> {
    const path = `${this.rfqQuotePath(rfqId, quoteId)}/accept`;
    await this.write('PUT', path, acceptQuoteBody(params), z.unknown(), options);
  }

  /** `PUT /communications/rfqs/{rfq_id}/quotes/{quote_id}/confirm`: the quoter confirms; the execution timer starts. */
  async confirmRfqQuote(rfqId: string, quoteId: string, options?: RequestOptions): Promise<void> {
    await this.write('PUT', `${this.rfqQuotePath(rfqId, quoteId)}/confirm`, {}, z.unknown(), options);
  }

  /** `GET /communications/quotes/{quote_id}`. @deprecated Kalshi's own: use {@link getRfqQuote}. */
  async getQuote(quoteId: string, options?: RequestOptions): Promise<Quote> {
    const response = await this.get(this.quotePath(quoteId), quoteResponseSchema, options);
    return response.quote;
  }

  /** `DELETE /communications/quotes/{quote_id}`. @deprecated Kalshi's own: use {@link deleteRfqQuote}. */
  async deleteQuote(quoteId: string, options?: RequestOptions): Promise<void> {
    await this.write('DELETE', this.quotePath(quoteId), undefined, z.unknown(), options);
  }

  /** `PUT /communications/quotes/{quote_id}/accept`. @deprecated Kalshi's own: use {@link acceptRfqQuote}. */
  async acceptQuote(quoteId: string, params: AcceptQuoteParams, options?: RequestOptions): Promise<void> {
    await this.write(
      'PUT',
      `${this.quotePath(quoteId)}/accept`,
      acceptQuoteBody(params),
      z.unknown(),
      options,
    );
  }

  /** `PUT /communications/quotes/{quote_id}/confirm`. @deprecated Kalshi's own: use {@link confirmRfqQuote}. */
  async confirmQuote(quoteId: string, options?: RequestOptions): Promise<void> {
    await this.write('PUT', `${this.quotePath(quoteId)}/confirm`, {}, z.unknown(), options);
  }

  /** `GET /communications/block-trade-proposals`: the proposals the caller can see; await for one page, or `for await` over all. */
  listBlockTradeProposals(
    params: ListBlockTradeProposalsParams = {},
    options?: ListOptions,
  ): PagePromise<BlockTradeProposal> {
    return listEndpoint(
      this.transport,
      {
        path: '/communications/block-trade-proposals',
        query: { ...params },
        schema: blockTradeProposalsPageSchema,
        items: (r) => r.block_trade_proposals,
      },
      options,
    );
  }

  /** `POST /communications/block-trade-proposals`: returns the new proposal's id. */
  async proposeBlockTrade(params: ProposeBlockTradeParams, options?: RequestOptions): Promise<string> {
    const body = proposeBlockTradeBody(params);
    const response = await this.write(
      'POST',
      '/communications/block-trade-proposals',
      body,
      proposeBlockTradeResultSchema,
      options,
    );
    return response.block_trade_proposal_id;
  }

  /** `POST /communications/block-trade-proposals/{id}/accept`: accepts as buyer or seller (optionally as a subaccount or subtrader). */
  async acceptBlockTradeProposal(
    proposalId: string,
    params: AcceptBlockTradeProposalParams = {},
    options?: RequestOptions,
  ): Promise<void> {
    const body = acceptBlockTradeBody(params);
    const path = `/communications/block-trade-proposals/${idSegment('proposalId', proposalId)}/accept`;
    await this.write('POST', path, body, z.unknown(), options);
  }

  private rfqPath(rfqId: string): string {
    return `/communications/rfqs/${idSegment('rfqId', rfqId)}`;
  }

  private quotePath(quoteId: string): string {
    return `/communications/quotes/${idSegment('quoteId', quoteId)}`;
  }

  private rfqQuotePath(rfqId: string, quoteId: string): string {
    return `${this.rfqPath(rfqId)}/quotes/${idSegment('quoteId', quoteId)}`;
  }

  private get<T>(path: string, schema: z.ZodType<T>, options: RequestOptions | undefined): Promise<T> {
    return this.transport.request({ method: 'GET', path, schema, retry: 'safe' }, options);
  }

  /** Every write is `unsafe`: retried only when the exchange provably did not process it (429). */
  private write<T>(
    method: 'POST' | 'PUT' | 'DELETE',
    path: string,
    body: unknown,
    schema: z.ZodType<T>,
    options: RequestOptions | undefined,
  ): Promise<T> {
    return this.transport.request(
      { method, path, ...(body === undefined ? {} : { body }), schema, retry: 'unsafe' },
      options,
    );
  }
}
