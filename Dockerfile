# One image for the API (which also serves the web app) and for the job workers.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
COPY runtime/package.json runtime/
COPY compiler/package.json compiler/
COPY mql5-templates/package.json mql5-templates/
COPY drizzle/package.json drizzle/
COPY server/package.json server/
COPY web/package.json web/
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build -w @tradeloom/web

FROM node:20-bookworm-slim
ENV NODE_ENV=production HOST=0.0.0.0 PORT=8787
WORKDIR /app
COPY --from=build /app /app
EXPOSE 8787
# The web app was built in the image; start the server directly (migrations run at start).
CMD ["node_modules/.bin/tsx", "server/src/main.ts"]
