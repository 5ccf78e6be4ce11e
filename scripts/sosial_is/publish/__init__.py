"""Publishing a built site: the safe, reproducible build (``build.py``) and its gzip copies
(``compress.py``), the offline ZIPs (``offline.py``), the PDFs (``pdf.py``) and the nginx
configuration (``nginx.py``, ``nginx.conf``; ``local_nginx.py`` runs it on 127.0.0.1 for tests)."""
