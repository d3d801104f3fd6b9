"""The store: recognised documents, their tables, cells and findings in a SQL database.

SQLite is the embedded default (one file in the user's data directory), PostgreSQL serves a shared
server; Alembic migrations bring either up to date on open. `open_store` gives a `Store`, whose
`ingest` writes one document per transaction and whose read side is `budgetlens.store.queries`.
"""

from budgetlens.store.database import Store, default_url, open_store, store_url
from budgetlens.store.ingest import IngestResult, ingest_document

__all__ = ["IngestResult", "Store", "default_url", "ingest_document", "open_store", "store_url"]
