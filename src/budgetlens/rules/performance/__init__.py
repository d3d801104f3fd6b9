"""Rules of the family performance: 绩效目标与自评."""
