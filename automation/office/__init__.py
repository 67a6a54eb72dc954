"""Word and Excel: rendering templates (and the column fit), the default templates, their check and the field guide,
the generated tables, the marked copy and the blank books. Imports from the book and the documents, never from run."""
