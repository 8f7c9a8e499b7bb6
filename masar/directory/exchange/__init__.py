"""Import and export of the directory: HSDS 3 JSON, the HSDS tabular CSV form and the
field-survey XLSX sheet in; HSDS 3 JSON and XLSX out. See ``importer`` and ``exporter``."""
