import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  ZDeleted,
  ZEventListResponse,
  ZEventResponse,
  ZMyRegistrationResponse,
  ZPublicAccepted,
  ZPublicEventResponse,
  ZPublicRegistrationResponse,
  ZRegistrationListResponse,
  ZRegistrationResponse,
  ZSessionListResponse,
  ZSessionResponse,
  type TEventCreate,
  type TEventKind,
  type TEventUpdate,
  type TPublicRegistrationCreate,
  type TSessionCreate,
  type TSessionUpdate,
} from '../../shared/schemas/learning.js';
import { ZExchangeMatrixResponse } from '../../shared/schemas/exchange.js';
import { apiGet, apiSend } from './client.js';

const BASE = '/api/learning/events';
const enc = encodeURIComponent;
const PAGE_SIZE = 30;

/** Query keys of the learning screens; every change invalidates the event it touched. */
export const learningKeys = {
  all: ['learning'] as const,
  list: (kind: TEventKind | null, from: string) => ['learning', 'list', kind, from] as const,
  event: (id: string) => ['learning', 'event', id] as const,
  sessions: (id: string) => ['learning', 'event', id, 'sessions'] as const,
  mine: (id: string) => ['learning', 'event', id, 'mine'] as const,
  registrations: (id: string) => ['learning', 'event', id, 'registrations'] as const,
};

/** Events from a day on, page by page (keyset on the day), optionally of one kind. */
export const useEvents = (kind: TEventKind | null, from: string) =>
  useInfiniteQuery({
    queryKey: learningKeys.list(kind, from),
    queryFn: async ({ signal, pageParam }) => {
      const search = new URLSearchParams({ limit: String(PAGE_SIZE), from });
      if (kind) search.set('kind', kind);
      if (pageParam) search.set('cursor', pageParam);
      return apiGet(`${BASE}?${search.toString()}`, ZEventListResponse, signal);
    },
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.data.nextCursor,
    placeholderData: keepPreviousData,
  });

export const useEvent = (id: string) =>
  useQuery({ queryKey: learningKeys.event(id), queryFn: async ({ signal }) => apiGet(`${BASE}/${enc(id)}`, ZEventResponse, signal) });

export const useSessions = (id: string) =>
  useQuery({ queryKey: learningKeys.sessions(id), queryFn: async ({ signal }) => apiGet(`${BASE}/${enc(id)}/sessions`, ZSessionListResponse, signal) });

export const useMyRegistration = (id: string) =>
  useQuery({ queryKey: learningKeys.mine(id), queryFn: async ({ signal }) => apiGet(`${BASE}/${enc(id)}/my-registration`, ZMyRegistrationResponse, signal) });

/** The organiser's check-in list; refreshed every 20 s while open (several people check in at one door). */
export const useRegistrations = (id: string, enabled: boolean) =>
  useQuery({
    queryKey: learningKeys.registrations(id),
    queryFn: async ({ signal }) => apiGet(`${BASE}/${enc(id)}/registrations`, ZRegistrationListResponse, signal),
    enabled,
    refetchInterval: 20_000,
  });

/** Where a participant (or the organiser) downloads a certificate of attendance. */
export const certificateUrl = (eventId: string, registrationId: string) => `${BASE}/${enc(eventId)}/registrations/${enc(registrationId)}/certificate.pdf`;

/** Where the organiser downloads the participant list (a plain link: the browser saves the CSV). */
export const participantsCsvUrl = (id: string) => `${BASE}/${enc(id)}/participants.csv`;

function useInvalidateEvent() {
  const queryClient = useQueryClient();
  return (id?: string) => queryClient.invalidateQueries({ queryKey: id ? learningKeys.event(id) : learningKeys.all });
}

export function useCreateEvent() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: TEventCreate) => (await apiSend('POST', BASE, ZEventResponse, body)).data,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: learningKeys.all }),
  });
}

