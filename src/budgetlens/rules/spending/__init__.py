"""Rules of the family spending: 三公经费、机关运行经费与政府采购."""
