"""The book: its sheets and closed lists, reading it, its rows as models, problems, references, the regulation's rules
and the check. Imports nothing from the documents, office or run layers, and loads no Word or XML machinery."""
