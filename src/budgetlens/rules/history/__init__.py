"""Rules of the family history: 跨文档（历年与预决算）.

They compare a document with other stored documents through `CheckContext.related`
(`related.RelatedDocuments`, implemented by the store); with no provider they find nothing.
"""
