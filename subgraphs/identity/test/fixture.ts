import { defineSubgraphTest, type Subgraph } from "@atelier/testing";
import { loadIdentityConfig } from "../src/config";
import type { MailMessage } from "../src/mail/mail-sender";
import { createIdentityService, type IdentityService } from "../src/server";
import { type Account, signUpAccount } from "./support/accounts";

export type IdentityWithMailbox = IdentityService & { mailbox: MailMessage[] };

/** The identity service, its mail kept in `service.mailbox`; a new tenant is a signed-up owner's. */
export const identityTest = defineSubgraphTest({
  service: "identity",
  env: { DATABASE_POOL_MAX: "4" },
  async start(env): Promise<IdentityWithMailbox> {
    const mailbox: MailMessage[] = [];
    const service = await createIdentityService(loadIdentityConfig(env), {
      mail: { send: async (message) => void mailbox.push(message) },
    });
    return Object.assign(service, { mailbox });
  },
  seedTenant: (subgraph): Promise<Account> => signUpAccount(subgraph),
});

export type IdentitySubgraph = Subgraph<IdentityWithMailbox, Account>;
