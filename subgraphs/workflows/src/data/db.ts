import type { SqlTx } from "@atelier/db";
import type { Prisma } from "../generated/prisma/client";

/** A Prisma client or an interactive transaction: data functions work with either. */
export type Db = Prisma.TransactionClient;

/** The raw-SQL surface of a transaction: a Prisma one, or a plain pg one (`scope.sql`). */
export type RawDb = SqlTx;
