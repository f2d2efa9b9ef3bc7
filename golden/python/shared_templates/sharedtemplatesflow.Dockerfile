# Built by flowc for "flow.py". Build from this directory: docker build -t "$(cat image.txt)" .
FROM python:3.12-slim
WORKDIR /flowc/app
ENV PYTHONUNBUFFERED=1 PYTHONDONTWRITEBYTECODE=1
COPY [".", "./"]
