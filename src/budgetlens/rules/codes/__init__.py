"""Rules of the family codes: 分类科目编码."""
