/** reported → confirmed (by the counter-party) → verified or rejected (by the edition's hub). */
export const CONTRACT_STATUSES = ['reported', 'confirmed', 'verified', 'rejected'] as const
export type ContractStatus = (typeof CONTRACT_STATUSES)[number]

export function readContractStatus(value: string): ContractStatus | null {
  return CONTRACT_STATUSES.find((status) => status === value) ?? null
}

/** Who moves a contract: the counter-party confirms; the hub verifies a confirmed one, or rejects an open one. */
export function contractMoves(status: ContractStatus): { confirm: boolean; verify: boolean; reject: boolean } {
  return {
    confirm: status === 'reported',
    verify: status === 'confirmed',
    reject: status === 'reported' || status === 'confirmed',
  }
}
