# Built by flowc for "flow.py". Build from this directory: docker build -t "$(cat image.txt)" .
FROM python:3.12-slim
WORKDIR /flowc/app
ENV PYTHONUNBUFFERED=1 PYTHONDONTWRITEBYTECODE=1
COPY ["requirements.txt", "./"]
RUN ["pip", "install", "--no-cache-dir", "-r", "requirements.txt"]
ARG FLOWC_REQUIREMENTS=""
COPY ["requirements/", "./requirements/"]
RUN if [ -n "$FLOWC_REQUIREMENTS" ]; then pip install --no-cache-dir -r "requirements/$FLOWC_REQUIREMENTS.txt"; fi
COPY [".", "./"]
