# The GPU variant of the augc worker image, for groups whose methods ask for `gpus`: the same
# augc on an NVIDIA CUDA base. On an ECS GPU instance (the ECS GPU-optimized AMI) the NVIDIA
# runtime mounts the driver; the image brings the CUDA user-space libraries your methods need.
# Build it from the repository root:
#   docker build -f docker/worker-gpu.Dockerfile -t <account>.dkr.ecr.<region>.amazonaws.com/augc-worker:<version>-gpu .
FROM node:20-bookworm-slim AS build
WORKDIR /src
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
RUN npm run build && npm prune --omit=dev

FROM nvidia/cuda:12.4.1-runtime-ubuntu22.04
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 python3-pip ca-certificates \
  && rm -rf /var/lib/apt/lists/*
COPY --from=build /usr/local/bin/node /usr/local/bin/node
WORKDIR /opt/augc
COPY --from=build /src/package.json ./
COPY --from=build /src/node_modules ./node_modules
COPY --from=build /src/dist ./dist
COPY --from=build /src/bin ./bin
RUN ln -s /opt/augc/bin/augc.js /usr/local/bin/augc && chmod +x /opt/augc/bin/augc.js
ENV NVIDIA_VISIBLE_DEVICES=all NVIDIA_DRIVER_CAPABILITIES=compute,utility
ENTRYPOINT []
CMD ["augc", "--version"]
