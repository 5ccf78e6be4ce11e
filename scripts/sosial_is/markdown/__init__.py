"""Markdown as the checks and the course-text parser see it: one scanner (``scanner.py``) for
front matter, fences, headings and ids, links, images, HTML tags, citations and placeholders."""
