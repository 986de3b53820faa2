# One image for every Atelier service; docker-compose.yml picks the entrypoint per container.
FROM node:20-bookworm-slim
WORKDIR /app
COPY . .
RUN npm ci --no-audit --no-fund
USER node
