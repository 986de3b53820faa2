import type { Prisma, PrismaClient } from "../generated/prisma/client";

/** A Prisma client or an interactive transaction: data functions work with either. */
export type Db = Prisma.TransactionClient;
export type { PrismaClient };
