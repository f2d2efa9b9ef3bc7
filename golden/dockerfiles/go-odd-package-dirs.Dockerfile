# Built by flowc for "cmd/a b/$HOME/${X:-y}/\"q\"/back\\slash/-x/ünï". Build from this directory: docker build -t "$(cat image.txt)" .
FROM golang:1.26 AS build
WORKDIR /src
COPY [".", "."]
ENV CGO_ENABLED=0
RUN ["go", "build", "-trimpath", "-o", "/flow", "./cmd/a b/$HOME/${X:-y}/\"q\"/back\\slash/-x/ünï"]
FROM gcr.io/distroless/static-debian12
COPY --from=build ["/flow", "/flow"]
ENTRYPOINT ["/flow"]
