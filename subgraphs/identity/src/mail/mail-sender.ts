import type { Logger } from "@atelier/logging";

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

/** Where outgoing e-mail goes; deployments plug in a real transport through createIdentityService's deps. */
export interface MailSender {
  send(message: MailMessage): Promise<void>;
}

/** Development transport: logs the message, links included, so a developer can follow them. */
export function createLoggingMailSender(log: Logger): MailSender {
  return {
    async send(message) {
      log.info({ mail: message }, "e-mail (logged, not sent)");
    },
  };
}
