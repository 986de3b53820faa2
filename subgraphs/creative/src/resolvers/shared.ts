import { type Connection, type KeyedRow, keysetCursor, requireReader, toConnection } from "@atelier/subgraph-kit";
import { z } from "zod";
import type { Context } from "../context";
import { id, page } from "../inputs/validation";
import type { CreativeScope } from "../scope/creative-scope";

export const IdArgs = z.object({ id });
export const PageArgs = z.object(page);

/** Parses the `input` argument with a zod schema (BAD_USER_INPUT naming the field otherwise). */
export function inputOf<T extends z.ZodType>(schema: T, args: { input: unknown }): z.infer<T> {
  return (z.object({ input: schema }).parse(args) as { input: z.infer<T> }).input;
}

/** A nested connection from the loader's first page (fetched with one extra row, keyed for cursors). */
export function childConnection<T extends KeyedRow>(rows: T[], first: number | null | undefined): Connection<T> {
  return toConnection(rows, first ?? 20, keysetCursor);
}

/** A federation reference to identity's User (non-null when the id is). */
export function userRef(userId: string): { __typename: "User"; id: string };
export function userRef(userId: string | null): { __typename: "User"; id: string } | null;
export function userRef(userId: string | null) {
  return userId ? { __typename: "User" as const, id: userId } : null;
}

/** Reference ids that are not UUIDs cannot exist: answer null rather than a database error. */
export const isUuid = (value: unknown): value is string => id.safeParse(value).success;

/**
 * A row its parent references by foreign key, so it exists. Should it vanish mid-request, the
 * non-null field answers with GraphQL's null error, as it always has.
 */
export const referenced = <T>(load: Promise<T | null>) => load as Promise<T>;

/** The request's scope, once its actor may read creative data: checked before the arguments, as the lists always were. */
export function readerScope(ctx: Context): CreativeScope {
  requireReader(ctx.scope.actor, "creative");
  return ctx.scope;
}
