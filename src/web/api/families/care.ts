import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  ZAtelierListResponse,
  ZAtelierResponse,
  ZCommitmentResponse,
  ZFamilySignalListResponse,
  ZFamilySignalResponse,
  ZJournalNoteResponse,
  ZJournalPageResponse,
  ZRegionSignalPageResponse,
  ZRegionSignalResponse,
  ZWaitListResponse,
  ZWaitResponse,
  type TAtelierCreate,
  type TBridgingCreate,
  type TBridgingUpdate,
  type TCommitmentCreate,
  type TCommitmentToPlan,
  type TCommitmentUpdate,
  type TAtelierUpdate,
  type TJournalCreate,
  type TJournalMark,
  type TSignalRaise,
  type TWaitCreate,
  type TWaitUpdate,
} from '../../../shared/schemas/families/care.js';
import { apiGet, apiSend } from '../client.js';

/**
 * Hooks of the care part of a family's file (waits, ateliers, journal, signals) and of the
 * coordinator's list of blocked trajectories. Responses are parsed with the shared contracts.
 */
export const careKeys = {
  family: (familyId: string) => ['families', familyId, 'care'] as const,
  waits: (familyId: string) => ['families', familyId, 'care', 'waits'] as const,
  ateliers: (familyId: string) => ['families', familyId, 'care', 'ateliers'] as const,
  journal: (familyId: string) => ['families', familyId, 'care', 'journal'] as const,
  signals: (familyId: string) => ['families', familyId, 'care', 'signals'] as const,
  region: ['signals'] as const,
  regionSignal: (id: string) => ['signals', id] as const,
};

const base = (familyId: string) => `/api/families/${encodeURIComponent(familyId)}`;

export const useWaits = (familyId: string) =>
  useQuery({ queryKey: careKeys.waits(familyId), queryFn: ({ signal }) => apiGet(`${base(familyId)}/waits`, ZWaitListResponse, signal) });

export function useWaitMutations(familyId: string) {
  const queryClient = useQueryClient();
  const onSuccess = () => queryClient.invalidateQueries({ queryKey: careKeys.waits(familyId) });
  return {
    create: useMutation({ mutationFn: async (body: TWaitCreate) => (await apiSend('POST', `${base(familyId)}/waits`, ZWaitResponse, body)).data, onSuccess }),
    update: useMutation({
      mutationFn: async ({ waitId, body }: { waitId: string; body: TWaitUpdate }) => (await apiSend('PATCH', `${base(familyId)}/waits/${encodeURIComponent(waitId)}`, ZWaitResponse, body)).data,
      onSuccess,
    }),
    addBridging: useMutation({
      mutationFn: async ({ waitId, body }: { waitId: string; body: TBridgingCreate }) =>
        (await apiSend('POST', `${base(familyId)}/waits/${encodeURIComponent(waitId)}/bridging`, ZWaitResponse, body)).data,
      onSuccess,
    }),
    updateBridging: useMutation({
      mutationFn: async ({ waitId, bridgingId, body }: { waitId: string; bridgingId: string; body: TBridgingUpdate }) =>
        (await apiSend('PATCH', `${base(familyId)}/waits/${encodeURIComponent(waitId)}/bridging/${encodeURIComponent(bridgingId)}`, ZWaitResponse, body)).data,
      onSuccess,
    }),
  };
}

export const useAteliers = (familyId: string) =>
  useQuery({ queryKey: careKeys.ateliers(familyId), queryFn: ({ signal }) => apiGet(`${base(familyId)}/ateliers`, ZAtelierListResponse, signal) });

