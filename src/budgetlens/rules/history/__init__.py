"""Rules of the family history: 跨文档（历年与预决算）."""
