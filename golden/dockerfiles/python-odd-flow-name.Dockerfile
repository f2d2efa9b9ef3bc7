# Built by flowc for "a b $HOME \"q\" \\ # x=y.py". Build from this directory: docker build -t "$(cat image.txt)" .
FROM localhost:5000/py/base:3.12@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
WORKDIR /flowc/app
ENV PYTHONUNBUFFERED=1 PYTHONDONTWRITEBYTECODE=1
COPY ["requirements.txt", "./"]
RUN ["pip", "install", "--no-cache-dir", "-r", "requirements.txt"]
COPY [".", "./"]
