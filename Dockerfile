# Kompas as a container image: one `streamlit run` process per container. Every setting
# comes from the environment (KOMPAS_DATABASE_URL, KOMPAS_LIVE, KOMPAS_BASE_URL, …; see
# README, Instellingen), and the schema is created or upgraded on start. compose.yaml runs
# two of them behind nginx on PostgreSQL; README, Opschalen, maps it onto Kubernetes.
#
#   docker build -t kompas .
#   docker run -p 8501:8501 -v kompas-data:/app/data kompas        # SQLite in a volume
#
# The build downloads nothing but the base image and the pinned wheels from the Python
# package index (all binary: psycopg, vl-convert, …); no apt-get, no build step, no CDN.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

WORKDIR /app
COPY requirements.txt .
RUN pip install --only-binary=:all: -r requirements.txt

# A user without a login and without write access to the code; only data/ is writable.
RUN useradd --system --uid 10001 --no-create-home --home-dir /app --shell /usr/sbin/nologin kompas \
    && mkdir -p /app/data \
    && chown kompas /app/data
COPY . .

USER kompas
ENV KOMPAS_DATABASE_URL=sqlite:////app/data/kompas.db \
    STREAMLIT_SERVER_PORT=8501 \
    STREAMLIT_SERVER_ADDRESS=0.0.0.0
VOLUME ["/app/data"]
EXPOSE 8501

HEALTHCHECK --interval=15s --timeout=5s --start-period=40s --retries=3 \
    CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8501/_stcore/health', timeout=4)"]

CMD ["streamlit", "run", "app.py"]
