"""Self-hosting: the nginx configuration (nginx.conf), its renderer (nginx.py) and build hooks."""
