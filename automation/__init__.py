"""Наставник: the documents of a school's teacher-mentoring system, made from one Excel workbook."""
