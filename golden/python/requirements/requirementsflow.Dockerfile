# Built by flowc for "flow.py". Build from this directory: docker build -t "$(cat image.txt)" .
FROM python:3.12-slim
WORKDIR /flowc/app
ENV PYTHONUNBUFFERED=1 PYTHONDONTWRITEBYTECODE=1
COPY ["requirements.txt", "./"]
RUN ["pip", "install", "--no-cache-dir", "-r", "requirements.txt"]
# Steps with packages of their own: for each line "ID IMAGE" of step-images.txt, docker build --build-arg FLOWC_REQUIREMENTS=ID -t IMAGE .
ARG FLOWC_REQUIREMENTS=""
COPY ["requirements/7a3dc6ecaf09.txt", "requirements/b6ab5e88e450.txt", "./requirements/"]
RUN if [ -n "$FLOWC_REQUIREMENTS" ]; then pip install --no-cache-dir -r "requirements/$FLOWC_REQUIREMENTS.txt"; fi
COPY [".", "./"]
