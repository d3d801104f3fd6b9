"""Rules of the family consistency: 年度、单位与计量单位一致."""
