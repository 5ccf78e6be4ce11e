"""What happens to every page while it is built, as plain functions of text: citations
(Markdown), and on the HTML: glossary definitions on first uses, rel="noopener" on outbound
links, the notice around a page shown in another language. ``mkdocs/plugin.py`` calls them; a
future builder calls the same functions."""
