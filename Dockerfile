# One image for every Atelier service; docker-compose.yml picks the process per container
# (`node dist/<service>/index.mjs`). Build: `docker build -t atelier .`

# Everything, with dev dependencies: Prisma clients generated, services bundled (npm run build).
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY . .
RUN npm ci --no-audit --no-fund && npm run build

# The migrations job: Prisma's CLI is a development tool, so it runs from the build stage.
FROM build AS migrate
ENV NODE_ENV=production
USER node
CMD ["npm", "run", "migrate"]

# Production dependencies only (the bundles keep npm packages external). The root postinstall
# generates Prisma clients with the CLI, a dev dependency: the bundles already contain them.
FROM node:20-bookworm-slim AS production-deps
WORKDIR /app
COPY --from=build /app/package.json /app/package-lock.json ./
COPY --from=build /app/packages ./packages
COPY --from=build /app/gateway/package.json ./gateway/
COPY --from=build /app/subgraphs ./subgraphs
COPY --from=build /app/e2e/package.json ./e2e/
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund

FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production
WORKDIR /app
COPY --from=production-deps /app/node_modules ./node_modules
COPY --from=build /app/package.json ./
COPY --from=build /app/dist ./dist
# Read at run time beside the code: the supergraph, subscription registry and each subgraph's SDL.
COPY --from=build /app/schema ./schema
COPY --from=build /app/subgraphs/identity/src/schema ./subgraphs/identity/src/schema
COPY --from=build /app/subgraphs/knowledge/src/schema ./subgraphs/knowledge/src/schema
COPY --from=build /app/subgraphs/workflows/src/schema ./subgraphs/workflows/src/schema
COPY --from=build /app/subgraphs/creative/src/schema ./subgraphs/creative/src/schema
# Creative's local blobs (STORAGE_DIR) live on a volume the non-root user can write.
RUN mkdir -p /data/blobs && chown -R node:node /data
VOLUME ["/data"]
USER node
ENV PORT=4000
EXPOSE 4000
# Workers answer on METRICS_PORT (they serve no other HTTP), services on PORT.
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch(`http://127.0.0.1:${process.env.METRICS_PORT || process.env.PORT}/ready`).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# The gateway's heap flags: gateway/src/node-flags.ts says why (peak RSS under load).
CMD ["node", "--max-old-space-size=1024", "--max-semi-space-size=8", "dist/gateway/index.mjs"]
