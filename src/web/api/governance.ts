import { z } from 'zod';
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  ZActionItemResponse,
  ZBodyListResponse,
  ZBodyMemberListResponse,
  ZBodyResponse,
  ZCalendarFeedResponse,
  ZMeetingListResponse,
  ZMeetingResponse,
  ZMyActionsResponse,
  ZIndicatorListResponse,
  ZIndicatorResponse,
  ZPlanActionListResponse,
  ZPlanActionResponse,
  ZPlanDecisionItemListResponse,
  ZPlanListResponse,
  ZPlanResponse,
  ZMeetingAttachmentListResponse,
  ZMeetingAttachmentResponse,
  ZPublicationListResponse,
  ZPublicationResponse,
  ZPublicationStateResponse,
  ZPublishedMeetingResponse,
  ZPublishedPlanResponse,
  type TMeetingAttachmentUpload,
  type TIndicatorCreate,
  type TMeasurementCreate,
  type TPlanActionCreate,
  type TPlanActionTransition,
  type TPlanCreate,
  type TActionItemCreate,
  type TActionItemUpdate,
  type TAttendanceSet,
  type TMinutesSet,
} from '../../shared/schemas/governance.js';
import { apiGet, apiSend } from './client.js';

const BASE = '/api/governance';
const enc = encodeURIComponent;

/** Query keys of the consultation screens; a change of a meeting invalidates everything of the module (small data). */
export const governanceKeys = {
  all: ['governance'] as const,
  bodies: ['governance', 'bodies'] as const,
  body: (id: string) => ['governance', 'body', id] as const,
  members: (id: string) => ['governance', 'body', id, 'members'] as const,
  meetings: (id: string) => ['governance', 'body', id, 'meetings'] as const,
  meeting: (id: string) => ['governance', 'meeting', id] as const,
  myActions: ['governance', 'my-actions'] as const,
};

/** My bodies (coordinators: of their regions). One page of 100 is plenty for a person. */
export const useBodies = () =>
  useQuery({ queryKey: governanceKeys.bodies, queryFn: async ({ signal }) => apiGet(`${BASE}/bodies?limit=100`, ZBodyListResponse, signal) });

export const useBody = (id: string) =>
  useQuery({ queryKey: governanceKeys.body(id), queryFn: async ({ signal }) => apiGet(`${BASE}/bodies/${enc(id)}`, ZBodyResponse, signal) });

export const useMembers = (id: string) =>
  useQuery({ queryKey: governanceKeys.members(id), queryFn: async ({ signal }) => apiGet(`${BASE}/bodies/${enc(id)}/members`, ZBodyMemberListResponse, signal) });

export const useMeetings = (id: string) =>
  useQuery({ queryKey: governanceKeys.meetings(id), queryFn: async ({ signal }) => apiGet(`${BASE}/bodies/${enc(id)}/meetings?limit=100`, ZMeetingListResponse, signal) });

export const useMeeting = (id: string) =>
  useQuery({ queryKey: governanceKeys.meeting(id), queryFn: async ({ signal }) => apiGet(`${BASE}/meetings/${enc(id)}`, ZMeetingResponse, signal) });

/** My actions across bodies, a page at a time ("meer laden"). */
export const useMyActions = () =>
  useInfiniteQuery({
    queryKey: governanceKeys.myActions,
    queryFn: async ({ signal, pageParam }) => apiGet(`${BASE}/my-actions${pageParam ? `?cursor=${enc(pageParam)}` : ''}`, ZMyActionsResponse, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.data.nextCursor,
  });

/** Downloads of a meeting (plain links: the browser saves or opens them). */
export const minutesDocxUrl = (id: string) => `${BASE}/meetings/${enc(id)}/minutes.docx`;
export const minutesPrintUrl = (id: string) => `${BASE}/meetings/${enc(id)}/print`;
export const meetingIcsUrl = (id: string) => `${BASE}/meetings/${enc(id)}/meeting.ics`;

function useInvalidateAll() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: governanceKeys.all });
}

/** A new private calendar feed URL (shown once). */
export function useRegenerateFeed(bodyId: string) {
  return useMutation({ mutationFn: async () => (await apiSend('POST', `${BASE}/bodies/${enc(bodyId)}/calendar-feed`, ZCalendarFeedResponse)).data });
}

export function useReorderAgenda(meetingId: string) {
  const invalidate = useInvalidateAll();
  return useMutation({
    mutationFn: async (body: { version: number; itemIds: string[] }) => (await apiSend('POST', `${BASE}/meetings/${enc(meetingId)}/agenda/order`, ZMeetingResponse, body)).data,
    onSettled: invalidate,
  });
}

