# The augc worker image for AWS Batch (and any service that runs `augc worker` in a container).
# Build it from the repository root:
#   docker build -f docker/worker.Dockerfile -t <account>.dkr.ecr.<region>.amazonaws.com/augc-worker:<version> .
# The jobs augc submits run `augc worker ...` and `augc finalize ...`: the image's only contract is
# `augc` on PATH. It holds no credentials; the job role gives the container its S3 access.
FROM node:20-bookworm-slim AS build
WORKDIR /src
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
RUN npm run build && npm prune --omit=dev

FROM node:20-bookworm-slim
# python3 for pipelines whose `command` methods are Python scripts; remove it if none are.
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 ca-certificates \
  && rm -rf /var/lib/apt/lists/*
WORKDIR /opt/augc
COPY --from=build /src/package.json ./
COPY --from=build /src/node_modules ./node_modules
COPY --from=build /src/dist ./dist
COPY --from=build /src/bin ./bin
RUN ln -s /opt/augc/bin/augc.js /usr/local/bin/augc && chmod +x /opt/augc/bin/augc.js
USER node
WORKDIR /home/node
ENTRYPOINT []
CMD ["augc", "--version"]
