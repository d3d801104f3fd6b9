"""Rules of the family text: 文字与占位符."""