export function useSetMinutes(meetingId: string) {
  const invalidate = useInvalidateAll();
  return useMutation({
    mutationFn: async ({ itemId, body }: { itemId: string; body: TMinutesSet }) =>
      (await apiSend('PUT', `${BASE}/meetings/${enc(meetingId)}/items/${enc(itemId)}/minutes`, ZMeetingResponse, body)).data,
    onSettled: invalidate,
  });
}

export function useSetAttendance(meetingId: string) {
  const invalidate = useInvalidateAll();
  return useMutation({
    mutationFn: async (body: TAttendanceSet) => (await apiSend('PUT', `${BASE}/meetings/${enc(meetingId)}/attendance`, ZMeetingResponse, body)).data,
    onSettled: invalidate,
  });
}

export function useAddAction(meetingId: string) {
  const invalidate = useInvalidateAll();
  return useMutation({
    mutationFn: async ({ itemId, body }: { itemId: string; body: TActionItemCreate }) =>
      (await apiSend('POST', `${BASE}/meetings/${enc(meetingId)}/items/${enc(itemId)}/actions`, ZActionItemResponse, body)).data,
    onSettled: invalidate,
  });
}

export function useUpdateAction() {
  const invalidate = useInvalidateAll();
  return useMutation({
    mutationFn: async ({ actionId, body }: { actionId: string; body: TActionItemUpdate }) =>
      (await apiSend('PATCH', `${BASE}/actions/${enc(actionId)}`, ZActionItemResponse, body)).data,
    onSettled: invalidate,
  });
}

/* ----- Regional plan and indicators ----- */

export const planKeys = {
  plans: (bodyId: string) => ['governance', 'body', bodyId, 'plans'] as const,
  plan: (id: string) => ['governance', 'plan', id] as const,
  actions: (id: string) => ['governance', 'plan', id, 'actions'] as const,
  action: (id: string) => ['governance', 'plan-action', id] as const,
  indicators: (id: string) => ['governance', 'plan', id, 'indicators'] as const,
  indicator: (id: string) => ['governance', 'indicator', id] as const,
  decisionItems: (id: string, q = '') => ['governance', 'plan', id, 'decision-items', q] as const,
};

export const planCsvUrl = (id: string) => `${BASE}/plans/${enc(id)}/plan.csv`;
export const planPrintUrl = (id: string) => `${BASE}/plans/${enc(id)}/print`;

export const usePlans = (bodyId: string) =>
  useQuery({ queryKey: planKeys.plans(bodyId), queryFn: async ({ signal }) => apiGet(`${BASE}/bodies/${enc(bodyId)}/plans?limit=100`, ZPlanListResponse, signal) });

export const usePlan = (id: string) => useQuery({ queryKey: planKeys.plan(id), queryFn: async ({ signal }) => apiGet(`${BASE}/plans/${enc(id)}`, ZPlanResponse, signal) });

export const usePlanActions = (id: string) =>
  useQuery({ queryKey: planKeys.actions(id), queryFn: async ({ signal }) => apiGet(`${BASE}/plans/${enc(id)}/actions?limit=100`, ZPlanActionListResponse, signal) });

/** One action with its status history; only fetched when the history is opened. */
export const usePlanAction = (id: string, enabled: boolean) =>
  useQuery({ queryKey: planKeys.action(id), enabled, queryFn: async ({ signal }) => apiGet(`${BASE}/plan-actions/${enc(id)}`, ZPlanActionResponse, signal) });

/** The decisions (agenda items of kind decision of the body's meetings) a status change may point at; for those who keep the plan. */
/** The decision items a status change may point at; `q` narrows by title or decision on the server (a body has years of them). */
export const usePlanDecisionItems = (planId: string, q = '') =>
  useQuery({
    queryKey: planKeys.decisionItems(planId, q),
    queryFn: async ({ signal }) => apiGet(`${BASE}/plans/${enc(planId)}/decision-items${q ? `?q=${encodeURIComponent(q)}` : ''}`, ZPlanDecisionItemListResponse, signal),
    placeholderData: keepPreviousData,
  });

export const useIndicators = (planId: string) =>
  useQuery({ queryKey: planKeys.indicators(planId), queryFn: async ({ signal }) => apiGet(`${BASE}/plans/${enc(planId)}/indicators?limit=100`, ZIndicatorListResponse, signal) });

export const useIndicator = (id: string) => useQuery({ queryKey: planKeys.indicator(id), queryFn: async ({ signal }) => apiGet(`${BASE}/indicators/${enc(id)}`, ZIndicatorResponse, signal) });

export function useCreatePlan(bodyId: string) {
  const invalidate = useInvalidateAll();
  return useMutation({ mutationFn: async (body: TPlanCreate) => (await apiSend('POST', `${BASE}/bodies/${enc(bodyId)}/plans`, ZPlanResponse, body)).data, onSettled: invalidate });
}