export function useAtelierMutations(familyId: string) {
  const queryClient = useQueryClient();
  const onSuccess = () => queryClient.invalidateQueries({ queryKey: careKeys.ateliers(familyId) });
  return {
    create: useMutation({ mutationFn: async (body: TAtelierCreate) => (await apiSend('POST', `${base(familyId)}/ateliers`, ZAtelierResponse, body)).data, onSuccess }),
    update: useMutation({
      mutationFn: async ({ atelierId, body }: { atelierId: string; body: TAtelierUpdate }) =>
        (await apiSend('PATCH', `${base(familyId)}/ateliers/${encodeURIComponent(atelierId)}`, ZAtelierResponse, body)).data,
      onSettled: onSuccess,
    }),
    addCommitment: useMutation({
      mutationFn: async ({ atelierId, body }: { atelierId: string; body: TCommitmentCreate }) =>
        (await apiSend('POST', `${base(familyId)}/ateliers/${encodeURIComponent(atelierId)}/commitments`, ZCommitmentResponse, body)).data,
      onSuccess,
    }),
    updateCommitment: useMutation({
      mutationFn: async ({ commitmentId, body }: { commitmentId: string; body: TCommitmentUpdate }) =>
        (await apiSend('PATCH', `${base(familyId)}/commitments/${encodeURIComponent(commitmentId)}`, ZCommitmentResponse, body)).data,
      onSuccess,
    }),
    toPlan: useMutation({
      mutationFn: async ({ commitmentId, body }: { commitmentId: string; body: TCommitmentToPlan }) =>
        (await apiSend('POST', `${base(familyId)}/commitments/${encodeURIComponent(commitmentId)}/to-plan`, ZCommitmentResponse, body)).data,
      onSuccess: () => queryClient.invalidateQueries({ queryKey: ['families', familyId] }),
    }),
  };
}

export const useJournal = (familyId: string) =>
  useInfiniteQuery({
    queryKey: careKeys.journal(familyId),
    queryFn: ({ signal, pageParam }) => apiGet(`${base(familyId)}/journal?limit=20${pageParam ? `&cursor=${encodeURIComponent(pageParam)}` : ''}`, ZJournalPageResponse, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.data.nextCursor,
  });

export function useAddJournalNote(familyId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: TJournalCreate) => (await apiSend('POST', `${base(familyId)}/journal`, ZJournalNoteResponse, body)).data,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: careKeys.journal(familyId) }),
  });
}

/** Corrects a note's marking with the version read (409 when someone changed it first). */
export function useMarkJournalNote(familyId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ noteId, body }: { noteId: string; body: TJournalMark }) =>
      (await apiSend('PATCH', `${base(familyId)}/journal/${encodeURIComponent(noteId)}/marking`, ZJournalNoteResponse, body)).data,
    onSettled: () => queryClient.invalidateQueries({ queryKey: careKeys.journal(familyId) }),
  });
}

export const useFamilySignals = (familyId: string) =>
  useQuery({ queryKey: careKeys.signals(familyId), queryFn: ({ signal }) => apiGet(`${base(familyId)}/signals`, ZFamilySignalListResponse, signal) });

export function useRaiseSignal(familyId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: TSignalRaise) => (await apiSend('POST', `${base(familyId)}/signals`, ZFamilySignalResponse, body)).data,
    // "My families" counts the open signals per family.
    onSuccess: () => Promise.all([queryClient.invalidateQueries({ queryKey: careKeys.signals(familyId) }), queryClient.invalidateQueries({ queryKey: ['families', 'list'] })]),
  });
}

/** Resolve or (the contact person) escalate one of the family's signals; both carry the version the screen showed. */
export function useFamilySignalMutations(familyId: string) {
  const queryClient = useQueryClient();
  const onSettled = () => Promise.all([queryClient.invalidateQueries({ queryKey: careKeys.signals(familyId) }), queryClient.invalidateQueries({ queryKey: ['families', 'list'] })]);
  const send = (step: 'resolve' | 'escalate') => async ({ signalId, version }: { signalId: string; version: number }) =>
    (await apiSend('POST', `${base(familyId)}/signals/${encodeURIComponent(signalId)}/${step}`, ZFamilySignalResponse, { version })).data;
  return {
    resolve: useMutation({ mutationFn: send('resolve'), onSettled }),
    escalate: useMutation({ mutationFn: send('escalate'), onSettled }),
  };
}

/** The coordinator's open blocked trajectories of the region, page by page. */
export const useRegionSignals = () =>
  useInfiniteQuery({
    queryKey: careKeys.region,
    queryFn: ({ signal, pageParam }) => apiGet(`/api/signals?limit=50${pageParam ? `&cursor=${encodeURIComponent(pageParam)}` : ''}`, ZRegionSignalPageResponse, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.data.nextCursor,
  });

export function useEscalateRegionSignal() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, version }: { id: string; version: number }) =>
      (await apiSend('POST', `/api/signals/${encodeURIComponent(id)}/escalate`, ZRegionSignalResponse, { version })).data,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: careKeys.region }),
  });
}
