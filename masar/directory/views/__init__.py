"""Directory pages: the public finder (``public``) and the staff pages (``organizations``,
``services``)."""
