import type { Prisma } from "../generated/prisma/client";

/** A Prisma client or an interactive transaction: data functions work with either. */
export type Db = Prisma.TransactionClient;
