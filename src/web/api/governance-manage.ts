import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  ZBodyMemberLeftResponse,
  ZBodyMemberResponse,
  ZBodyOptionsResponse,
  ZBodyResponse,
  ZMeetingResponse,
  ZMemberCandidatesResponse,
  type TAgendaItemCreate,
  type TAgendaItemUpdate,
  type TBodyCreate,
  type TBodyMemberCreate,
  type TBodyMemberLeave,
  type TBodyUpdate,
  type TMeetingCreate,
  type TMeetingUpdate,
  type TMinutesApprove,
} from '../../shared/schemas/governance.js';
import { apiGet, apiSend } from './client.js';
import { governanceKeys } from './governance.js';

/** Keeping bodies, members, meetings and agendas (the management screens of consultation). */

const BASE = '/api/governance';
const enc = encodeURIComponent;

export const governanceManageKeys = {
  options: ['governance', 'body-options'] as const,
  candidates: (bodyId: string, q: string) => ['governance', 'body', bodyId, 'candidates', q] as const,
};

function useInvalidateAll() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: governanceKeys.all });
}

/** Where the caller may start a body (abilities.createBody). */
export const useBodyOptions = () =>
  useQuery({ queryKey: governanceManageKeys.options, queryFn: async ({ signal }) => apiGet(`${BASE}/body-options`, ZBodyOptionsResponse, signal) });

/** People to add as a member, searched from two characters on. */
export const useMemberCandidates = (bodyId: string, q: string) =>
  useQuery({
    queryKey: governanceManageKeys.candidates(bodyId, q),
    queryFn: async ({ signal }) => apiGet(`${BASE}/bodies/${enc(bodyId)}/candidates?q=${enc(q)}`, ZMemberCandidatesResponse, signal),
    enabled: q.trim().length >= 2,
    placeholderData: keepPreviousData,
  });

export function useCreateBody() {
  const invalidate = useInvalidateAll();
  return useMutation({ mutationFn: async (body: TBodyCreate) => (await apiSend('POST', `${BASE}/bodies`, ZBodyResponse, body)).data, onSettled: invalidate });
}

export function useUpdateBody(bodyId: string) {
  const invalidate = useInvalidateAll();
  return useMutation({ mutationFn: async (body: TBodyUpdate) => (await apiSend('PATCH', `${BASE}/bodies/${enc(bodyId)}`, ZBodyResponse, body)).data, onSettled: invalidate });
}

export function useAddMember(bodyId: string) {
  const invalidate = useInvalidateAll();
  return useMutation({
    mutationFn: async (body: TBodyMemberCreate) => (await apiSend('POST', `${BASE}/bodies/${enc(bodyId)}/members`, ZBodyMemberResponse, body)).data,
    onSettled: invalidate,
  });
}

export function useLeaveMember(bodyId: string) {
  const invalidate = useInvalidateAll();
  return useMutation({
    mutationFn: async ({ membershipId, body }: { membershipId: string; body: TBodyMemberLeave }) =>
      (await apiSend('POST', `${BASE}/bodies/${enc(bodyId)}/members/${enc(membershipId)}/leave`, ZBodyMemberLeftResponse, body)).data,
    onSettled: invalidate,
  });
}

export function useCreateMeeting(bodyId: string) {
  const invalidate = useInvalidateAll();
  return useMutation({
    mutationFn: async (body: TMeetingCreate) => (await apiSend('POST', `${BASE}/bodies/${enc(bodyId)}/meetings`, ZMeetingResponse, body)).data,
    onSettled: invalidate,
  });
}

export function useUpdateMeeting(meetingId: string) {
  const invalidate = useInvalidateAll();
  return useMutation({
    mutationFn: async (body: TMeetingUpdate) => (await apiSend('PATCH', `${BASE}/meetings/${enc(meetingId)}`, ZMeetingResponse, body)).data,
    onSettled: invalidate,
  });
}

/** Adds an item at the end of a meeting's agenda (also used to carry an item over to a later meeting). */
export function useAddItem() {
  const invalidate = useInvalidateAll();
  return useMutation({
    mutationFn: async ({ meetingId, body }: { meetingId: string; body: TAgendaItemCreate }) =>
      (await apiSend('POST', `${BASE}/meetings/${enc(meetingId)}/items`, ZMeetingResponse, body)).data,
    onSettled: invalidate,
  });
}

export function useUpdateItem(meetingId: string) {
  const invalidate = useInvalidateAll();
  return useMutation({
    mutationFn: async ({ itemId, body }: { itemId: string; body: TAgendaItemUpdate }) =>
      (await apiSend('PATCH', `${BASE}/meetings/${enc(meetingId)}/items/${enc(itemId)}`, ZMeetingResponse, body)).data,
    onSettled: invalidate,
  });
}

export function useDeleteItem(meetingId: string) {
  const invalidate = useInvalidateAll();
  return useMutation({
    mutationFn: async ({ itemId, version }: { itemId: string; version: number }) =>
      (await apiSend('DELETE', `${BASE}/meetings/${enc(meetingId)}/items/${enc(itemId)}?version=${version}`, ZMeetingResponse)).data,
    onSettled: invalidate,
  });
}

export function useApproveMinutes(meetingId: string) {
  const invalidate = useInvalidateAll();
  return useMutation({
    mutationFn: async (body: TMinutesApprove) => (await apiSend('POST', `${BASE}/meetings/${enc(meetingId)}/minutes/approve`, ZMeetingResponse, body)).data,
    onSettled: invalidate,
  });
}

export function useAddAmendment(meetingId: string) {
  const invalidate = useInvalidateAll();
  return useMutation({
    mutationFn: async ({ itemId, text }: { itemId: string; text: string }) =>
      (await apiSend('POST', `${BASE}/meetings/${enc(meetingId)}/items/${enc(itemId)}/amendments`, ZMeetingResponse, { text })).data,
    onSettled: invalidate,
  });
}
