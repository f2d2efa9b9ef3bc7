# Built by flowc for "testdata/go/shared_templates". Build from this directory: docker build -t "$(cat image.txt)" .
FROM golang:1.26 AS build
ARG GOPROXY
ARG GONOSUMDB
ARG GOPRIVATE
ARG GOSUMDB
WORKDIR /src
COPY [".", "."]
ENV CGO_ENABLED=0
ENV GOCACHE=/root/.cache/go-build GOMODCACHE=/go/pkg/mod
RUN --mount=type=cache,id=flowc-go-build,target=/root/.cache/go-build --mount=type=cache,id=flowc-go-mod,target=/go/pkg/mod ["go", "build", "-trimpath", "-o", "/flow", "./testdata/go/shared_templates"]
FROM gcr.io/distroless/static-debian12
COPY --from=build ["/flow", "/flow"]
ENTRYPOINT ["/flow"]
