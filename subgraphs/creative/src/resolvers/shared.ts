import { type Connection, type KeyedRow, keysetCursor, toConnection } from "@atelier/subgraph-kit";
import { z } from "zod";
import type { Context } from "../context";
import { id, page } from "../domain/validation";

export type Args = Record<string, unknown>;
export type Resolver<P = unknown> = (parent: P, args: Args, ctx: Context) => unknown;

export const IdArgs = z.object({ id });
export const PageArgs = z.object(page);

/** Parses the `input` argument with a zod schema (BAD_USER_INPUT naming the field otherwise). */
export function inputOf<T extends z.ZodType>(schema: T, args: Args): z.infer<T> {
  return (z.object({ input: schema }).parse(args) as { input: z.infer<T> }).input;
}

/** A nested connection from the loader's first page (fetched with one extra row, keyed for cursors). */
export function childConnection<T extends KeyedRow>(rows: T[], first: number | null | undefined): Connection<T> {
  return toConnection(rows, first ?? 20, keysetCursor);
}

export const userRef = (userId: string | null) => (userId ? { __typename: "User", id: userId } : null);

/** Reference ids that are not UUIDs cannot exist: answer null rather than a database error. */
export const isUuid = (value: unknown): value is string => id.safeParse(value).success;
