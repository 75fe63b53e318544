"""Record editors and their parts: the editor frame, forms, sub-tables, the one save path."""
