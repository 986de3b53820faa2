import { z } from "zod";
import type { Context } from "../context";
import { listBrandKits, listTemplates } from "../data/lists";
import { CreateBrandKitInput, UpdateBrandKitInput } from "../domain/brand-kit-input";
import { createBrandKit, deleteBrandKit, updateBrandKit } from "../domain/save-brand-kit";
import { CreateTemplateInput, createTemplate, deleteTemplate } from "../domain/save-template";
import { readerOf } from "../domain/scope";
import type { BrandKit, Template } from "../generated/prisma/client";
import { type Args, IdArgs, inputOf, PageArgs, userRef } from "./shared";

const TemplateArgs = PageArgs.extend({
  category: z.string().trim().max(50).nullish(),
  tags: z.array(z.string().trim().max(40)).max(20).nullish(),
  search: z.string().trim().max(150).nullish(),
});

const list = (value: unknown) => (Array.isArray(value) ? value : []);

export const brandKitResolvers = {
  Query: {
    brandKits: (_: unknown, args: Args, ctx: Context) =>
      listBrandKits(ctx.services, readerOf(ctx.identity), PageArgs.parse(args)),
    brandKit: (_: unknown, args: Args, ctx: Context) => ctx.loaders.brandKitById.load(IdArgs.parse(args).id),
    templates: (_: unknown, args: Args, ctx: Context) =>
      listTemplates(ctx.services, readerOf(ctx.identity), TemplateArgs.parse(args)),
    template: (_: unknown, args: Args, ctx: Context) => ctx.loaders.templateById.load(IdArgs.parse(args).id),
  },
  Mutation: {
    createBrandKit: async (_: unknown, args: Args, ctx: Context) => ({
      brandKit: await createBrandKit(ctx, inputOf(CreateBrandKitInput, args)),
    }),
    updateBrandKit: async (_: unknown, args: Args, ctx: Context) => ({
      brandKit: await updateBrandKit(ctx, inputOf(UpdateBrandKitInput, args)),
    }),
    deleteBrandKit: async (_: unknown, args: Args, ctx: Context) => ({
      deletedBrandKitId: await deleteBrandKit(ctx, inputOf(IdArgs, args)),
    }),
    createTemplate: async (_: unknown, args: Args, ctx: Context) => ({
      template: await createTemplate(ctx, inputOf(CreateTemplateInput, args)),
    }),
    deleteTemplate: async (_: unknown, args: Args, ctx: Context) => ({
      deletedTemplateId: await deleteTemplate(ctx, inputOf(IdArgs, args)),
    }),
  },
  BrandKit: {
    colors: (k: BrandKit) => list(k.colors),
    fonts: (k: BrandKit) => list(k.fonts),
    logos: (k: BrandKit) => list(k.logos),
    owner: (k: BrandKit) => userRef(k.ownerId),
  },
  Template: {
    isSystem: (t: Template) => t.tenantId === null,
  },
};
