"""The web UI and REST API of ``budgetlens serve`` (FastAPI, server-rendered pages, local ECharts)."""
