import { scalarResolvers } from "@atelier/subgraph-kit";
import { aiModelResolvers } from "./ai-model";
import { assetResolvers } from "./asset";
import { brandKitResolvers } from "./brand-kit";
import { creditResolvers } from "./credits";
import { generationResolvers } from "./generation";
import { projectResolvers } from "./project";
import { workspaceResolvers } from "./workspace";

const areas = [
  workspaceResolvers,
  projectResolvers,
  assetResolvers,
  brandKitResolvers,
  generationResolvers,
  creditResolvers,
  aiModelResolvers,
] as Record<string, Record<string, unknown>>[];

/** Every area's resolvers, merged per type. */
export function creativeResolvers(): Record<string, unknown> {
  const merged: Record<string, Record<string, unknown>> = {};
  for (const area of areas) {
    for (const [type, fields] of Object.entries(area)) merged[type] = { ...merged[type], ...fields };
  }
  return { ...scalarResolvers, ...merged };
}
