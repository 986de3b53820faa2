import { randomUUID } from "node:crypto";
import pino, { type Logger } from "pino";

export type { Logger };

export interface LoggerOptions {
  service: string;
  level?: string;
  pretty?: boolean;
}

/** The service's root logger; per-request loggers are children of it. */
export function createLogger({ service, level = "info" }: LoggerOptions): Logger {
  return pino({
    level,
    base: { service },
    redact: {
      paths: ["*.password", "*.secret", "*.token", "*.refreshToken", "*.authorization", "req.headers.authorization"],
      censor: "[redacted]",
    },
  });
}

export const REQUEST_ID_HEADER = "x-request-id";

/** Accepts a caller's request id when it looks sane, otherwise makes one. */
export function requestIdFrom(header: string | string[] | undefined | null): string {
  const value = Array.isArray(header) ? header[0] : header;
  return value && /^[A-Za-z0-9._:-]{1,128}$/.test(value) ? value : randomUUID();
}

export interface RequestLogFields {
  requestId: string;
  tenantId?: string | null;
  operation?: string | null;
  actor?: string | null;
}

/** The per-request child logger carrying request id, tenant and operation. */
export function requestLogger(root: Logger, fields: RequestLogFields): Logger {
  return root.child({
    requestId: fields.requestId,
    tenantId: fields.tenantId ?? undefined,
    operation: fields.operation ?? undefined,
    actor: fields.actor ?? undefined,
  });
}
