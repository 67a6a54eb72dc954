"""The documents: their kinds and fields, what is in force on a date, and the data of every document, family by family
(orders, the school year's papers, programmes and lists, nominations, reports). Imports from the book, never from the
office or run layers."""
