import { keepPreviousData, useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import {
  ZExchangeRequestListResponse,
  ZExchangeRequestResponse,
  ZOfferListResponse,
  ZOfferResponse,
  type TExchangeRequestCreate,
  type TExchangeRequestStatus,
  type TOfferCreate,
  type TOfferUpdate,
} from '../../shared/schemas/exchange.js';
import { apiGet, apiSend } from './client.js';

const BASE = '/api/learning/exchanges';
const enc = encodeURIComponent;
const PAGE_SIZE = 30;

/** Query keys of the exchange screens; every change invalidates all of them (offers and requests move together). */
export const exchangeKeys = {
  all: ['learning', 'exchange'] as const,
  offers: (sector: string | null, from: string | null) => ['learning', 'exchange', 'offers', sector, from] as const,
  requests: (side: 'visitor' | 'host' | null, status: TExchangeRequestStatus | null) => ['learning', 'exchange', 'requests', side, status] as const,
};

/** Published host offers (and my organisations' withdrawn ones), page by page by team name. */
export const useExchangeOffers = (sector: string | null, from: string | null) =>
  useInfiniteQuery({
    queryKey: exchangeKeys.offers(sector, from),
    queryFn: async ({ signal, pageParam }) => {
      const search = new URLSearchParams({ limit: String(PAGE_SIZE) });
      if (sector) search.set('sector', sector);
      if (from) search.set('from', from);
      if (pageParam) search.set('cursor', pageParam);
      return apiGet(`${BASE}/offers?${search.toString()}`, ZOfferListResponse, signal);
    },
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.data.nextCursor,
    placeholderData: keepPreviousData,
  });

/** My requests and those to organisations I administer, by day. */
export const useExchangeRequests = (side: 'visitor' | 'host' | null, status: TExchangeRequestStatus | null) =>
  useInfiniteQuery({
    queryKey: exchangeKeys.requests(side, status),
    queryFn: async ({ signal, pageParam }) => {
      const search = new URLSearchParams({ limit: String(PAGE_SIZE) });
      if (side) search.set('side', side);
      if (status) search.set('status', status);
      if (pageParam) search.set('cursor', pageParam);
      return apiGet(`${BASE}/requests?${search.toString()}`, ZExchangeRequestListResponse, signal);
    },
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.data.nextCursor,
    placeholderData: keepPreviousData,
  });

function useExchangeMutation<A, R>(fn: (args: A) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => queryClient.invalidateQueries({ queryKey: exchangeKeys.all }) });
}

export const useCreateOffer = () =>
  useExchangeMutation(async (body: TOfferCreate) => (await apiSend('POST', `${BASE}/offers`, ZOfferResponse, body)).data);

export const useUpdateOffer = () =>
  useExchangeMutation(async ({ id, body }: { id: string; body: TOfferUpdate }) => (await apiSend('PATCH', `${BASE}/offers/${enc(id)}`, ZOfferResponse, body)).data);

export const useWithdrawOffer = () =>
  useExchangeMutation(async ({ id, version }: { id: string; version: number }) => (await apiSend('POST', `${BASE}/offers/${enc(id)}/withdraw`, ZOfferResponse, { version })).data);

export const useRequestDay = () =>
  useExchangeMutation(
    async ({ offerId, body }: { offerId: string; body: TExchangeRequestCreate }) =>
      (await apiSend('POST', `${BASE}/offers/${enc(offerId)}/requests`, ZExchangeRequestResponse, body)).data,
  );

export type TExchangeStep = 'accept' | 'decline' | 'cancel' | 'propose';

/** A step of a request's status flow (`propose` carries the other day). */
export const useExchangeStep = () =>
  useExchangeMutation(
    async ({ requestId, step, version, day }: { requestId: string; step: TExchangeStep; version: number; day?: string }) =>
      (await apiSend('POST', `${BASE}/requests/${enc(requestId)}/${step}`, ZExchangeRequestResponse, step === 'propose' ? { version, day } : { version })).data,
  );

/** Writes or changes my side's reflection after the visit day. */
export const useExchangeReflection = () =>
  useExchangeMutation(
    async ({ requestId, version, text }: { requestId: string; version: number; text: string }) =>
      (await apiSend('PUT', `${BASE}/requests/${enc(requestId)}/reflection`, ZExchangeRequestResponse, { version, text })).data,
  );
