# Built by flowc for "testdata/go/init". Build from this directory: docker build -t "$(cat image.txt)" .
FROM golang:1.26 AS build
WORKDIR /src
COPY [".", "."]
ENV CGO_ENABLED=0
RUN ["go", "build", "-trimpath", "-o", "/flow", "./testdata/go/init"]
FROM gcr.io/distroless/static-debian12
COPY --from=build ["/flow", "/flow"]
ENTRYPOINT ["/flow"]
