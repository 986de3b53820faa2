import { DomainError } from "@atelier/subgraph-kit";

/** Too few credits for a phase: nothing was started or charged. */
export class InsufficientCreditsError extends DomainError {
  constructor(required: number, balance: number) {
    super(
      "INSUFFICIENT_CREDITS",
      `Not enough credits: this phase costs ${required}, the balance is ${balance}. Buy or be granted credits, then try again.`,
      { required, balance },
    );
  }
}