export function useCreatePlanAction(planId: string) {
  const invalidate = useInvalidateAll();
  return useMutation({ mutationFn: async (body: TPlanActionCreate) => (await apiSend('POST', `${BASE}/plans/${enc(planId)}/actions`, ZPlanActionResponse, body)).data, onSettled: invalidate });
}

export function useTransitionPlanAction() {
  const invalidate = useInvalidateAll();
  return useMutation({
    mutationFn: async ({ actionId, body }: { actionId: string; body: TPlanActionTransition }) => (await apiSend('POST', `${BASE}/plan-actions/${enc(actionId)}/status`, ZPlanActionResponse, body)).data,
    onSettled: invalidate,
  });
}

export function useCreateIndicator(planId: string) {
  const invalidate = useInvalidateAll();
  return useMutation({ mutationFn: async (body: TIndicatorCreate) => (await apiSend('POST', `${BASE}/plans/${enc(planId)}/indicators`, ZIndicatorResponse, body)).data, onSettled: invalidate });
}

export function useAddMeasurement(indicatorId: string) {
  const invalidate = useInvalidateAll();
  return useMutation({ mutationFn: async (body: TMeasurementCreate) => (await apiSend('POST', `${BASE}/indicators/${enc(indicatorId)}/measurements`, ZIndicatorResponse, body)).data, onSettled: invalidate });
}

export function useMeasureNow(indicatorId: string) {
  const invalidate = useInvalidateAll();
  return useMutation({ mutationFn: async () => (await apiSend('POST', `${BASE}/indicators/${enc(indicatorId)}/measure`, ZIndicatorResponse)).data, onSettled: invalidate });
}

/* ----- Meeting attachments and publishing ----- */

export const attachmentKeys = { ofMeeting: (id: string) => ['governance', 'meeting', id, 'attachments'] as const };
export const attachmentUrl = (id: string) => `${BASE}/meeting-attachments/${enc(id)}`;

export const useMeetingAttachments = (meetingId: string) =>
  useQuery({ queryKey: attachmentKeys.ofMeeting(meetingId), queryFn: async ({ signal }) => apiGet(`${BASE}/meetings/${enc(meetingId)}/attachments`, ZMeetingAttachmentListResponse, signal) });

export function useUploadAttachment(meetingId: string) {
  const invalidate = useInvalidateAll();
  return useMutation({
    mutationFn: async (body: TMeetingAttachmentUpload) => (await apiSend('POST', `${BASE}/meetings/${enc(meetingId)}/attachments`, ZMeetingAttachmentResponse, body)).data,
    onSettled: invalidate,
  });
}

export function useDeleteAttachment() {
  const invalidate = useInvalidateAll();
  return useMutation({ mutationFn: async (id: string) => apiSend('DELETE', attachmentUrl(id), z.unknown()), onSettled: invalidate });
}

export const publicationKeys = {
  all: ['governance', 'published'] as const,
  state: (kind: 'meetings' | 'plans', id: string) => ['governance', kind, id, 'publication'] as const,
  meeting: (id: string) => ['governance', 'published', 'meeting', id] as const,
  plan: (id: string) => ['governance', 'published', 'plan', id] as const,
};

export const usePublished = () => useQuery({ queryKey: publicationKeys.all, queryFn: async ({ signal }) => apiGet(`${BASE}/published`, ZPublicationListResponse, signal) });
export const usePublishedMeeting = (id: string, enabled: boolean) =>
  useQuery({ queryKey: publicationKeys.meeting(id), enabled, queryFn: async ({ signal }) => apiGet(`${BASE}/published/meetings/${enc(id)}`, ZPublishedMeetingResponse, signal) });
export const usePublishedPlan = (id: string, enabled: boolean) =>
  useQuery({ queryKey: publicationKeys.plan(id), enabled, queryFn: async ({ signal }) => apiGet(`${BASE}/published/plans/${enc(id)}`, ZPublishedPlanResponse, signal) });

/** Whether a meeting's decisions or a plan are published, and the (un)publish actions. */
export const usePublicationState = (kind: 'meetings' | 'plans', id: string) =>
  useQuery({ queryKey: publicationKeys.state(kind, id), queryFn: async ({ signal }) => apiGet(`${BASE}/${kind}/${enc(id)}/publication`, ZPublicationStateResponse, signal) });

export function useSetPublished(kind: 'meetings' | 'plans', id: string) {
  const invalidate = useInvalidateAll();
  return useMutation({
    mutationFn: async (publish: boolean) =>
      publish ? apiSend('POST', `${BASE}/${kind}/${enc(id)}/publication`, ZPublicationResponse) : apiSend('DELETE', `${BASE}/${kind}/${enc(id)}/publication`, z.unknown()),
    onSettled: invalidate,
  });
}