export function useUpdateEvent(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: TEventUpdate) => (await apiSend('PATCH', `${BASE}/${enc(id)}`, ZEventResponse, body)).data,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: learningKeys.all }),
  });
}

export function useSaveSession(eventId: string) {
  const invalidate = useInvalidateEvent();
  return useMutation({
    mutationFn: async ({ sessionId, body }: { sessionId: string | null; body: TSessionCreate | TSessionUpdate }) =>
      sessionId
        ? (await apiSend('PATCH', `${BASE}/${enc(eventId)}/sessions/${enc(sessionId)}`, ZSessionResponse, body)).data
        : (await apiSend('POST', `${BASE}/${enc(eventId)}/sessions`, ZSessionResponse, body)).data,
    onSuccess: () => invalidate(eventId),
  });
}

export function useDeleteSession(eventId: string) {
  const invalidate = useInvalidateEvent();
  return useMutation({
    mutationFn: async ({ sessionId, version }: { sessionId: string; version: number }) =>
      (await apiSend('DELETE', `${BASE}/${enc(eventId)}/sessions/${enc(sessionId)}?version=${version}`, ZDeleted)).data,
    onSuccess: () => invalidate(eventId),
  });
}

export function useRegister(eventId: string) {
  const invalidate = useInvalidateEvent();
  return useMutation({
    mutationFn: async (sessionIds: string[]) => (await apiSend('POST', `${BASE}/${enc(eventId)}/registrations`, ZRegistrationResponse, { sessionIds })).data,
    onSettled: () => invalidate(eventId),
  });
}

export function useCancelRegistration(eventId: string) {
  const invalidate = useInvalidateEvent();
  return useMutation({
    mutationFn: async (registrationId: string) => {
      await apiSend('DELETE', `${BASE}/${enc(eventId)}/registrations/${enc(registrationId)}`, ZRegistrationResponse);
    },
    onSettled: () => invalidate(eventId),
  });
}

export function useAttendance(eventId: string) {
  const invalidate = useInvalidateEvent();
  return useMutation({
    mutationFn: async ({ registrationId, present }: { registrationId: string; present: boolean }) =>
      (await apiSend('POST', `${BASE}/${enc(eventId)}/registrations/${enc(registrationId)}/attendance`, ZRegistrationResponse, { present })).data,
    onSettled: () => invalidate(eventId),
  });
}

// --- the public form (no login) ---------------------------------------------------------------

const PUBLIC = '/api/learning/public';

/** The event as the public form shows it (404 when the organiser did not open the form). */
export const usePublicEvent = (id: string) =>
  useQuery({
    queryKey: ['learning', 'public', id] as const,
    queryFn: async ({ signal }) => apiGet(`${PUBLIC}/events/${enc(id)}`, ZPublicEventResponse, signal, { redirectOnUnauthenticated: false }),
    retry: false,
  });

export const usePublicRegister = (id: string) =>
  useMutation({
    mutationFn: async (body: TPublicRegistrationCreate) => apiSend('POST', `${PUBLIC}/events/${enc(id)}/registrations`, ZPublicAccepted, body, { redirectOnUnauthenticated: false }),
  });

/** Confirms (`confirm`) or cancels (`cancel`) a public registration with the token of the mail's link. */
export const usePublicToken = (step: 'confirm' | 'cancel') =>
  useMutation({
    mutationFn: async (token: string) => (await apiSend('POST', `${PUBLIC}/${step}`, ZPublicRegistrationResponse, { token }, { redirectOnUnauthenticated: false })).data,
  });

// --- exchange learning ("wisselleren") ---------------------------------------------------------

/** The coordinator's sector × sector matrix of the visits that took place in a year. */
export const useExchangeMatrix = (year: number) =>
  useQuery({
    queryKey: ['learning', 'exchange', 'matrix', year] as const,
    queryFn: async ({ signal }) => (await apiGet(`/api/learning/exchanges/matrix?year=${year}`, ZExchangeMatrixResponse, signal)).data,
    placeholderData: keepPreviousData,
  });
