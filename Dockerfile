# Polkuopas: the Streamlit app (and, with another command, `chroma run`) in one image.
# Build and run everything with `docker compose up` (docker-compose.yml); README: "Docker".
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1 \
    POLKUOPAS_DATA_DIR=/data
WORKDIR /app
# Dependencies first, so that editing the code does not reinstall them.
COPY pyproject.toml README.md LICENSE ./
COPY assistant/__init__.py assistant/__init__.py
RUN pip install --upgrade pip && pip install -e '.[postgres]'
# The whole project: the prompts, guidance cards and UI are read from the source tree.
COPY . .
RUN pip install --no-deps -e '.[postgres]' \
    && useradd --create-home --uid 10001 polkuopas && mkdir -p /data \
    && chown polkuopas /data
USER polkuopas
VOLUME /data
EXPOSE 8501
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s \
    CMD python -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8501/_stcore/health', timeout=4)"
CMD ["streamlit", "run", "ui/app.py", "--server.address=0.0.0.0", "--server.port=8501", \
     "--server.headless=true", "--browser.gatherUsageStats=false"]
