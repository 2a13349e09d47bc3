# The image compose.yaml runs twice. Debian-based (better-sqlite3 and the Prisma JS engine
# need nothing else); the pages are built into the image so instances start at once.
FROM node:22-bookworm-slim
WORKDIR /app
COPY package.json package-lock.json ./
COPY prisma ./prisma
COPY prisma.config.ts ./
RUN npm install --no-audit --no-fund
COPY . .
RUN npm run build
ENV NODE_ENV=production
EXPOSE 3000
CMD ["npm", "start"]
