import type { BrandKitResolvers } from "../generated/resolvers-types";
import { userRef } from "./shared";

const list = (value: unknown) => (Array.isArray(value) ? value : []);

export const BrandKit: BrandKitResolvers = {
  colors: (k) => list(k.colors),
  fonts: (k) => list(k.fonts),
  logos: (k) => list(k.logos),
  owner: (k) => userRef(k.ownerId),
};
