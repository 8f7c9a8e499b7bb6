"""Background tasks of the case records (django-tasks), one module per concept."""
