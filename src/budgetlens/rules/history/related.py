"""What a cross-document rule may ask about other documents: the `RelatedDocuments` protocol.

Rules never import the store (data flows one way: store → rules); the store implements this
protocol and passes it in `CheckContext.related`. Without a provider (a single-file ``check``) the
history rules find nothing.
"""

from __future__ import annotations

from typing import Protocol

from budgetlens.model import Document


class RelatedDocuments(Protocol):
    """Stored documents related to the one being checked."""

    def prior_year(self, document: Document) -> Document | None:
        """The same unit's document of the same kind and scope for the year before, if stored."""

    def budget_for(self, document: Document) -> Document | None:
        """For a final account, the same unit's budget of the same year, if stored."""

    def member_units(self, document: Document) -> list[Document]:
        """For a department document, the stored unit documents of the same kind and year that make it up."""
